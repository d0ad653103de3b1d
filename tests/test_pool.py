"""The Pool page: every snippet's main() under each start method, and its script output."""

import ast
import multiprocessing.pool
import re
import sys

import pytest
import timelines
from helpers import main_result, script_output, script_record

SQUARES = [n * n for n in range(10)]


def test_map_squares(start_method):
    assert main_result("pool/map_squares.py") == SQUARES


def test_map_squares_script():
    assert script_output("pool/map_squares.py").splitlines() == [str(SQUARES)]


def test_pool_options(start_method):
    assert main_result("pool/pool_options.py") == ([0, 10, 20, 30, 40, 50, 60, 70], True)


def test_pool_options_script():
    lines = script_output("pool/pool_options.py").splitlines()
    assert lines[0] == "results: [0, 10, 20, 30, 40, 50, 60, 70]"
    worker_lines = [line for line in lines if line.startswith("  worker pid ")]
    tasks = [ast.literal_eval(line.split(" ran inputs ")[1]) for line in worker_lines]
    assert sorted(n for ran in tasks for n in ran) == list(range(8))
    assert all(len(ran) <= 2 for ran in tasks) and len(tasks) >= 4
    most = max(len(ran) for ran in tasks)
    assert lines[-1] == f"{len(tasks)} worker processes ran the 8 tasks, at most {most} each"


def test_context_manager_terminates(start_method):
    assert main_result("pool/context_manager_terminates.py") == (None, [0, 1, 4, 9])


def test_context_manager_terminates_script():
    assert script_output("pool/context_manager_terminates.py").splitlines() == [
        "wrong: collected after the block -> TimeoutError, ready() = False",
        "right: collected inside the block -> [0, 1, 4, 9]",
    ]


def test_map_family(start_method):
    squares = [0, 1, 4, 9, 16, 25]
    products = [2, 12, 30]
    assert main_result("pool/map_family.py") == {
        "map": squares,
        "map_async": squares,
        "imap": squares,
        "imap_unordered": squares,
        "starmap": products,
        "starmap_async": products,
    }


def test_map_family_script():
    lines = script_output("pool/map_family.py").splitlines()
    assert [line.split()[0] for line in lines] == [
        "map",
        "map_async",
        "imap",
        "imap_unordered",
        "starmap",
        "starmap_async",
    ]
    assert lines[2] == "imap            [0, 1, 4, 9, 16, 25]"
    assert sorted(ast.literal_eval(lines[3].split(maxsplit=1)[1])) == [0, 1, 4, 9, 16, 25]
    assert lines[5] == "starmap_async   [2, 12, 30]"


def test_arrival_order(start_method):
    order = main_result("pool/arrival_order.py")
    assert list(order) == ["map", "imap", "imap_unordered", "apply_async"]
    assert order["map"] == order["imap"] == [0, 1, 2, 3]  # input order, always
    assert sorted(order["imap_unordered"]) == sorted(order["apply_async"]) == [0, 1, 2, 3]


def test_arrival_order_script():
    lines = script_output("pool/arrival_order.py").splitlines()
    assert lines[0] == "task durations: [0.5, 0.1, 0.1, 0.15] s, 2 workers"
    timelines = {line.split()[0]: line.split()[1:] for line in lines[1:]}
    assert [entry.split("@")[0] for entry in timelines["map"]] == ["0", "1", "2", "3"]
    map_times = {entry.split("@")[1] for entry in timelines["map"]}
    assert len(map_times) == 1  # map hands back every result at the same moment
    assert [entry.split("@")[0] for entry in timelines["imap"]] == ["0", "1", "2", "3"]
    assert sorted(entry.split("@")[0] for entry in timelines["imap_unordered"]) == list("0123")


def test_async_result(start_method):
    assert main_result("pool/async_result.py") == [
        9,
        False,
        "ValueError",
        "TimeoutError",
        True,
        True,
        16,
        False,
        "ZeroDivisionError",
    ]


def test_async_result_script():
    assert script_output("pool/async_result.py").splitlines() == [
        "apply(slow_square, (3, 0.1)) -> 9",
        "ready() just after apply_async: False",
        "successful() before it is ready: raises ValueError",
        "get(timeout=0.1): multiprocessing.TimeoutError; the task keeps running",
        "after wait(): ready() True, successful() True, get() 16",
        "a task that raised: successful() False",
        "get() re-raises it: ZeroDivisionError: division by zero",
    ]


