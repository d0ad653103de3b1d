import sys
from pathlib import Path

import psutil
from helpers import main_result, script_output

# What the snippet reports is checked against facts obtained here by other means: the version
# from sys.version_info, the start methods from the documented platform defaults, the CPU count
# from the kernel's own list of online CPUs. A snippet printing a wrong fact fails.
PYTHON = ".".join(str(part) for part in sys.version_info[:3])
if sys.platform in ("win32", "darwin"):
    DEFAULT_START_METHOD = "spawn"  # macOS since 3.8, Windows always
else:
    DEFAULT_START_METHOD = "forkserver" if sys.version_info >= (3, 14) else "fork"
START_METHODS = {"spawn"} if sys.platform == "win32" else {"fork", "spawn", "forkserver"}


def online_cpus() -> int:
    """The CPUs the kernel lists as online ("0-1,4"), counted from /sys where it exists."""
    online = Path("/sys/devices/system/cpu/online")
    if not online.exists():
        return psutil.cpu_count(logical=True)
    total = 0
    for span in online.read_text().strip().split(","):
        first, _, last = span.partition("-")
        total += int(last or first) - int(first) + 1
    return total


def test_this_machine():
    facts = main_result("home/this_machine.py")
    assert facts["python"].startswith(PYTHON)  # "3.14.0rc1" starts with "3.14.0"
    assert facts["implementation"].lower() == sys.implementation.name  # CPython, PyPy
    assert facts["default start method"] == DEFAULT_START_METHOD
    assert facts["available start methods"][0] == DEFAULT_START_METHOD
    assert set(facts["available start methods"]) == START_METHODS
    assert facts["cpu_count"] == online_cpus()


def test_this_machine_script():
    lines = [line.strip() for line in script_output("home/this_machine.py").splitlines()]
    assert lines[0].startswith(f"python: {PYTHON}")
    assert f"default start method: {DEFAULT_START_METHOD}" in lines
    assert f"cpu_count: {online_cpus()}" in lines
