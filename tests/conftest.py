from __future__ import annotations

import gc
import json
import multiprocessing
import multiprocessing.forkserver
import multiprocessing.resource_tracker
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import helpers
import psutil
import pytest
from snippet_compatibility import keep_outcomes
from snippet_execution import (
    ROOT,
    SHM,
    SHM_PREFIXES,
    interpreter_facts,
    mapped_shm,
    mark_tested,
)
from snippet_pages import declarations

START_METHODS = ["fork", "spawn", "forkserver"]
# Processes that live across tests on purpose (the browser): exempt with their descendants.
LONG_LIVED: set[int] = set()


# This session's outcomes for the Compatibility page: "snippet args|column" -> outcome.
OUTCOMES: dict[str, dict[str, str]] = {}
# Each run a test asserted: (snippet, args, interpreter, start method) -> the key it was kept at.
ASSERTED: dict[tuple[str, tuple[str, ...], str, str], str] = {}
PASSED_SCRIPT_RUNS: set[tuple[str, tuple[str, ...]]] = set()  # on this session's Python


# The environment the session started with, as a build started from the same shell has it.
STARTING_ENVIRONMENT_OF_SESSION = dict(os.environ)


def pytest_sessionstart(session: pytest.Session) -> None:
    """Each snippet runs fresh once per session; the build and the tests share its record."""
    os.environ["SNIPPETS_FRESH_AFTER"] = str(time.time())
    # One records folder for the session, also for builds of a copy of the project.
    os.environ.setdefault("SNIPPETS_CACHE_DIR", str(ROOT / ".cache" / "snippets"))
    for setting in ("SNIPPETS_FRESH", "SNIPPETS_RUN", "SNIPPETS_REQUIRE_TESTED"):
        os.environ.pop(setting, None)
    # A shell starts a background job (`pytest &` in a script) with Ctrl-C ignored, and the
    # snippets' children would inherit that: the tests of Ctrl-C need it as a terminal has it.
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """A script test that passes marks the very runs it asserted; one that fails, too.

    Each snippet's outcome, as a script and under each start method, is kept as well.
    """
    report = yield
    if report.when == "call":
        crash = getattr(report.longrepr, "reprcrash", None)
        detail = crash.message.splitlines()[0][:160] if crash else ""
        ran = [(" ".join([r.name, *r.args]), "script") for r in helpers.RECORDS_USED]
        for record in helpers.RECORDS_USED:
            mark_tested(record, item.nodeid, report.passed)
            run = (record.name, tuple(record.args), record.interpreter, record.start_method)
            ASSERTED[run] = record.key
            if report.passed and record.interpreter == sys.executable:
                PASSED_SCRIPT_RUNS.add((record.name, tuple(record.args)))
        for cell in ran + helpers.MAIN_CALLS:
            if OUTCOMES.get("|".join(cell), {}).get("outcome") != "failed":
                outcome = "passed" if report.passed else "failed"
                OUTCOMES["|".join(cell)] = {"outcome": outcome, "detail": detail}
    return report


def pytest_runtest_setup(item: pytest.Item) -> None:
    helpers.RECORDS_USED.clear()
    helpers.MAIN_CALLS.clear()


def pytest_sessionfinish(session: pytest.Session) -> None:
    if OUTCOMES:
        facts = interpreter_facts(sys.executable)
        keep_outcomes(facts, sys.executable, OUTCOMES)
    lost = runs_a_build_would_not_find()
    if lost:
        print(f"\nA build started now would not find {len(lost)} asserted runs:", *lost[:5])
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    if ran_every_test_file(session):
        unasserted = [
            " ".join([name, *args])
            for name, args in declarations()
            if (name, tuple(args)) not in PASSED_SCRIPT_RUNS
        ]
        if unasserted:
            print(f"\n{len(unasserted)} runs a page shows passed no script test:", *unasserted)
            session.exitstatus = pytest.ExitCode.TESTS_FAILED


def ran_every_test_file(session: pytest.Session) -> bool:
    """Whether this session ran the whole suite (nox leaves out only the browser's tests)."""
    options = session.config.option
    asked = [Path(arg).resolve() for arg in session.config.args]
    chosen = (
        options.keyword or options.markexpr or getattr(options, "lf", False) or options.deselect
    )
    return not chosen and asked in ([ROOT / "tests"], [ROOT])


