"""Run snippets as a reader would, supervised, and keep a record of every run.

A snippet is ``snippets/<page>/<file>.py``, copied alone into an empty folder, or
``snippets/<page>/<example>/<file>.py``, copied with every file of its folder. It runs there
as ``python <file> [args]`` in a fresh interpreter, with stdout and stderr on one
pseudo-terminal, so the output is what a reader's terminal shows, child processes included,
whole lines in the order they were printed. The folder is the same on every run
(``<tmp>/parallel-python/<page>/<stem>/``, locked while in use), so paths in outputs do too.

Each run is supervised: when the main process exits, everything it started has a short grace
period to end; a process still alive after it (found by session, and by a marker in its
environment, so a grandchild in a new session is found too) fails the run as *left behind*.
On a timeout or a leftover, the run's processes are killed (its resource trackers last, so they
unlink what they were told of), and the ``/dev/shm`` entries its processes had mapped are
removed: never another program's.

Runs are kept as JSON records in ``SNIPPETS_CACHE_DIR`` (default ``.cache/snippets``), keyed
by everything that can change an output (``run_key``). This module writes no HTML.

- ``SNIPPETS_FRESH=1``: records made before this process started are not reused.
- ``SNIPPETS_FRESH_AFTER=<epoch seconds>``: records started before then are not reused (the
  tests set it, so each snippet runs fresh once per test session).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

import psutil

if sys.platform != "win32":  # the runner needs POSIX; the records and keys do not
    import fcntl
    import pty
    import termios

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
DEFAULT_TIMEOUT = 60.0
GRACE_SECONDS = 3.0  # after the main process exits, for its children and helpers to end
# A measurement whose claims did not hold is measured again after a pause, longer each time,
# so that its tries sample different moments: the machine's other load (another program, or
# the host of a virtual machine taking its CPUs back) comes in bursts.
REMEASURE_PAUSE = 10.0  # seconds before the second measurement; twice that before the third
SHM = Path("/dev/shm")
SHM_PREFIXES = ("psm_", "wnsm_", "mp-", "sem.mp-")
THIS_SOURCE = Path(__file__).read_bytes()  # a change to how runs are made re-runs them
PROCESS_STARTED = time.time()
RUN_MARKER = "SNIPPET_RUN_ID"  # in every run's environment: finds its processes, wherever
# The only variables passed on from the environment that runs the build (all part of the key).
PASSED_ENVIRONMENT = (
    "HOME",
    "LANG",
    "LC_ALL",
    "LC_CTYPE",
    "OMP_NUM_THREADS",
    "PYTHONHASHSEED",
    "PYTHONWARNINGS",
    "PYTHON_CPU_COUNT",
    "TMPDIR",
    "TZ",
)
# Read once, as the build or the test session starts: code run in its process later (Dask's
# local cluster sets OMP_NUM_THREADS and PYTHONHASHSEED) changes neither the key nor the runs.
STARTING_ENVIRONMENT = {name: os.environ[name] for name in PASSED_ENVIRONMENT if name in os.environ}
# Set for every run, as a plain terminal would have them.
# PATH is fixed too: snippets start Python as sys.executable, and a virtual environment's or a
# test session's own PATH must not change the key (the published build must find the tests' runs).
FIXED_ENVIRONMENT = {
    "NO_COLOR": "1",
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "PYTHON_COLORS": "0",
    "TERM": "dumb",
}
# What an interpreter says about itself, run by that interpreter (any version from 3.8).
FACTS_PROGRAM = """\
import importlib.metadata, json, multiprocessing, os, platform, sys
usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
print(json.dumps({
    "python": platform.python_version(),
    "implementation": platform.python_implementation(),
    "system": platform.system(),
    "start_method": multiprocessing.get_all_start_methods()[0],
    "cpus": usable or 1,
    "distributions": sorted(
        f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()
    ),
}))
"""
# Makes another start method the interpreter's default without setting it (set_start_method
# stays usable); placed on PYTHONPATH as sitecustomize.py, so spawned children run it too.
START_METHOD_OVERRIDE = """\
import multiprocessing.context as context
context._default_context._default_context = context._concrete_contexts[{method!r}]
"""


class SnippetError(Exception):
    """A snippet is missing, or did not end the way its page declares."""


@dataclass(frozen=True)
class Expected:
    """How a run must end, and what the page's prose reads off it: declared once, on the page.

    ``claims`` maps each sentence of the prose that reads an outcome off the output to a
    regular expression some line of the output must match. A measurement may be noisy: it
    may run up to ``attempts`` times until its claims hold, and its label says so.
    """

    exit_code: int = 0
    ends_with: str | None = None  # the start of the last line of output
    timeout: float = DEFAULT_TIMEOUT
    claims: dict[str, str] = field(default_factory=dict)
    attempts: int = 1
    alone: bool = False  # a measurement: runs with no other run of this process beside it


@dataclass(frozen=True)
class Record:
    """One supervised run of a snippet."""

    name: str
    args: list[str]
    key: str
    run_id: str
    started_at: float  # seconds since the epoch
    seconds: float
    exit_code: int | None  # None: the main process was still running at the timeout
    timed_out: bool
    left_behind: list[str]  # "pid command" of each process alive after the grace period
    output: str
    python: str
    interpreter: str
    system: str
    start_method: str
    cpus: int  # usable by the run (CPU affinity), as the snippets report it
    figures: dict[str, str] = field(default_factory=dict)  # SVG files written: name -> text
    measurement: int = 1  # which run of a noisy measurement this is
    not_shown: list[str] = field(default_factory=list)  # why the earlier runs were not shown
    alone: bool = False  # no other run of the build or test session ran beside it

    @property
    def command(self) -> str:
        return " ".join(["python", Path(self.name).name, *self.args])


def snippet_path(name: str) -> Path:
    """``"pool/map_squares.py"`` -> the file under ``snippets/``; it must exist."""
    path = SNIPPETS / name
    if not path.is_file():
        raise SnippetError(f"snippets/{name}: no such snippet")
    return path


def example_files(name: str) -> dict[str, bytes]:
    """The files copied for a run: the snippet alone, or its whole example folder."""
    path = snippet_path(name)
    if len(Path(name).parts) == 2:
        return {path.name: path.read_bytes()}
    folder = path.parent
    return {
        str(file.relative_to(folder)): file.read_bytes()
        for file in sorted(folder.rglob("*"))
        if file.is_file() and "__pycache__" not in file.parts
    }


def problems(record: Record, expected: Expected) -> list[str]:
    """What is wrong with a run, given how its page says it ends (empty: nothing)."""
    found = []
    if record.timed_out:
        found.append(f"timed out after {expected.timeout:g} s; its processes were killed")
    elif record.exit_code != expected.exit_code:
        found.append(f"exited with {record.exit_code}, expected {expected.exit_code}")
    elif expected.ends_with is not None and not last_line(record.output).startswith(
        expected.ends_with
    ):
        found.append(f"did not end with {expected.ends_with!r}")
    if record.left_behind:
        processes = "; ".join(record.left_behind)
        found.append(f"left {len(record.left_behind)} processes behind: {processes}")
    return found or unsupported_claims(record, expected)


def unsupported_claims(record: Record, expected: Expected) -> list[str]:
    """The claims no line of this run's output bears out."""
    return [
        f"claim not borne out: {sentence!r} (no line matches {pattern!r})"
        for sentence, pattern in expected.claims.items()
        if not re.search(pattern, record.output, re.MULTILINE)
    ]


