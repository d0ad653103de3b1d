"""The Processes page: every snippet's main() under each start method, and its script output."""

import multiprocessing
import re
import sys

import pytest
from helpers import main_result, script_output

CLOSED = "ValueError: process object is closed"
NO_CHILDREN = "daemonic processes are not allowed to have children"


def test_start_and_join(start_method):
    assert main_result("process/start_and_join.py") == [0, 0, 0]


def test_start_and_join_script():
    output = script_output("process/start_and_join.py")
    assert sorted(line.split()[2] for line in output.splitlines()[:3]) == ["alice", "bob", "carol"]
    parent_pid = output.splitlines()[-1].split()[1].rstrip(":")
    assert all(line.endswith(f"parent {parent_pid})") for line in output.splitlines()[:3])
    assert output.splitlines()[-1].endswith("exit codes [0, 0, 0]")


def test_arguments_and_names(start_method):
    result = main_result("process/arguments_and_names.py")
    assert result == {"name": "reporter", "alive": False, "exitcode": 0}


def test_arguments_and_names_script():
    lines = script_output("process/arguments_and_names.py").splitlines()
    assert lines[0] == "before start(): name='reporter' pid=None alive=False"
    assert lines[1] == "after start():  pid is set: True, alive=True"
    assert [line.split(" from ")[0] for line in lines[2:4]] == ["  child: hello"] * 2
    assert all("from reporter" in line for line in lines[2:4])
    assert lines[4] == "after join():   alive=False, exitcode=0"
    assert lines[5].startswith("parent: MainProcess (pid ")


def test_join_with_timeout(start_method):
    assert main_result("process/join_with_timeout.py") == [True, False, 0]


def test_join_with_timeout_script():
    lines = script_output("process/join_with_timeout.py").splitlines()
    assert lines[1:] == [
        "is_alive() = True, exitcode = None",
        "join() returned; is_alive() = False, exitcode = 0",
    ]


def test_family_and_cpus(start_method):
    result = main_result("process/family_and_cpus.py")
    assert result == {"main_parent": None, "running": ["worker-1", "worker-2"], "after": []}


def test_family_and_cpus_script():
    output = script_output("process/family_and_cpus.py")
    lines = output.splitlines()
    main_pid = lines[0].split()[2].rstrip(",")
    assert lines[0] == f"MainProcess: pid {main_pid}, parent_process() = None"
    assert "active_children() while they ran: ['worker-1', 'worker-2']" in lines
    assert "active_children() after join():   []" in lines
    workers = sorted(line for line in lines if line.startswith("  worker-"))
    assert [line.split(":")[0].strip() for line in workers] == ["worker-1", "worker-2"]
    assert all(line.endswith(f"parent MainProcess (pid {main_pid})") for line in workers)
    assert "multiprocessing.cpu_count(): " in output
    assert "os.process_cpu_count(): " in output


def test_exit_codes(start_method):
    assert main_result("process/exit_codes.py") == {
        "returns": 0,
        "raises": 1,
        "sys.exit(3)": 3,
        "terminate()": -15,
        "kill()": -9,
    }


def test_exit_codes_script():
    output = script_output("process/exit_codes.py")
    assert "ValueError: something went wrong in the child" in output  # the child's traceback
    assert output.splitlines()[-5:] == [
        "returns      exitcode   0",
        "raises       exitcode   1",
        "sys.exit(3)  exitcode   3",
        "terminate()  exitcode -15  (killed by SIGTERM)",
        "kill()       exitcode  -9  (killed by SIGKILL)",
    ]


def test_interrupt_child(start_method):
    assert main_result("process/interrupt_child.py") == {"catches-it": 0, "lets-it-go": 1}


def test_interrupt_child_script():
    lines = script_output("process/interrupt_child.py").splitlines()
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    if sys.version_info >= (3, 14):
        assert lines[0] == f"Python {version}: interrupt() sends SIGINT to the child"
    else:
        assert lines[0] == (
            f"Python {version}: no Process.interrupt() before 3.14: os.kill(pid, SIGINT)"
        )
    assert lines[1:6] == [
        "  catches-it: KeyboardInterrupt caught, cleaning up, returning",
        "catches-it exited with code 0",
        "  lets-it-go: finally block ran",
        "Process lets-it-go:",
        "Traceback (most recent call last):",
    ]
    assert lines[-2:] == ["KeyboardInterrupt", "lets-it-go exited with code 1"]


def test_close_process_object(start_method):
    assert main_result("process/close_process_object.py") == {
        "name": "'closer'",
        "daemon": "False",
        "is_alive()": CLOSED,
        "join()": CLOSED,
        "pid": CLOSED,
        "exitcode": CLOSED,
        "sentinel": CLOSED,
        "start()": CLOSED,
    }


def test_close_process_object_script():
    assert script_output("process/close_process_object.py").splitlines() == [
        "close() while it runs: ValueError: Cannot close a process while it is still running."
        " You should first call join() or terminate().",
        "close() after join():  done",
        "  name        'closer'",
        "  daemon      False",
        f"  is_alive()  {CLOSED}",
        f"  join()      {CLOSED}",
        f"  pid         {CLOSED}",
        f"  exitcode    {CLOSED}",
        f"  sentinel    {CLOSED}",
        f"  start()     {CLOSED}",
    ]


def test_daemon_stops_with_parent(start_method):
    result = main_result("process/daemon_stops_with_parent.py")
    assert result == {"daemon_stopped_early": True, "worker_ticks": 100}


