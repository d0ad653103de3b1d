import multiprocessing
import pickle
import sys
from concurrent.futures.process import BrokenProcessPool

import pytest
from helpers import main_result, script_output

START_METHODS = ["fork", "spawn", "forkserver"]
BOOTSTRAP_ERROR = "An attempt has been made to start a new process before the"
# Two messages are worded by version: from 3.12 an interactive session's __main__ is described
# by its loader; 3.13 says it "can't get" the local object that 3.11 and 3.12 "can't pickle".
SESSION_MAIN = (
    "(built-in)" if sys.version_info < (3, 12) else "(<class '_frozen_importlib.BuiltinImporter'>)"
)
LOCAL_OBJECT = (
    "Can't get local object" if sys.version_info >= (3, 13) else "Can't pickle local object"
)
NOT_IN_MAIN = f"AttributeError: Can't get attribute 'square' on <module '__main__' {SESSION_MAIN}>"
LOST_TASK = "multiprocessing.context.TimeoutError"


# No main guard. Its main() is called by the module's last line, so importing it here would
# run it inside pytest (and its spawned workers would import it again): script run only.
def test_no_main_guard_script():
    output = script_output("pitfalls/no_main_guard.py")
    assert BOOTSTRAP_ERROR in output
    assert output.count("RuntimeError: ") == 1


def test_main_guard_fixed(start_method):
    assert main_result("pitfalls/main_guard_fixed.py") == [0, 1, 4, 9]


def test_main_guard_fixed_script():
    output = script_output("pitfalls/main_guard_fixed.py", "spawn")
    assert output.strip() == "start method spawn: [0, 1, 4, 9]"


def test_lambda_to_pool(start_method):
    with pytest.raises(pickle.PicklingError, match="attribute lookup <lambda>"):
        main_result("pitfalls/lambda_to_pool.py")


def test_lambda_to_pool_script():
    script_output("pitfalls/lambda_to_pool.py")


def test_local_function_to_pool(start_method):
    with pytest.raises(AttributeError, match=rf"{LOCAL_OBJECT} 'main.<locals>.power'"):
        main_result("pitfalls/local_function_to_pool.py")


def test_local_function_to_pool_script():
    output = script_output("pitfalls/local_function_to_pool.py")
    assert output.rstrip().endswith(f"AttributeError: {LOCAL_OBJECT} 'main.<locals>.power'")


def test_module_level_function_fixed(start_method):
    assert main_result("pitfalls/module_level_function_fixed.py") == [0, 1, 8, 27]


def test_module_level_function_fixed_script():
    assert (
        script_output("pitfalls/module_level_function_fixed.py").strip() == "cubes: [0, 1, 8, 27]"
    )


def test_interactive_session():
    assert main_result("pitfalls/interactive_session.py") == [NOT_IN_MAIN, LOST_TASK]


def test_interactive_session_script():
    # The interactive interpreter survives its errors and ends at its next prompt, exit 0.
    output = script_output("pitfalls/interactive_session.py")
    assert NOT_IN_MAIN in output
    assert LOST_TASK in output


def test_interactive_session_fixed(start_method):
    assert main_result("pitfalls/session_imports_its_workers/session.py") == "[0, 1, 4, 9]"


def test_interactive_session_fixed_script():
    output = script_output("pitfalls/session_imports_its_workers/session.py", "spawn")
    assert output.splitlines()[0] == "start method: spawn"
    assert output.rstrip().splitlines()[-2].endswith("[0, 1, 4, 9]")
    assert "Error" not in output


def test_join_before_drain(start_method):
    with pytest.raises(TimeoutError, match="waited 2 s"):
        main_result("pitfalls/join_before_drain.py")


def test_join_before_drain_script():
    output = script_output("pitfalls/join_before_drain.py")
    assert "after join(timeout=2): child alive True, exit code None" in output


def test_drain_then_join(start_method):
    assert main_result("pitfalls/drain_then_join.py") == 4 * 1024 * 1024


def test_drain_then_join_script():
    output = script_output("pitfalls/drain_then_join.py")
    assert output.strip() == "received 4,194,304 bytes, then joined: exit code 0"


def test_trusting_empty(start_method):
    with pytest.raises(ZeroDivisionError):
        main_result("pitfalls/trusting_empty.py")


def test_trusting_empty_script():
    output = script_output("pitfalls/trusting_empty.py")
    assert output.splitlines()[0] == "received []"


def test_sentinel_not_empty(start_method):
    assert main_result("pitfalls/sentinel_not_empty.py") == 5.0


def test_sentinel_not_empty_script():
    output = script_output("pitfalls/sentinel_not_empty.py")
    assert output.strip() == "received [3, 5, 7], mean 5.0"


def test_lost_updates(start_method):
    with pytest.raises(AssertionError, match="of 80,000 updates were lost"):
        main_result("pitfalls/lost_updates.py")


def test_lost_updates_script():
    output = script_output("pitfalls/lost_updates.py")
    assert output.startswith("expected 80,000, counted ")


def test_lost_updates_fixed(start_method):
    assert main_result("pitfalls/lost_updates_fixed.py") == 80_000