def last_line(output: str) -> str:
    lines = output.strip().splitlines()
    return lines[-1] if lines else ""


def obtain(
    name: str,
    args: tuple[str, ...] = (),
    expected: Expected = Expected(),
    python: str = sys.executable,
    start_method: str | None = None,
) -> Record:
    """The record of this run: reused if a valid one is kept, else run now.

    A kept record that does not end as expected is never served: it is run again, and the
    error names the fresh run. A run whose only problem is a claim its output does not bear
    out (a noisy measurement) is run again after a pause, up to ``expected.attempts`` runs in
    all; the record shown says which measurement it is and why the earlier ones were not shown.
    Raises SnippetError, naming the file, if no run ends as declared.
    """
    key = run_key(name, args, python, start_method)
    kept = load(key)
    if kept is not None and not problems(kept, expected):
        return kept
    not_shown: list[str] = []
    for measurement in range(1, expected.attempts + 1):
        time.sleep(REMEASURE_PAUSE * (measurement - 1))
        record = run(name, args, expected.timeout, python, start_method, key, expected.alone)
        found = problems(record, expected)
        if not found:
            if not_shown:
                record = replace(record, measurement=measurement, not_shown=not_shown)
                keep(record)
            return record
        if found != unsupported_claims(record, expected):
            break  # not noise: the run itself failed
        not_shown.append("; ".join(found))
    again = " (a fresh run; the kept record had failed too)" if kept else " (a fresh run)"
    if len(not_shown) > 1:
        again = f" (in each of {len(not_shown)} fresh measurements)"
    raise SnippetError(f"snippets/{name} {'; '.join(found)}{again}. Its output:\n{record.output}")


