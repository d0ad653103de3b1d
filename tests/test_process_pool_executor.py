import re
import sys
import threading
from concurrent.futures.process import _RemoteTraceback

import pytest
import timelines
from helpers import main_result, script_output, script_record

CUBES = [0, 1, 8, 27, 64, 125, 216, 343]


def test_first_executor(start_method):
    assert main_result("process_pool_executor/first_executor.py") == (27, CUBES)


def test_first_executor_script():
    assert script_output("process_pool_executor/first_executor.py").splitlines() == [
        "submit(cube, 3).result() = 27",
        f"map(cube, range(8)) = {CUBES}",
    ]


def test_submit_and_future(start_method):
    assert main_result("process_pool_executor/submit_and_future.py") == {
        "result": 49,
        "error": "ValueError('-3 is not positive')",
        "callback": [49],
    }


def test_submit_and_future_script():
    assert script_output("process_pool_executor/submit_and_future.py").splitlines() == [
        "just submitted: done() = False",
        "result(timeout=0.1): TimeoutError (the task is still running; it goes on)",
        "result() = 49, done() = True",
        "exception() = None",
        "failing task: exception() = ValueError('-3 is not positive')",
        "the done callback saw: [49]",
    ]


def assert_cancelled_only_at_the_end(statuses: list[str]) -> None:
    assert len(statuses) == 8
    assert statuses[0] == "finished"
    # at most the running task and two queued for the worker finish after the first one
    assert statuses[-4:] == ["cancelled"] * 4
    assert statuses == sorted(statuses, key=lambda status: status == "cancelled")


def test_cancel_and_shutdown(start_method):
    threads_before = set(threading.enumerate())
    outcome = main_result("process_pool_executor/cancel_and_shutdown.py")
    # no executor thread outlives main(): one left running can race the exit (gh-125451)
    assert set(threading.enumerate()) - threads_before == set()
    assert_cancelled_only_at_the_end(outcome["cancel_futures"])
    assert outcome["wait_false"] == ["finished"]


def test_cancel_and_shutdown_script():
    lines = script_output("process_pool_executor/cancel_and_shutdown.py").splitlines()
    assert lines[0] == "cancel() on the last, still pending: True"
    assert lines[1] == "cancel() on the first, finished:     False"
    assert lines[2] == "after shutdown(wait=True, cancel_futures=True):"
    assert lines[5:] == [
        "right after shutdown(wait=False): done() = False",
        "result() = 0.3",
        "submit() after shutdown: RuntimeError: cannot schedule new futures after shutdown",
    ]


def test_map_timeout_chunksize(start_method):
    assert main_result("process_pool_executor/map_timeout_chunksize.py") == {
        "squares": [number * number for number in range(12)],
        "pids_per_chunk": [1, 1, 1],
        "before_timeout": [0.1, 0.1],
    }


def test_map_timeout_chunksize_script():
    output = script_output("process_pool_executor/map_timeout_chunksize.py")
    assert output.splitlines()[1:] == [
        "worker processes per chunk of 4: [1, 1, 1] (a chunk is one task)",
        "map(..., timeout=0.8): got [0.1, 0.1], then TimeoutError",
    ]


def test_as_completed_order(start_method):
    assert main_result("process_pool_executor/as_completed_order.py") == [
        "fast",
        "medium",
        "slow",
    ]


def test_as_completed_order_script():
    output = script_output("process_pool_executor/as_completed_order.py")
    assert output.splitlines() == [
        "submitted in this order: ['slow', 'medium', 'fast']",
        "as_completed yielded:    ['fast', 'medium', 'slow']",
    ]


WAIT_OUTCOME = [
    ("FIRST_COMPLETED", ["fast"], ["failing", "slow"]),
    ("FIRST_EXCEPTION", ["failing", "fast"], ["slow"]),
    ("ALL_COMPLETED", ["failing", "fast", "slow"], []),
]


def test_wait_return_when(start_method):
    assert main_result("process_pool_executor/wait_return_when.py") == WAIT_OUTCOME


def test_wait_return_when_script():
    lines = script_output("process_pool_executor/wait_return_when.py").splitlines()
    assert lines == [
        f"{mode:<16} done: {done}, not done: {not_done}" for mode, done, not_done in WAIT_OUTCOME
    ]


def test_worker_exception_traceback(start_method):
    with pytest.raises(
        ValueError, match="could not convert string to float: 'two dollars'"
    ) as info:
        main_result("process_pool_executor/worker_exception_traceback.py")
    remote = info.value.__cause__
    assert isinstance(remote, _RemoteTraceback)
    assert "in parse_price" in remote.tb  # the worker's own frames travel with the error


