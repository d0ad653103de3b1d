import multiprocessing
import re

import timelines
from dask.distributed import LocalCluster
from helpers import main_result, script_output, script_record
from speed_verdicts import assert_agrees

PRIME_COUNTS = {1_000: 168, 5_000: 669, 20_000: 2262, 50_000: 5133}


def test_listener_client_authkey(start_method):
    assert main_result("beyond_one_machine/listener_client_authkey.py") == {
        "answers": {10: 4, 100: 25, 1_000: 168, 10_000: 1229},
        "wrong_key_refused": True,
        "stats": {"clients": 2, "requests": 4, "refused": 1},
        "exitcode": 0,
    }


def test_listener_client_authkey_script():
    lines = script_output("beyond_one_machine/listener_client_authkey.py").splitlines()
    assert lines[0].startswith("server pid ") and " listening on 127.0.0.1, port " in lines[0]
    assert lines[4] == "client: primes below  10000: 1229"
    assert lines[5].startswith("client with a wrong key: AuthenticationError: ")
    assert lines[6] == "server stats {'clients': 2, 'requests': 4, 'refused': 1}, exit code 0"


def test_dask_submit_and_map():
    # Dask starts its workers with its own setting (spawn), whatever this process's default.
    assert main_result("beyond_one_machine/dask_submit_and_map.py") == {
        "counts": {10: 4, 100: 25, 1_000: 168, 10_000: 1229, 100_000: 9592},
        "total": 11018,
        "status": "closed",
    }


def test_dask_submit_and_map_script():
    lines = script_output("beyond_one_machine/dask_submit_and_map.py").splitlines()
    assert lines[0].startswith("scheduler at tcp://127.0.0.1:")
    assert lines[1] == "2 workers, each a process other than this one: True"
    assert lines[2:] == [
        "submit: 1229 primes below 10,000",
        "map + gather: {10: 4, 100: 25, 1000: 168, 10000: 1229, 100000: 9592}",
        "sum computed on the cluster: 11018",
        "cluster closed",
    ]  # and nothing else: no log lines from Dask


def test_dask_executor_drop_in(start_method):
    assert main_result("beyond_one_machine/dask_executor_drop_in.py") == {
        "process_pool": PRIME_COUNTS,
        "dask": PRIME_COUNTS,
        "maps_agree": True,
    }


def test_dask_executor_drop_in_given_a_scheduler_address():
    """The path the page describes for a real cluster: main() given a scheduler's address."""
    # This process already runs the cluster's threads when main() starts its process pool:
    # spawn its workers rather than fork a process with threads.
    multiprocessing.set_start_method("spawn", force=True)
    try:
        _run_against_a_running_cluster()
    finally:
        multiprocessing.set_start_method(None, force=True)


def _run_against_a_running_cluster():
    with LocalCluster(
        n_workers=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0"
    ) as cluster:
        result = main_result(
            "beyond_one_machine/dask_executor_drop_in.py", cluster.scheduler_address
        )
        assert len(cluster.scheduler_info["workers"]) == 1  # the cluster outlives the client
    assert result == {"process_pool": PRIME_COUNTS, "dask": PRIME_COUNTS, "maps_agree": True}


def test_dask_executor_drop_in_script():
    lines = script_output("beyond_one_machine/dask_executor_drop_in.py").splitlines()
    counts = "{1000: 168, 5000: 669, 20000: 2262, 50000: 5133}"
    assert lines == [
        f"ProcessPoolExecutor:   {counts}, map agrees: True",
        lines[1],
        f"client.get_executor(): {counts}, map agrees: True",
        "same answers from both executors: True",
    ]
    assert lines[1].startswith("local cluster at tcp://127.0.0.1:")


def test_dask_overhead_vs_process_pool(start_method, capsys):
    result = main_result(
        "beyond_one_machine/dask_overhead_vs_process_pool.py", n_tasks=20, repeats=1
    )
    assert result["same_results"] is True
    per_task = result["seconds_per_task"]
    assert per_task["pool"] > 0 and per_task["dask"] > 0
    # What the page relies on ("the order is robust"): Dask costs more per task, by any measure.
    assert per_task["dask"] > per_task["pool"] and result["ratio"] > 1
    # The rule of thumb on the last line is the one these numbers give: 100x Dask's cost.
    rule = capsys.readouterr().out.splitlines()[-1]
    assert rule.endswith(f" a Dask task should run {per_task['dask'] * 100:.2f} s")


def test_dask_overhead_vs_process_pool_script():
    lines = script_output("beyond_one_machine/dask_overhead_vs_process_pool.py").splitlines()
    assert lines[0] == "200 tasks of add_one on 2 worker processes, median of 3 runs"
    assert lines[1].startswith("ProcessPoolExecutor.map ") and lines[1].endswith(" µs per task")
    assert lines[2].startswith("Client.map + gather ") and lines[2].endswith("x")
    assert lines[3].startswith("start-up: pool ")
    # Each verdict is the one the printed figures give.
    pool_us, dask_us = (int(re.search(r"(\d+) µs per task", line)[1]) for line in lines[1:3])
    assert lines[4].startswith("verdict: per task, Dask was ")
    assert lines[4].endswith(" the process pool (" + lines[2].split()[-1] + " the time)")
    assert_agrees(lines[4], pool_us, dask_us)
    pool_start, cluster_start = (float(x) for x in re.findall(r"(\d+\.\d+) s", lines[3]))
    assert lines[5].startswith("verdict: to start, the LocalCluster was ")
    assert_agrees(lines[5], pool_start, cluster_start)
    assert lines[6].startswith("for that overhead to stay under 1%, a Dask task should run ")
    assert len(lines) == 7  # no log lines from Dask


def test_timeline_dask_workers(start_method):
    # Dask starts its workers with its own setting (spawn), whatever this process's default.
    assert main_result("beyond_one_machine/timeline_dask_workers.py") == {
        "tasks": list(range(8)),
        "most_at_once": 2,
    }


def test_timeline_dask_workers_script():
    record = script_record("beyond_one_machine/timeline_dask_workers.py")
    lines = record.output.splitlines()
    assert len(lines) == 3  # and nothing else: no log lines from Dask
    assert re.fullmatch(r"tasks running at once: at most 2; all done at \d+ ms", lines[2])
    ran = {line.split(" ran tasks ")[0]: line.split(" ran tasks ")[1].split() for line in lines[:2]}
    assert sorted(ran) == ["worker 1", "worker 2"]
    tasks = timelines.spans(record.figures["timeline_dask_workers.svg"], "busy")
    assert sorted(int(bar.label) for bar in tasks) == list(range(8))  # every task once
    assert timelines.overlaps_within_a_process(tasks) == []  # one thread per worker
    assert timelines.most_at_once(tasks) == 2
    drawn = {
        row: sorted((bar.label for bar in tasks if bar.process == row), key=int) for row in ran
    }
    assert drawn == ran  # the picture shows what the lines say