def test_callbacks(start_method):
    assert main_result("pool/callbacks.py") == (
        [1, 9, 25],
        ["-2 is negative", "-4 is negative"],
    )


def test_callbacks_script():
    assert script_output("pool/callbacks.py").splitlines() == [
        "callback got:       [1, 9, 25]",
        "error_callback got: [\"ValueError('-2 is negative')\", \"ValueError('-4 is negative')\"]",
    ]


def test_worker_exception(start_method):
    with pytest.raises(ValueError, match="invalid literal for int") as raised:
        main_result("pool/worker_exception.py")
    remote = raised.value.__cause__
    assert isinstance(remote, multiprocessing.pool.RemoteTraceback)
    assert "in parse\n    return int(text)" in str(remote)  # the worker's own traceback


def test_worker_exception_script():
    output = script_output("pool/worker_exception.py")
    assert output.startswith("multiprocessing.pool.RemoteTraceback:")
    assert "The above exception was the direct cause of the following exception:" in output
    assert output.count("ValueError: invalid literal for int() with base 10: 'three'") == 2


def test_close_join_terminate(start_method):
    assert main_result("pool/close_join_terminate.py") == ([0, 1, 4, 9, 16, 25], False)


def test_close_join_terminate_script():
    lines = script_output("pool/close_join_terminate.py").splitlines()
    assert lines[0] == "apply() after close(): ValueError: Pool not running"
    assert lines[1].endswith("s; results [0, 1, 4, 9, 16, 25]")
    assert lines[2].endswith("; ready() = False: never will be")
    # The verdict agrees with the time printed beside it.
    took = float(lines[2].removeprefix("terminate() + join() took ").split(" s, ")[0])
    shorter = "less" if took < 0.2 else "not less"
    assert f" s, {shorter} than one task's 0.2 s;" in lines[2]