def test_lost_updates_fixed_script():
    output = script_output("pitfalls/lost_updates_fixed.py")
    assert output.strip() == "expected 80,000, counted 80,000"


def test_manager_nested_mutation(start_method):
    with pytest.raises(ValueError, match="empty"):
        main_result("pitfalls/manager_nested_mutation.py")


def test_manager_nested_mutation_script():
    output = script_output("pitfalls/manager_nested_mutation.py")
    assert output.startswith("results after 3 workers appended: []")


def test_manager_nested_fixed(start_method):
    assert main_result("pitfalls/manager_nested_fixed.py") == ([0, 1, 2], [0, 1, 2])


def test_manager_nested_fixed_script():
    assert script_output("pitfalls/manager_nested_fixed.py").splitlines() == [
        "nested manager list: [0, 1, 2]",
        "reassigned under a lock: [0, 1, 2]",
    ]


def test_pool_exit_before_results(start_method):
    with pytest.raises(multiprocessing.TimeoutError):
        main_result("pitfalls/pool_exit_before_results.py")


def test_pool_exit_before_results_script():
    name = "pitfalls/pool_exit_before_results.py"
    output = script_output(name)
    assert output.startswith("ready after the with block: [False, False, False, False]")


def test_collect_inside_with(start_method):
    assert main_result("pitfalls/collect_inside_with.py") == [0, 1, 4, 9]


def test_collect_inside_with_script():
    output = script_output("pitfalls/collect_inside_with.py")
    assert output.strip() == "collected inside the with block: [0, 1, 4, 9]"


def test_apply_async_error_lost(start_method):
    assert main_result("pitfalls/apply_async_error_lost.py") == 1  # one task failed, unreported


def test_apply_async_error_lost_script():
    output = script_output("pitfalls/apply_async_error_lost.py")
    assert output.strip() == "all 4 tasks submitted and finished; no error was reported"


def test_apply_async_error_seen(start_method):
    errors = main_result("pitfalls/apply_async_error_seen.py")
    assert errors == ["ZeroDivisionError('division by zero')"]


def test_apply_async_error_seen_script():
    assert script_output("pitfalls/apply_async_error_seen.py").splitlines() == [
        "1/4 = 0.25",
        "1/2 = 0.5",
        "1/0 raised in the worker: ZeroDivisionError('division by zero')",
        "1/1 = 1.0",
        "error_callback received: [ZeroDivisionError('division by zero')]",
    ]


def test_worker_killed_executor(start_method):
    with pytest.raises(BrokenProcessPool):
        main_result("pitfalls/worker_killed_executor.py")


def test_worker_killed_executor_script():
    script_output("pitfalls/worker_killed_executor.py")


def test_worker_killed_pool_waits(start_method):
    with pytest.raises(multiprocessing.TimeoutError):
        main_result("pitfalls/worker_killed_pool_waits.py")


def test_worker_killed_pool_waits_script():
    script_output("pitfalls/worker_killed_pool_waits.py")


KILLED_RESULTS = {0: 0, 1: 1, 2: 4, 3: "killed its worker", 4: 16, 5: 25}


def test_worker_killed_recovered(start_method):
    assert main_result("pitfalls/worker_killed_recovered.py") == KILLED_RESULTS


def test_worker_killed_recovered_script():
    lines = script_output("pitfalls/worker_killed_recovered.py").splitlines()
    assert lines[0].startswith("one pool for all: ") and "pool broken, unfinished [" in lines[0]
    assert "retried 3 alone: killed its worker" in lines
    assert lines[-1] == f"results: {KILLED_RESULTS}"


def test_fork_with_threads():
    with pytest.raises(TimeoutError, match="never got the lock"):
        main_result("pitfalls/fork_with_threads.py")


def test_fork_with_threads_script():
    output = script_output("pitfalls/fork_with_threads.py")
    assert "child: acquire(timeout=2) returned False" in output
    if sys.version_info >= (3, 12):
        assert "DeprecationWarning" in output
    else:
        assert "no warning (3.12 added one for fork with threads)" in output


def test_fork_with_threads_fixed():
    assert main_result("pitfalls/fork_with_threads_fixed.py") is True
    assert main_result("pitfalls/fork_with_threads_fixed.py", "spawn") is True


def test_fork_with_threads_fixed_script():
    output = script_output("pitfalls/fork_with_threads_fixed.py")
    assert output.strip() == "start method forkserver: the child's acquire(timeout=2) returned True"


def test_fork_with_threads_fixed_spawn_script():
    output = script_output("pitfalls/fork_with_threads_fixed.py", "spawn")
    assert output.strip() == "start method spawn: the child's acquire(timeout=2) returned True"


def test_logging_under_spawn():
    assert main_result("pitfalls/logging_under_spawn.py") == [0, 1, 4, 9]


def test_logging_under_spawn_script():
    output = script_output("pitfalls/logging_under_spawn.py")
    assert output.splitlines() == [
        "MainProcess        starting the pool",
        "MainProcess        squares: [0, 1, 4, 9]",
    ]


