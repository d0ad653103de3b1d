"""The resource tracker's "leaked shared_memory objects" warning: its cause, and the fix."""

import subprocess
import sys
from multiprocessing import shared_memory

LEAKS = """
from multiprocessing import shared_memory
block = shared_memory.SharedMemory(create=True, size=1024)
print(block.name)
block.close()  # closed, but never unlinked
"""

CLEANS_UP = """
from multiprocessing import shared_memory
block = shared_memory.SharedMemory(create=True, size=1024)
try:
    print(block.name)
finally:
    block.close()
    block.unlink()  # the creator destroys the block when everyone is done
"""


def exists(name: str) -> bool:
    try:
        shared_memory.SharedMemory(name=name).close()
    except FileNotFoundError:
        return False
    return True


def run_program(title: str, source: str) -> bool:
    """Run source in a fresh interpreter; report what it printed and whether it warned."""
    run = subprocess.run([sys.executable, "-c", source], capture_output=True, text=True, timeout=30)
    name = run.stdout.strip()
    warnings = [
        line[line.index("UserWarning") :]
        for line in run.stderr.splitlines()
        if "UserWarning" in line
    ]
    print(f"{title}: created {name!r}, exit code {run.returncode}")
    for warning in warnings:
        print(f"  its stderr: {warning}")
    if not warnings:
        print("  its stderr: (nothing)")
    left_behind = exists(name)
    if left_behind:  # never the case: the tracker unlinked it
        shared_memory.SharedMemory(name=name).unlink()
    print(f"  block still exists afterwards: {left_behind}")
    return bool(warnings)


def main() -> tuple[bool, bool]:
    leaky_warned = run_program("never unlinks", LEAKS)
    fixed_warned = run_program("unlinks in finally", CLEANS_UP)
    return leaky_warned, fixed_warned


if __name__ == "__main__":
    main()