def runs_a_build_would_not_find() -> list[str]:
    """The asserted runs whose key a fresh process (as the published build) computes otherwise.

    Something this session did (a snippet's main() run in this process, say) may have changed
    what goes into a key; the build would then find no record of the runs the tests asserted.
    """
    runs = [[name, list(args), python, method] for name, args, python, method in ASSERTED]
    program = (
        "import json, sys; from snippet_execution import run_key; "
        "print(json.dumps([run_key(n, tuple(a), p, m) for n, a, p, m in json.load(sys.stdin)]))"
    )
    fresh = subprocess.run(
        [sys.executable, "-c", program],
        input=json.dumps(runs),
        cwd=ROOT / "tools",
        env=STARTING_ENVIRONMENT_OF_SESSION,
        capture_output=True,
        text=True,
        check=True,
    )
    keys = json.loads(fresh.stdout)
    return [
        f"{name} {' '.join(args)} ({python})".replace("  ", " ")
        for (name, args, python, _), key, kept in zip(runs, keys, ASSERTED.values(), strict=True)
        if key != kept
    ]


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built strictly once per session, from this session's records."""
    site = tmp_path_factory.mktemp("site")
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    return site


@pytest.fixture(params=START_METHODS)
def start_method(request: pytest.FixtureRequest):
    """Run the test under each start method, as the default context of this process."""
    multiprocessing.set_start_method(request.param, force=True)
    yield request.param
    multiprocessing.set_start_method(None, force=True)


@pytest.fixture(autouse=True)
def environment_put_back():
    """A snippet's main() run in this process may set variables (Dask's local cluster sets
    OMP_NUM_THREADS and PYTHONHASHSEED); a build a later test starts must not inherit them."""
    before = dict(os.environ)
    yield
    if dict(os.environ) != before:
        os.environ.clear()
        os.environ.update(before)


@pytest.fixture(autouse=True)
def nothing_left_behind():
    """No test may leave a child process or a shared-memory segment behind."""
    shm_before = shm_entries()
    yield
    deadline = time.monotonic() + 5
    while (_stray_children() or _new_segments(shm_before)) and time.monotonic() < deadline:
        gc.collect()  # a lock or segment in a reference cycle is released when collected
        time.sleep(0.05)
    leftovers, new_segments = _stray_children(), _new_segments(shm_before)
    for child in leftovers:
        child.kill()
    assert not leftovers, f"processes left running: {leftovers}"
    assert not new_segments, f"shared memory left in {SHM}: {new_segments}"


def shm_entries() -> set[str]:
    return set(os.listdir(SHM)) if SHM.is_dir() else set()  # none on macOS and Windows


def _new_segments(before: set[str]) -> list[str]:
    """New multiprocessing entries in /dev/shm, but for those another program has open.

    Another program (a build, or a second test run) may make its own at the same time.
    """
    new = {name for name in shm_entries() - before if name.startswith(SHM_PREFIXES)}
    if not new:
        return []
    ours = {os.getpid(), *(child.pid for child in psutil.Process().children(recursive=True))}
    others = [process for process in psutil.process_iter() if process.pid not in ours]
    return sorted(new - mapped_shm(others))


def multiprocessing_helper_pids() -> set[int]:
    """This process's resource tracker and fork server: they serve every test, by design.

    Exempt by pid, not by command line: the workers the fork server forks carry its command
    line, and must be found when left behind.
    """
    tracker = multiprocessing.resource_tracker._resource_tracker._pid
    server = multiprocessing.forkserver._forkserver._forkserver_pid
    return {pid for pid in (tracker, server) if pid is not None}


def _stray_children() -> list[psutil.Process]:
    exempt = multiprocessing_helper_pids()
    strays = []
    for child in psutil.Process().children(recursive=True):
        try:
            if child.status() == psutil.STATUS_ZOMBIE or child.pid in exempt:
                continue
            if LONG_LIVED & {child.pid, *(parent.pid for parent in child.parents())}:
                continue
        except psutil.NoSuchProcess:
            continue
        strays.append(child)
    return strays