def test_logging_queue_listener(start_method):
    messages = main_result("pitfalls/logging_queue_listener.py")
    expected = [f"squaring {x}" for x in range(4)]
    expected += ["squares: [0, 1, 4, 9]", f"starting the pool ({start_method})"]
    assert messages == sorted(expected)


def test_logging_queue_listener_script():
    lines = script_output("pitfalls/logging_queue_listener.py", "spawn").splitlines()
    assert lines[0].split() == ["MainProcess", "starting", "the", "pool", "(spawn)"]
    assert lines[-1].split() == ["MainProcess", "squares:", "[0,", "1,", "4,", "9]"]
    workers = sorted(line.split(maxsplit=1)[1] for line in lines[1:-1])
    assert workers == [f"squaring {x}" for x in range(4)]
    assert all(line.startswith("SpawnPoolWorker-") for line in lines[1:-1])


def test_ctrl_c_in_pool():
    # The interrupted program runs in a child interpreter and process group of its own, with
    # that interpreter's default start method: this process's default does not reach it.
    assert main_result("pitfalls/ctrl_c_in_pool.py") == CTRL_C_OUTCOME


# Ctrl-C comes while both workers are inside a task, never in the pool's bookkeeping: the
# parent dies of its KeyboardInterrupt (SIGINT, signal 2) after terminating the workers.
CTRL_C_OUTCOME = "exit status -2"


def test_ctrl_c_in_pool_script():
    lines = script_output("pitfalls/ctrl_c_in_pool.py").splitlines()
    workers, tasks = zip(*sorted(line.split(": ", 1) for line in lines[:2]), strict=True)
    assert all("PoolWorker-" in worker for worker in workers) and len(set(workers)) == 2
    assert sorted(tasks) == ["slow_square(0) started", "slow_square(1) started"]
    assert lines[-2:] == ["KeyboardInterrupt", f"--- the program ended with: {CTRL_C_OUTCOME}"]


# The fixed snippet sends SIGINT to its own process group. Called in this process, main()
# would signal pytest itself, so it is tested only as a script, in a group of its own.
@pytest.mark.parametrize("args", [(), *[(method,) for method in START_METHODS]])
def test_ctrl_c_in_pool_fixed_script(args):
    output = script_output("pitfalls/ctrl_c_in_pool_fixed.py", *args)
    method = args[0] if args else multiprocessing.get_all_start_methods()[0]
    assert (
        output.strip()
        == f"start method {method}: interrupted after 1 of 6 results: pool terminated"
    )


def test_zombie_children(start_method):
    before, after = main_result("pitfalls/zombie_children.py")
    # Under forkserver the children belong to the fork server, which reaps them at once.
    assert before == (["gone"] * 3 if start_method == "forkserver" else ["Z"] * 3)
    assert after == ["gone"] * 3


@pytest.mark.parametrize("method", START_METHODS)
def test_zombie_children_script(method):
    lines = script_output("pitfalls/zombie_children.py", method).splitlines()
    zombies = "['gone', 'gone', 'gone']" if method == "forkserver" else "['Z', 'Z', 'Z']"
    assert lines[0].startswith(f"start method {method}, parent ")
    assert lines[1].startswith(f"not joined: states {zombies}")
    assert lines[2] == "after join(): states ['gone', 'gone', 'gone'], exit codes [0, 0, 0]"


PARENT_FIRST = "parent: starting 2 workers"
PARENT_WAITING = "parent: workers started, waiting for them"
PARENT_DONE = "parent: done"
WORKER_LINES = [f"worker {name}: step {step}" for name in "AB" for step in range(2)]


def check_block_buffered(lines: list[str]) -> None:
    # Each worker's lines leave together when it exits; the parent's, when the parent exits.
    assert lines[0] == PARENT_FIRST
    assert lines[-2:] == [PARENT_WAITING, PARENT_DONE]
    assert sorted(lines[1:5]) == WORKER_LINES
    assert lines[1][:8] == lines[2][:8] and lines[3][:8] == lines[4][:8]


def test_output_block_buffered(start_method):
    check_block_buffered(main_result("pitfalls/output_block_buffered.py"))


def test_output_block_buffered_script():
    lines = script_output("pitfalls/output_block_buffered.py").splitlines()
    check_block_buffered(lines[1:])


def check_in_order(lines: list[str], whole_lines: bool) -> None:
    assert lines[:2] == [PARENT_FIRST, PARENT_WAITING]
    assert lines[-1] == PARENT_DONE
    if whole_lines:
        assert sorted(lines[2:-1]) == WORKER_LINES
    else:  # with -u, print() writes its text and its newline separately: lines may mix
        assert all(line in "".join(lines[2:-1]) for line in WORKER_LINES)


def test_output_unbuffered(start_method):
    flushed, unbuffered = main_result("pitfalls/output_unbuffered.py")
    check_in_order(flushed, whole_lines=True)
    check_in_order(unbuffered, whole_lines=False)


def test_output_unbuffered_script():
    lines = script_output("pitfalls/output_unbuffered.py").splitlines()
    split = lines.index("with python -u, out of the pipe in order:")
    check_in_order(lines[1:split], whole_lines=True)
    check_in_order(lines[split + 1 :], whole_lines=False)