def test_worker_exception_traceback_script():
    output = script_output(
        "process_pool_executor/worker_exception_traceback.py",
    )
    assert output.startswith("concurrent.futures.process._RemoteTraceback:")
    assert "in parse_price" in output
    assert "The above exception was the direct cause of the following exception:" in output


def test_broken_process_pool(start_method):
    assert main_result("process_pool_executor/broken_process_pool.py") == ["BrokenProcessPool"] * 3


def test_broken_process_pool_script():
    lines = script_output("process_pool_executor/broken_process_pool.py").splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "die()",
        "nap(1.0), queued behind it",
        "submit() afterwards",
    ]
    assert all(": BrokenProcessPool: " in line for line in lines)


def test_dead_worker_pool_vs_executor(start_method):
    assert main_result("process_pool_executor/dead_worker_pool_vs_executor.py") == {
        "Pool": "TimeoutError",
        "ProcessPoolExecutor": "BrokenProcessPool",
    }


def test_dead_worker_pool_vs_executor_script():
    lines = script_output("process_pool_executor/dead_worker_pool_vs_executor.py").splitlines()
    assert lines[0] == "Pool: no result and no error after 2.0 s: TimeoutError from get()"
    assert lines[1] == "Pool: still answers new tasks: True"
    assert lines[2].startswith("ProcessPoolExecutor: BrokenProcessPool after ")


SIZES = ["1 MiB", "2 MiB", "4 MiB", "8 MiB"]


def test_initializer_and_context(start_method):
    assert main_result("process_pool_executor/initializer_and_context.py") == (start_method, SIZES)


@pytest.mark.parametrize("method", ["fork", "spawn", "forkserver"])
def test_initializer_and_context_script(method):
    output = script_output("process_pool_executor/initializer_and_context.py", method)
    assert output.splitlines() == [f"start method: {method}", f"results: {SIZES}"]


FORK_REFUSED = (
    "ValueError: max_tasks_per_child is incompatible with the 'fork' multiprocessing start"
    " method; supply a different mp_context."
)


def test_max_tasks_per_child():
    # Given max_tasks_per_child and no mp_context, the executor uses spawn, whatever the default.
    assert main_result("process_pool_executor/max_tasks_per_child.py") == {
        "tasks_per_worker": [2, 2, 2],
        "fork": FORK_REFUSED,
    }


def test_max_tasks_per_child_script():
    assert script_output("process_pool_executor/max_tasks_per_child.py").splitlines() == [
        "6 tasks, max_tasks_per_child=2: 3 worker processes",
        "tasks run by each worker: [2, 2, 2]",
        f"with the fork context: {FORK_REFUSED}",
    ]


NEWER_APIS = [
    "Executor.map(buffersize=)",
    "ProcessPoolExecutor.terminate_workers()",
    "ProcessPoolExecutor.kill_workers()",
    "InterpreterPoolExecutor",
]


def test_newer_executor_apis(start_method):
    available = sys.version_info >= (3, 14)
    assert main_result("process_pool_executor/newer_executor_apis.py") == dict.fromkeys(
        NEWER_APIS, available
    )


@pytest.mark.skipif(sys.version_info >= (3, 14), reason="the build interpreter has them")
def test_newer_executor_apis_script_says_they_are_missing():
    lines = script_output("process_pool_executor/newer_executor_apis.py").splitlines()
    assert lines[0] == f"Python {sys.version.split()[0]}"
    assert lines[1:] == [
        f"{name}: not in this interpreter (added in Python 3.14)" for name in NEWER_APIS
    ]


PRIME_COUNTS = [1229, 78498, 348513]


def test_asyncio_run_in_executor(start_method):
    assert main_result("process_pool_executor/asyncio_run_in_executor.py") == PRIME_COUNTS


def test_asyncio_run_in_executor_script():
    lines = script_output("process_pool_executor/asyncio_run_in_executor.py").splitlines()
    assert lines[:3] == [
        "primes up to    10,000: 1229",
        "primes up to 1,000,000: 78498",
        "primes up to 5,000,000: 348513",
    ]
    assert lines[3].startswith("meanwhile the event loop ran ")


FUTURE_BROKEN = (
    "BrokenProcessPool: A process in the process pool was terminated abruptly while the future"
    " was running or pending."
)


def test_initializer_raises(start_method):
    assert main_result("process_pool_executor/initializer_raises.py") == ["BrokenProcessPool"] * 4