def load(key: str) -> Record | None:
    """The kept record for a key, if there is one recent enough to reuse."""
    path = records_dir() / f"{key}.json"
    try:
        record = Record(**json.loads(path.read_text()))
    except (OSError, ValueError, TypeError):
        return None
    if record.interpreter != sys.executable and os.environ.get("SNIPPETS_FRESH") != "1":
        return record  # another Python's run: that Python's own test session makes it fresh
    return record if record.started_at >= fresh_after() else None


def fresh_after() -> float:
    if os.environ.get("SNIPPETS_FRESH") == "1":
        return PROCESS_STARTED
    return float(os.environ.get("SNIPPETS_FRESH_AFTER", "0"))


def records_dir() -> Path:
    return Path(os.environ.get("SNIPPETS_CACHE_DIR", ROOT / ".cache" / "snippets"))


def run_key(
    name: str, args: tuple[str, ...], python: str = sys.executable, start_method=None
) -> str:
    """Everything that can change what a run prints, and nothing else."""
    facts = interpreter_facts(python)
    parts = {
        "files": {
            path: hashlib.sha256(data).hexdigest() for path, data in example_files(name).items()
        },
        "name": name,
        "args": list(args),
        "execution": hashlib.sha256(THIS_SOURCE).hexdigest(),
        "interpreter": python,
        "facts": facts,
        "start_method": start_method or facts["start_method"],
        "environment": snippet_environment(),
    }
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()


def interpreters() -> dict[str, str]:
    """Each CPython the build can run snippets with: ``"3.12"`` -> its interpreter.

    This one, and those of the test sessions' environments (``nox --install-only`` makes
    them, with the pinned requirements); one per minor version, this one first.
    """
    found = {minor_version(sys.executable): sys.executable}
    for python in sorted(ROOT.glob(".nox/tests-*/bin/python")):
        found.setdefault(minor_version(str(python)), str(python))
    return found


def minor_version(python: str) -> str:
    return ".".join(interpreter_facts(python)["python"].split(".")[:2])


@functools.cache
def interpreter_facts(python: str) -> dict:
    """Version, platform, default start method, usable CPUs and installed distributions."""
    answer = subprocess.run(
        [python, "-I", "-c", FACTS_PROGRAM], capture_output=True, text=True, check=True
    )
    return json.loads(answer.stdout)


def snippet_environment() -> dict[str, str]:
    return {**STARTING_ENVIRONMENT, **FIXED_ENVIRONMENT}


def run(
    name: str,
    args: tuple[str, ...] = (),
    timeout: float = DEFAULT_TIMEOUT,
    python: str = sys.executable,
    start_method: str | None = None,
    key: str | None = None,
    alone: bool = False,
) -> Record:
    """Run the snippet now, supervised, and keep its record; ``alone``: with no other run."""
    key = key or run_key(name, args, python, start_method)
    files = example_files(name)
    facts = interpreter_facts(python)
    run_id = uuid.uuid4().hex
    env = {**snippet_environment(), RUN_MARKER: run_id}
    with run_folder(name) as folder:
        for relative, data in files.items():
            (folder / relative).parent.mkdir(parents=True, exist_ok=True)
            (folder / relative).write_bytes(data)
        if start_method:
            override = folder.with_name(folder.name + ".start-method")
            override.mkdir(exist_ok=True)
            text = START_METHOD_OVERRIDE.format(method=start_method)
            (override / "sitecustomize.py").write_text(text)
            env["PYTHONPATH"] = str(override)
        with RUNS.admit(alone):
            started_at, started = time.time(), time.perf_counter()
            supervised = supervise([python, snippet_path(name).name, *args], folder, env, timeout)
            seconds = time.perf_counter() - started
        figures = {svg.name: svg.read_text() for svg in sorted(folder.glob("*.svg"))}
    record = Record(
        name=name,
        args=list(args),
        key=key,
        run_id=run_id,
        started_at=started_at,
        seconds=seconds,
        exit_code=supervised.exit_code,
        timed_out=supervised.timed_out,
        left_behind=supervised.left_behind,
        output=as_terminal_shows(supervised.output.decode(errors="replace")),
        python=facts["python"],
        interpreter=python,
        system=facts["system"],
        start_method=start_method or facts["start_method"],
        cpus=facts["cpus"],
        figures=figures,
        alone=alone,
    )
    keep(record)
    return record