def test_daemon_stops_with_parent_script():
    lines = script_output("process/daemon_stops_with_parent.py").splitlines()
    assert lines[0] == "parent: returning now; daemon alive=True, worker alive=True"
    assert lines[1] == "main: the parent exited with code 0"
    daemon_ticks = int(lines[2].split()[4])
    assert 0 < daemon_ticks < 100
    assert lines[3] == "main: worker counted to 100 of 100: its parent waited for it"


def test_daemon_cannot_have_children(start_method):
    assert main_result("process/daemon_cannot_have_children.py") == 1


def test_daemon_cannot_have_children_script():
    output = script_output("process/daemon_cannot_have_children.py")
    assert "AssertionError: daemonic processes are not allowed to have children" in output
    assert "grandchild: never runs" not in output
    assert output.splitlines()[-1] == "the-daemon exited with code 1"


DAEMON_CHECKED = [f"start() in the daemon raised AssertionError: {NO_CHILDREN}"]
DAEMON_UNCHECKED = [
    "grandchild started, daemon=True",
    "daemon terminated, exit code -15",
    "the grandchild is still running: True",
    "grandchild released, exiting",
]


def test_daemon_check_is_an_assert(start_method):
    assert main_result("process/daemon_check_is_an_assert.py") == {
        "python": [*DAEMON_CHECKED, "the daemon exited with code 0"],
        "python -O": DAEMON_UNCHECKED,
    }


def test_daemon_check_is_an_assert_script():
    default_method = multiprocessing.get_all_start_methods()[0]  # the first is the default
    assert script_output("process/daemon_check_is_an_assert.py").splitlines() == [
        f"python (start method {default_method}):",
        *(f"  {line}" for line in DAEMON_CHECKED),
        "  the daemon exited with code 0",
        "python -O:",
        *(f"  {line}" for line in DAEMON_UNCHECKED),
    ]


def test_executor_worker_not_daemon(start_method):
    assert main_result("process/executor_worker_not_daemon.py") == {
        "ProcessPoolExecutor": "returned; its child exited with code 0",
        "Pool": f"AssertionError: {NO_CHILDREN}",
    }


def test_executor_worker_not_daemon_script():
    lines = script_output("process/executor_worker_not_daemon.py").splitlines()
    assert len(lines) == 7
    assert lines[0] == "ProcessPoolExecutor:"
    assert re.fullmatch(r"  in the worker \w+Process-\d+: daemon=False", lines[1])
    assert lines[2:5] == [
        "    the worker's child ran",
        "  the task returned; its child exited with code 0",
        "multiprocessing.Pool:",
    ]
    assert re.fullmatch(r"  in the worker \w+PoolWorker-\d+: daemon=True", lines[5])
    assert lines[6] == f"  get() raised AssertionError: {NO_CHILDREN}"


def test_subclass_run(start_method):
    assert main_result("process/subclass_run.py") == [("sum-0-4", 30), ("sum-5-9", 255)]


def test_subclass_run_script():
    assert script_output("process/subclass_run.py").splitlines() == [
        "sum-0-4: 30 (sent back through the queue)",
        "sum-5-9: 255 (sent back through the queue)",
        "sum-0-4.total in the parent: None",
        "sum-5-9.total in the parent: None",
    ]


def test_separate_memory(start_method):
    assert main_result("process/separate_memory.py") == (0, ["parent"], [1, 2, 3])


def test_separate_memory_script():
    assert script_output("process/separate_memory.py").splitlines() == [
        "  child sees:  counter=100 names=['parent', 'child'] numbers=[1, 2, 3, 4]",
        "parent sees:  counter=0 names=['parent'] numbers=[1, 2, 3]",
    ]


STDIN_IN_THE_CHILD = [
    "child: sys.stdin replaced: True, reads os.devnull: True",
    "child: input() raised EOFError: EOF when reading a line",
    "the child exited with code 0",
]
STDIN_PASSED = ["child: hello, Ada", "the child exited with code 0"]


def test_child_has_no_stdin(start_method):
    assert main_result("process/child_has_no_stdin.py") == {
        "in the child": STDIN_IN_THE_CHILD,
        "passed": STDIN_PASSED,
    }


def test_child_has_no_stdin_script():
    assert script_output("process/child_has_no_stdin.py").splitlines() == [
        "input() in the child:",
        *(f"  {line}" for line in STDIN_IN_THE_CHILD),
        "input() in the parent, the answer passed as an argument:",
        "  parent: read 'Ada'",
        *(f"  {line}" for line in STDIN_PASSED),
    ]


def test_module_reimported(start_method):
    assert main_result("process/module_reimported.py") == start_method


@pytest.mark.parametrize(
    ("method", "module_runs", "child_module"),
    [("fork", 1, "'__main__'"), ("spawn", 2, "'__mp_main__'"), ("forkserver", 2, "'__mp_main__'")],
)
def test_module_reimported_script(method, module_runs, child_module):
    lines = script_output("process/module_reimported.py", method).splitlines()
    assert lines[0] == "top of the module: __name__ = '__main__', in MainProcess"
    assert f"start method: {method}" in lines
    tops = [line for line in lines if line.startswith("top of the module")]
    assert len(tops) == module_runs
    if module_runs == 2:
        assert tops[1].startswith("top of the module: __name__ = '__mp_main__', in ")
    assert lines[-1] == f"  child: this function's module is {child_module}"