def test_initializer_raises_script():
    output = script_output("process_pool_executor/initializer_raises.py")
    lines = output.splitlines()
    assert lines[-4:] == [
        f"query(0): {FUTURE_BROKEN}",
        f"query(1): {FUTURE_BROKEN}",
        f"query(2): {FUTURE_BROKEN}",
        "submit() afterwards: BrokenProcessPool: A child process terminated abruptly,"
        " the process pool is not usable anymore",
    ]
    # Each worker that ran the initializer logged its exception (one or both of the two).
    logged = len(re.findall(r"(?m)^Exception in initializer:$", output))
    assert logged in (1, 2)
    assert 1 <= output.count("\nConnectionError: database unreachable\n") <= logged


def test_timeline_as_completed(start_method):
    order = main_result("process_pool_executor/timeline_as_completed.py")
    assert sorted(order) == list(range(8))
    # The short task 1 first; the long task 0 after task 2, which ran behind task 1.
    assert order[0] == 1 and order.index(2) < order.index(0)


def test_timeline_as_completed_script():
    record = script_record("process_pool_executor/timeline_as_completed.py")
    lines = record.output.splitlines()
    assert lines[0] == "submitted in the order 0 1 2 3 4 5 6 7"
    assert lines[1].startswith("received in the order  1 ")
    order = lines[1].removeprefix("received in the order  ").split()
    assert sorted(order, key=int) == [str(n) for n in range(8)]
    assert order.index("2") < order.index("0")
    svg = record.figures["timeline_as_completed.svg"]
    assert list(record.figures) == ["timeline_as_completed.svg"]
    assert timelines.title(svg) == "ProcessPoolExecutor: submit() and as_completed()"
    tasks = timelines.spans(svg, "busy")
    # Every task once, on two workers, never two at once in one worker.
    assert sorted(int(bar.label) for bar in tasks) == list(range(8))
    assert {bar.process for bar in tasks} == {"worker 1", "worker 2"}
    assert timelines.overlaps_within_a_process(tasks) == []
    assert timelines.most_at_once(tasks) == 2
    marks = timelines.spans(svg, "received")
    assert {mark.process for mark in marks} == {"main process"}
    assert " ".join(mark.label for mark in marks).split() == order  # drawn as printed
    # No result reaches the main process before its task ends.
    ended = {bar.label: bar.end for bar in tasks}
    assert all(mark.start >= ended[n] for mark in marks for n in mark.label.split())


def test_timeline_cancel_futures(start_method):
    outcome = main_result("process_pool_executor/timeline_cancel_futures.py")
    # Tasks 0 to k-1 ran, tasks k to 9 were cancelled: 0, 1 and 2 always ran, 9 never.
    assert outcome["ran"] + outcome["cancelled"] == list(range(10))
    assert outcome["ran"][:3] == [0, 1, 2] and outcome["cancelled"][-1] == 9


def test_timeline_cancel_futures_script():
    record = script_record("process_pool_executor/timeline_cancel_futures.py")
    lines = record.output.splitlines()
    assert len(lines) == 3
    assert lines[0] == "10 tasks submitted; shutdown(cancel_futures=True) after the first result"
    assert lines[1].startswith("ran to the end: 0 1 2")
    assert lines[2].startswith("never started (cancelled): ") and lines[2].endswith(" 9")
    ran = lines[1].removeprefix("ran to the end: ").split()
    cancelled = lines[2].removeprefix("never started (cancelled): ").split()
    assert ran + cancelled == [str(n) for n in range(10)]
    assert list(record.figures) == ["timeline_cancel_futures.svg"]
    svg = record.figures["timeline_cancel_futures.svg"]
    assert timelines.title(svg) == "ProcessPoolExecutor: shutdown(cancel_futures=True)"
    tasks = timelines.spans(svg, "busy")
    labels = [bar.label for bar in tasks]
    # Each task that ran has exactly one bar; a cancelled one has none.
    assert sorted(labels, key=int) == ran
    assert not set(labels) & set(cancelled)
    assert f"never started (no bar): tasks {' '.join(cancelled)}.</desc>" in svg  # the summary
    assert timelines.overlaps_within_a_process(tasks) == []
    assert timelines.most_at_once(tasks) <= 2
    (shutdown,) = timelines.spans(svg, "received")
    assert shutdown.process == "main process"
    # The call came after the first task ended, while tasks 0 and 1 had both started.
    assert min(bar.end for bar in tasks) <= shutdown.start
    assert all(bar.start < shutdown.start for bar in tasks if bar.label in ("0", "1"))