def test_chunksize_sweep(start_method, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the snippet saves its plot in the current folder
    rates = main_result("pool/chunksize_sweep.py", n_tasks=400, chunksizes=(1, 40), repeats=1)
    assert sorted(rates) == [1, 40, 50]  # 50: map()'s default for 400 tasks on 2 workers
    assert all(rate > 0 for rate in rates.values())
    assert (tmp_path / "chunksize_sweep.svg").is_file()


def test_chunksize_sweep_script():
    lines = script_output("pool/chunksize_sweep.py").splitlines()
    assert lines[0] == "10000 tasks of n + 1, 2 workers, median of 3 runs"
    assert lines[1] == "map() without chunksize would use chunksize=1250"
    table = [line.split() for line in lines[3:10]]
    assert [row[0] for row in table] == ["1", "4", "16", "64", "256", "1024", "1250"]
    assert [row[1] for row in table] == ["10000", "2500", "625", "157", "40", "10", "8"]
    assert table[0][-1] == "1.0x"
    # The two verdict lines agree with the throughputs printed in the table.
    rates = {int(row[0]): int(row[3].replace(",", "")) for row in table}
    slowest, fastest = min(rates, key=rates.get), max(rates, key=rates.get)
    assert lines[10].startswith(f"slowest: chunksize={slowest}; fastest: chunksize={fastest}, ")
    assert lines[10].endswith("x the throughput of the slowest")
    sizes = list(rates)
    rising = sizes[0]
    for smaller, larger in zip(sizes[:-1], sizes[1:], strict=True):
        if rates[larger] <= rates[smaller]:
            break
        rising = larger
    assert lines[11] == f"throughput rose at every step from chunksize=1 to chunksize={rising}"
    assert len(lines) == 12


def test_apply_loop_vs_map(start_method):
    # map() shows 1 task at a time only if one worker gets no task while the other runs all
    # four in a row: with tasks this size, a worker starved for a tenth of a second or more.
    at_once = main_result("pool/apply_loop_vs_map.py", tasks=4, size=400_000, repeats=1)
    assert at_once == {
        "serial, no pool": 1,
        "loop of apply()": 1,  # never two tasks at the same time
        "map()": 2,
        "apply_async() + get()": 2,
    }


def test_apply_loop_vs_map_script():
    lines = script_output("pool/apply_loop_vs_map.py").splitlines()
    assert lines[0] == "8 tasks of busy(400000), 2 workers, median of 3 alternated runs"
    rows = {line[:22].strip(): line[22:].split() for line in lines[2:6]}
    assert {how: row[1] for how, row in rows.items()} == {
        "serial, no pool": "1",
        "loop of apply()": "1",
        "map()": "2",
        "apply_async() + get()": "2",
    }
    assert lines[6].startswith("loop of apply() took ")
    # The verdict agrees with the seconds printed for the two rows.
    seconds = {how: float(row[0]) for how, row in rows.items()}
    faster = seconds["map()"] < seconds["loop of apply()"]
    verdict = "map() was faster" if faster else "map() was not faster"
    assert lines[6].endswith(f"x as long as map(): {verdict}")


def test_initializer_raises(start_method):
    more_workers_than_places, task_ran = main_result("pool/initializer_raises.py")
    assert more_workers_than_places is True  # dead workers were replaced, again and again
    assert task_ran is False


def test_initializer_raises_script():
    output = script_output("pool/initializer_raises.py")
    lines = output.splitlines()
    assert lines[-2] == (
        "get(timeout=0.05): multiprocessing.TimeoutError; the task ran: ready() = False"
    )
    started = int(lines[-1].split()[0])
    assert started > 2
    assert lines[-1] == f"{started} workers started for a pool of 2: more than its size: True"
    # A replacement started only after a worker had died, printing the initializer's error.
    dying = re.findall(r"(?m)^Process \w+PoolWorker-\d+:$", output)
    assert 1 <= len(dying) <= started
    assert 1 <= output.count("\nConnectionError: database unreachable\n") <= len(dying)


QUOTA_TYPE_ERROR = (
    "TypeError: QuotaError.__init__() missing 1 required positional argument: 'limit'"
)


# The Pool's result-handler thread dies of the TypeError, as the page shows: expected here.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_unpicklable_exception(start_method):
    assert main_result("pool/unpicklable_exception.py") == {
        "Pool": ["TimeoutError", "AssertionError"],
        "ProcessPoolExecutor": ["BrokenProcessPool", QUOTA_TYPE_ERROR],
        "fixed": [("alice", 5), ("alice", 5)],
    }


def test_unpicklable_exception_script():
    lines = script_output("pool/unpicklable_exception.py").splitlines()
    handler = "result_hander" if sys.version_info < (3, 12) else "result_handler"
    own = ("QuotaError", "FixedQuotaError", "  pickle", "  Pool:", "  ProcessPoolExecutor:")
    assert [line for line in lines if line.startswith(own)] == [
        "QuotaError passes only its message to Exception.__init__:",
        f"  pickle.dumps() works, pickle.loads() raises {QUOTA_TYPE_ERROR}",
        "  Pool: get(timeout=2) -> TimeoutError, ready() = False",
        f"  Pool: terminate() -> AssertionError: Cannot have cache with {handler} not alive",
        "  ProcessPoolExecutor: BrokenProcessPool: A process in the process pool was"
        " terminated abruptly while the future was running or pending.",
        f"  ProcessPoolExecutor: its __cause__ ends with {QUOTA_TYPE_ERROR}",
        "FixedQuotaError passes every argument:",
        "  Pool: FixedQuotaError: alice over 5 (user='alice', limit=5)",
        "  ProcessPoolExecutor: FixedQuotaError: alice over 5 (user='alice', limit=5)",
    ]
    # The Pool's result-handler thread died of the TypeError, before get() gave up.
    died = next(i for i, line in enumerate(lines) if line.endswith(" (_handle_results):"))
    assert re.fullmatch(r"Exception in thread Thread-\d+ \(_handle_results\):", lines[died])
    gave_up = lines.index("  Pool: get(timeout=2) -> TimeoutError, ready() = False")
    assert lines[gave_up - 1] == QUOTA_TYPE_ERROR and died < gave_up


WAYS = ["map", "imap_unordered", "apply_async loop", "apply loop"]
TIMELINES = [f"timeline_{n}_{way.replace(' ', '_')}.svg" for n, way in enumerate(WAYS, 1)]


def test_timeline_map_family(start_method):
    outcome = main_result("pool/timeline_map_family.py")
    assert list(outcome) == WAYS
    assert [outcome[way]["most_at_once"] for way in WAYS] == [2, 2, 2, 1]
    assert outcome["imap_unordered"]["order"][0] == 1  # the short task 1 beat the long task 0
    for way in ["map", "apply_async loop", "apply loop"]:
        assert outcome[way]["order"] == list(range(8))


def test_timeline_map_family_script():
    record = script_record("pool/timeline_map_family.py")
    lines = record.output.splitlines()
    assert [line.split()[0] for line in lines] == ["map", "imap_unordered", "apply_async", "apply"]
    assert re.fullmatch(r"map +at most 2 at once; received 0 1 2 3 4 5 6 7 all at \d+ ms", lines[0])
    assert list(record.figures) == TIMELINES  # the page shows them in this order
    for way, file_name in zip(WAYS, TIMELINES, strict=True):
        svg = record.figures[file_name]
        assert timelines.title(svg) == f"Pool: {way}"
        tasks = timelines.spans(svg, "busy")
        # Every task appears once, and no worker runs two at once.
        assert sorted(int(bar.label) for bar in tasks) == list(range(8))
        assert timelines.overlaps_within_a_process(tasks) == []
        assert {bar.process for bar in tasks} == {"worker 1", "worker 2"}
        marks = timelines.spans(svg, "received")
        printed = re.search(r"received ([\d ]+?) (?:all at|from)", lines[WAYS.index(way)])
        assert " ".join(mark.label for mark in marks) == printed.group(1)
        # No result reaches the main process before its task ends.
        ended = {bar.label: bar.end for bar in tasks}
        assert all(mark.start >= ended[n] for mark in marks for n in mark.label.split())
    apply_loop = timelines.spans(record.figures[TIMELINES[3]], "busy")
    assert timelines.most_at_once(apply_loop) == 1
    mapped = timelines.spans(record.figures[TIMELINES[0]], "busy")
    assert timelines.most_at_once(mapped) == 2
    assert [mark.label for mark in timelines.spans(record.figures[TIMELINES[0]], "received")] == [
        "0 1 2 3 4 5 6 7"
    ]


CHUNK_TIMELINES = [
    "timeline_1_chunksize_1.svg",
    "timeline_2_chunksize_3.svg",
    "timeline_3_chunksize_12.svg",
]


def test_timeline_chunksize(start_method):
    alone = main_result("pool/timeline_chunksize.py")
    assert list(alone) == [
        "chunksize=1",
        "default chunksize=3",
        "one chunk per worker, chunksize=12",
    ]
    assert max(alone, key=alone.get) == "one chunk per worker, chunksize=12"


def test_timeline_chunksize_script():
    record = script_record("pool/timeline_chunksize.py")
    lines = record.output.splitlines()
    assert len(lines) == 10
    assert [lines[k].split(": done at ")[0] for k in (0, 3, 6)] == [
        "chunksize=1",
        "default chunksize=3",
        "one chunk per worker, chunksize=12",
    ]
    assert lines[-1] == "the longest idle tail: one chunk per worker, chunksize=12"
    assert list(record.figures) == CHUNK_TIMELINES
    tails = []
    for k, (file_name, chunksize) in enumerate(zip(CHUNK_TIMELINES, (1, 3, 12), strict=True)):
        tasks = timelines.spans(record.figures[file_name], "busy")
        assert sorted(int(bar.label) for bar in tasks) == list(range(24))  # every task once
        assert timelines.overlaps_within_a_process(tasks) == []
        assert {bar.process for bar in tasks} == {"worker 1", "worker 2"}
        # Each chunk, tasks k*chunksize to (k+1)*chunksize - 1, ran whole on one worker.
        worker_of = {int(bar.label): bar.process for bar in tasks}
        for first in range(0, 24, chunksize):
            assert len({worker_of[n] for n in range(first, first + chunksize)}) == 1
        # The lines under each run say what the picture shows.
        printed = dict(line.strip().split(" ran tasks ") for line in lines[3 * k + 1 : 3 * k + 3])
        assert sorted(printed) == ["worker 1", "worker 2"]
        for worker, ranges in printed.items():
            ran = []
            for part in ranges.split():
                low, _, high = part.partition("-")
                ran += range(int(low), int(high or low) + 1)
            assert ran == sorted(n for n, owner in worker_of.items() if owner == worker)
        last_ends = [max(bar.end for bar in tasks if bar.process == w) for w in printed]
        tails.append(max(last_ends) - min(last_ends))
    # With one chunk per worker, each worker ran one block of twelve, and the idle tail was
    # the longest of the three runs.
    assert sorted(line.split(" ran tasks ")[1] for line in lines[7:9]) == ["0-11", "12-23"]
    assert tails[2] > max(tails[:2])