class Admission:
    """Runs in this process share the CPUs; a measurement runs with no other run beside it.

    A measurement that is waiting goes first: no other run starts until it has run.
    """

    def __init__(self) -> None:
        self.changed = threading.Condition()
        self.running = 0
        self.admitted: dict[int, float] = {}  # thread -> when its run got its turn (monotonic)
        self.measuring = False
        self.measurements_waiting = 0

    @contextmanager
    def admit(self, alone: bool):
        with self.changed:
            if alone:
                self.measurements_waiting += 1
                self.changed.wait_for(lambda: self.running == 0)
                self.measurements_waiting -= 1
                self.measuring = True
            else:
                self.changed.wait_for(lambda: not self.measuring and self.measurements_waiting == 0)
            self.running += 1
            self.admitted[threading.get_ident()] = time.monotonic()
        try:
            yield
        finally:
            with self.changed:
                self.running -= 1
                self.admitted.pop(threading.get_ident(), None)
                if alone:
                    self.measuring = False
                self.changed.notify_all()


RUNS = Admission()


def keep(record: Record) -> None:
    path = records_dir() / f"{record.key}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(f".{os.getpid()}.tmp")
    partial.write_text(json.dumps(asdict(record)))
    partial.replace(path)


@contextmanager
def run_folder(name: str):
    """The snippet's own folder, the same path on every run, emptied and locked for this run."""
    folder = Path(tempfile.gettempdir()) / "parallel-python" / Path(name).with_suffix("")
    if len(Path(name).parts) > 2:  # an example folder: named after the folder
        folder = folder.parent
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(folder.with_name(folder.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another build or test run may run it too
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        try:
            yield folder
        finally:
            shutil.rmtree(folder, ignore_errors=True)


@dataclass
class Supervised:
    output: bytes
    exit_code: int | None
    timed_out: bool
    left_behind: list[str]


def supervise(command: list[str], folder: Path, env: dict[str, str], timeout: float):
    """Run ``command`` in ``folder`` on a pseudo-terminal; watch the process and the terminal.

    Returns when the main process has exited and the terminal is closed, or the grace period
    after the exit has passed, or the timeout has. Whatever of the run is still alive then is
    reported and killed; in every case, nothing of it survives this call.
    """
    reader, terminal = open_terminal()
    pid = None
    try:
        pid = spawn(command, folder, env, terminal)
        os.close(terminal)
        terminal = None
        return watch(pid, reader, env[RUN_MARKER], timeout)
    finally:
        if terminal is not None:
            os.close(terminal)
        os.close(reader)
        if pid is not None:
            end_run(pid, env[RUN_MARKER])


def open_terminal() -> tuple[int, int]:
    reader, terminal = pty.openpty()
    settings = termios.tcgetattr(terminal)
    settings[1] &= ~termios.ONLCR  # keep "\n" as it was written, not "\r\n"
    termios.tcsetattr(terminal, termios.TCSANOW, settings)
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
    return reader, terminal


def spawn(command: list[str], folder: Path, env: dict[str, str], terminal: int) -> int:
    """Start ``command`` in a new session, as a terminal would: SIGINT at its default.

    ``posix_spawn`` runs no Python in the child (safe in a parent with threads, as under
    ``mkdocs serve``); ``/bin/sh`` changes into the folder, then becomes the command.
    """
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_DUP2, terminal, 1),
        (os.POSIX_SPAWN_DUP2, terminal, 2),
    ]
    shell = [
        "/bin/sh",
        "-c",
        'cd "$1" && shift && unset PWD OLDPWD && exec "$@"',
        "sh",
        str(folder),
        *command,
    ]
    return os.posix_spawn(
        "/bin/sh",
        shell,
        env,
        file_actions=actions,
        setsid=True,
        setsigdef=(signal.SIGINT,),  # a build started in the background ignores SIGINT
    )


def watch(pid: int, reader: int, marker: str, timeout: float) -> Supervised:
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    exit_code = exited_at = None
    terminal_open = True
    while True:
        now = time.monotonic()
        if exit_code is None:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                exit_code, exited_at = os.waitstatus_to_exitcode(status), now
        if exit_code is not None and (
            not (terminal_open or run_processes(pid, marker)) or now > exited_at + GRACE_SECONDS
        ):
            break
        if now > deadline:
            break
        if terminal_open and select.select([reader], [], [], 0.05)[0]:
            try:
                chunk = os.read(reader, 65536)
            except OSError:  # EIO: every process holding the terminal has closed it
                chunk = b""
            chunks.append(chunk)
            terminal_open = bool(chunk)
        elif not terminal_open:
            time.sleep(0.05)
    left_behind = [] if exit_code is None else describe(run_processes(pid, marker))
    return Supervised(b"".join(chunks), exit_code, exit_code is None, left_behind)


