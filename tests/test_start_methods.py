import multiprocessing
import sys
from multiprocessing import forkserver

import pytest
from helpers import main_result, script_output

START_METHODS = ["fork", "spawn", "forkserver"]
CHANGED = "value changed in main() before start()"
AT_IMPORT = "value set at import"


def test_global_seen_by_child(start_method):
    expected = CHANGED if start_method == "fork" else AT_IMPORT
    assert main_result("start_methods/global_seen_by_child.py") == expected


@pytest.mark.parametrize("method", START_METHODS)
def test_global_seen_by_child_script(method):
    lines = script_output("start_methods/global_seen_by_child.py", method).splitlines()
    assert lines[0] == f"start method: {method}"
    assert lines[1] == f"parent sees: {CHANGED!r}"
    assert lines[2] == f"child sees:  {CHANGED if method == 'fork' else AT_IMPORT!r}"


def test_context_versus_default(start_method):
    assert main_result("start_methods/context_versus_default.py") == {
        "default": start_method,
        "squares": [0, 1, 4, 9, 16],
        "refused": "context has already been set",
    }


def test_context_versus_default_script():
    output = script_output("start_methods/context_versus_default.py")
    default = multiprocessing.get_all_start_methods()[0]
    assert f"default start method: {default}" in output
    assert f"default start method afterwards: {default}" in output
    assert "spawn context's pool computed [0, 1, 4, 9, 16]" in output
    assert output.rstrip().endswith("RuntimeError: context has already been set")


def test_set_start_method_once(start_method):
    workers_are_children = start_method != "forkserver"
    result = main_result("start_methods/set_start_method_once.py")
    assert result == (start_method, workers_are_children)


@pytest.mark.parametrize("method", ["spawn", "forkserver"])
def test_set_start_method_once_script(method):
    output = script_output("start_methods/set_start_method_once.py", method)
    assert output.splitlines() == [
        f"start method: {method}",
        f"pool workers are children of this process: {method != 'forkserver'}",
    ]


@pytest.fixture
def fresh_fork_server():
    """The preload list is read when the fork server starts: stop any server already running.

    ``_stop()`` is private, used here only so the test sees a server started by the snippet,
    as a reader's fresh ``python forkserver_preload.py`` does.
    """
    forkserver._forkserver._stop()
    yield
    forkserver._forkserver._stop()
    forkserver.set_forkserver_preload(["__main__"])  # the default, for the tests that follow


@pytest.mark.parametrize("preload", [True, False])
def test_forkserver_preload(fresh_fork_server, preload):
    assert main_result("start_methods/forkserver_preload.py", preload=preload) == [preload] * 4


@pytest.mark.parametrize("args", [(), ("no-preload",)])
def test_forkserver_preload_script(args):
    output = script_output("start_methods/forkserver_preload.py", *args)
    loaded = not args
    assert output.splitlines() == [
        f"preload xml.dom.minidom: {loaded}",
        f"already imported when each task started: {[loaded] * 4}",
    ]


def test_startup_cost():
    results = main_result("start_methods/startup_cost.py", n=2, repeats=1)
    assert list(results) == multiprocessing.get_all_start_methods()
    for measured in results.values():
        assert measured["squares"] == [0, 1]
        assert min(measured["first_run"], measured["processes"], measured["pool"]) > 0


def test_startup_cost_script():
    lines = script_output("start_methods/startup_cost.py").splitlines()
    assert lines[0] == "4 processes, median of 3 runs after one warm-up run, in milliseconds"
    assert [line.split()[0] for line in lines[2:5]] == START_METHODS
    assert lines[5].startswith("spawn takes ") and lines[5].endswith(
        " to start and join 4 processes"
    )
    assert lines[6].startswith("forkserver takes ")
    # The ranking agrees with the start+join column printed in the table.
    start_and_join = {line.split()[0]: float(line.split()[2]) for line in lines[2:5]}
    ranking = sorted(start_and_join, key=start_and_join.get)
    ranked = ", ".join(ranking)
    assert lines[7] == f"cheapest to start and join 4 processes, first to last: {ranked}"


def freeze_support_fixes_the_start_method() -> bool:
    """From 3.13.4 and in 3.14, freeze_support() asked for the start method without
    allow_none=True, which fixes the default (gh-140814), until 3.13.13 and 3.14.4."""
    version = sys.version_info[:3]
    return (3, 13, 4) <= version < (3, 13, 13) or (3, 14, 0) <= version < (3, 14, 4)


def test_freeze_support_and_set_executable(start_method):
    assert main_result("start_methods/freeze_support_and_set_executable.py") == {
        "frozen": False,
        "start method fixed": start_method,  # set by the fixture, as set_start_method() does
        "spawn runs the link": True,
        "same interpreter": True,
        "same sys.path": True,
        "fork ignores it": True,
        "restored": True,
    }


def test_freeze_support_and_set_executable_script():
    output = script_output("start_methods/freeze_support_and_set_executable.py")
    default = multiprocessing.get_all_start_methods()[0]
    fixed = default if freeze_support_fixes_the_start_method() else None
    assert output.splitlines() == [
        "sys.frozen: False, so freeze_support() had no child process to run",
        f"start method fixed so far: {fixed}",
        "spawn child's sys.executable is the link: True",
        "  the same interpreter as this one: True",
        "  every folder on this sys.path is on the child's: True",
        "fork child, the link still set, has this sys.executable: True",
        "set_executable() put back to sys.executable: True",
    ]