def run_processes(pid: int, marker: str) -> list[psutil.Process]:
    """The run's live processes: its session, and any process carrying its marker."""
    found = []
    for process in psutil.process_iter():
        try:
            if process.pid == os.getpid() or process.status() == psutil.STATUS_ZOMBIE:
                continue
            if os.getsid(process.pid) == pid or process.environ().get(RUN_MARKER) == marker:
                found.append(process)
        except (psutil.Error, OSError):
            continue
    return found


def describe(processes: list[psutil.Process]) -> list[str]:
    described = []
    for process in processes:
        try:
            described.append(f"{process.pid} {' '.join(process.cmdline())}")
        except psutil.Error:
            continue
    return described


def end_run(pid: int, marker: str) -> None:
    """Kill whatever of the run is alive, and remove the shared memory it had mapped.

    Resource trackers go last: once the rest is dead they unlink what they were told of.
    """
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass
    alive = run_processes(pid, marker)
    if not alive:
        return
    mapped = mapped_shm(alive)
    trackers = [process for process in alive if is_resource_tracker(process)]
    kill_and_wait([process for process in alive if process not in trackers])
    psutil.wait_procs(trackers, timeout=GRACE_SECONDS)
    kill_and_wait(run_processes(pid, marker))
    try:
        os.waitpid(pid, 0)
    except ChildProcessError:
        pass
    for entry in mapped:
        (SHM / entry).unlink(missing_ok=True)


def is_resource_tracker(process: psutil.Process) -> bool:
    try:
        return "multiprocessing.resource_tracker" in " ".join(process.cmdline())
    except psutil.Error:
        return False


def kill_and_wait(processes: list[psutil.Process]) -> None:
    """SIGKILL each, and wait until each is gone or a zombie (dead, not yet reaped)."""
    for process in processes:
        try:
            process.kill()
        except psutil.Error:
            pass
    deadline = time.monotonic() + GRACE_SECONDS
    while time.monotonic() < deadline and any(is_alive(process) for process in processes):
        time.sleep(0.01)


def is_alive(process: psutil.Process) -> bool:
    try:
        return process.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def mapped_shm(processes: list[psutil.Process]) -> set[str]:
    """Names of the multiprocessing entries in /dev/shm these processes have mapped.

    Matched by inode: a named semaphore is mapped under the temporary name it was created
    with, before it was linked to its own name.
    """
    entries = shm_entries_by_inode()
    names = set()
    for process in processes:
        try:
            maps = Path(f"/proc/{process.pid}/maps").read_text()
        except OSError:
            continue
        for line in maps.splitlines():
            fields = line.split(maxsplit=5)
            if len(fields) == 6 and fields[5].startswith(f"{SHM}/"):
                names.add(entries.get(int(fields[4]), ""))
    return names - {""}


def shm_entries_by_inode() -> dict[int, str]:
    entries = {}
    for entry in SHM.glob("*"):
        try:
            if entry.name.startswith(SHM_PREFIXES):
                entries[entry.stat().st_ino] = entry.name
        except OSError:
            continue
    return entries


def as_terminal_shows(output: str) -> str:
    """Apply carriage returns as a terminal does: a progress bar keeps only its last state."""
    return "\n".join(line.rstrip("\r").rsplit("\r", 1)[-1] for line in output.split("\n"))


def mark_tested(record: Record, test: str, passed: bool) -> None:
    """Note that a test asserted (or failed on) this very run of the snippet."""
    path = records_dir() / "tested" / f"{record.key}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        marks = tested_marks(record)
        marks["passed" if passed else "failed"].append(test)
        path.write_text(json.dumps({"run_id": record.run_id, **marks}))


def tested_marks(record: Record) -> dict[str, list[str]]:
    """The tests that passed and failed on this very run (not on another run of it)."""
    path = records_dir() / "tested" / f"{record.key}.json"
    try:
        marks = json.loads(path.read_text())
    except (OSError, ValueError):
        marks = {}
    if marks.get("run_id") != record.run_id:
        return {"passed": [], "failed": []}
    return {"passed": marks["passed"], "failed": marks["failed"]}
