import os

import pytest
from helpers import main_result, script_output
from snippet_runner import run_snippet

PRIMES_BELOW_3_000 = 430
PRIMES_BELOW_5_000 = 669


def usable_cpus() -> int:
    return len(os.sched_getaffinity(0))


@pytest.fixture
def in_tmp_folder(tmp_path, monkeypatch):
    """main() writes its plot into the current folder: keep it out of the repository."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def svg_title(folder, name) -> str:
    svg = (folder / name).read_text()
    return svg.split("<dc:title>", 1)[1].split("</dc:title>", 1)[0]


def test_per_task_overhead(start_method):
    result = main_result("performance/per_task_overhead.py", tasks=50, repeats=1)
    assert result == {
        "direct call": 1225,
        "ThreadPoolExecutor.submit": 1225,
        "ProcessPoolExecutor.submit": 1225,
        "Pool.map, chunksize=1": 1225,
        "Pool.map, default chunks": 1225,
    }


def test_per_task_overhead_script():
    lines = script_output("performance/per_task_overhead.py").splitlines()
    assert lines[0] == "2,000 tasks that return their argument; pools of 2 workers, already started"
    assert [line.rsplit(None, 1)[0] for line in lines[2:7]] == [
        "direct call",
        "ThreadPoolExecutor.submit",
        "ProcessPoolExecutor.submit",
        "Pool.map, chunksize=1",
        "Pool.map, default chunks",
    ]
    assert lines[7].startswith("one task per message costs ")


def test_speedup_vs_workers(start_method, in_tmp_folder):
    result = main_result("performance/speedup_vs_workers.py", limit=5_000, repeats=1)
    cpus = usable_cpus()
    workers = result["workers"]
    assert workers[0] == 1 and cpus in workers and workers[-1] == 2 * cpus
    assert workers == sorted(set(workers))
    assert result["serial"] == PRIMES_BELOW_5_000
    assert result["results"] == {n: PRIMES_BELOW_5_000 for n in workers}
    assert svg_title(in_tmp_folder, "speedup_vs_workers.svg").startswith("Two line charts")


def test_speedup_vs_workers_script():
    lines = script_output("performance/speedup_vs_workers.py").splitlines()
    cpus = usable_cpus()
    assert lines[0] == f"count the primes below 160,000 in 48 equal tasks; {cpus} usable CPUs"
    assert lines[3].split() == ["workers", "serial", "s", "pool", "s", "speedup", "efficiency"]
    workers = [1, 2, 4, 8, 16, 32, 64, 128]
    expected_workers = [n for n in workers if n < cpus] + [cpus, 2 * cpus]
    assert [int(line.split()[0]) for line in lines[4:-1]] == expected_workers
    assert lines[-1].startswith(f"with {cpus} workers on {cpus} CPUs: speedup ")
    assert "speedup_vs_workers.svg" in run_snippet("performance/speedup_vs_workers.py").figures


def test_chunksize_sweep(start_method, in_tmp_folder):
    result = main_result("performance/chunksize_sweep.py", tasks=512, repeats=1)
    assert list(result["results"]) == [1, 4, 16, 64, 256, 512, 1024]
    assert set(result["results"].values()) == {result["serial"]}
    assert svg_title(in_tmp_folder, "chunksize_sweep.svg").startswith("Line chart of Pool.map")


def test_chunksize_sweep_script():
    lines = script_output("performance/chunksize_sweep.py").splitlines()
    assert lines[0] == "8,192 tasks; Pool of 2 workers; median of 3 rounds after a warm-up"
    assert lines[1].startswith("serial loop: ") and lines[1].endswith(" µs per task")
    chunksizes = [line.split()[0] for line in lines[4:12]]
    assert chunksizes == ["1", "4", "16", "64", "256", "1,024", "4,096", "8,192"]
    assert lines[-2].startswith("default chunksize here: 1,024; fastest measured: ")
    assert "chunksize_sweep.svg" in run_snippet("performance/chunksize_sweep.py").figures


def test_pickling_cost(start_method, in_tmp_folder):
    rows = main_result("performance/pickling_cost.py", sizes=[1_000, 100_000], repeats=1)
    assert [(row["kind"], row["items"], row["received"]) for row in rows] == [
        ("bytes", 1_000, 1_000),
        ("bytes", 100_000, 100_000),
        ("list of floats", 111, 111),
        ("list of floats", 11_111, 11_111),
    ]
    assert all(row["pickled_bytes"] >= 999 for row in rows)
    assert svg_title(in_tmp_folder, "pickling_cost.svg").startswith("Log-log line chart")


def test_pickling_cost_script():
    lines = script_output("performance/pickling_cost.py").splitlines()
    assert [line.split()[0] for line in lines[2:]] == ["bytes"] * 5 + ["list"] * 5
    assert [line.split()[-4] for line in lines[2:7]] == [
        "1,018",
        "10,018",
        "100,009",
        "1,000,009",
        "4,000,009",
    ]
    assert "pickling_cost.svg" in run_snippet("performance/pickling_cost.py").figures


def test_amdahl_law(start_method, in_tmp_folder):
    result = main_result("performance/amdahl_law.py", limit=3_000, repeats=1)
    workers = list(range(1, usable_cpus() + 1))
    assert result["workers"] == workers
    every_run = {"serial": PRIMES_BELOW_3_000, **{n: PRIMES_BELOW_3_000 for n in workers}}
    assert result["results"] == {4: every_run, 16: every_run}
    assert svg_title(in_tmp_folder, "amdahl_law.svg").startswith("Line chart of speedup")


def test_amdahl_law_script():
    lines = script_output("performance/amdahl_law.py").splitlines()
    cpus = usable_cpus()
    assert lines[1].split() == [
        "serial",
        "part",
        "workers",
        "seconds",
        "measured",
        "Amdahl",
        "limit",
    ]
    assert len(lines) == 2 + 2 * (1 + cpus)
    assert [line.split()[1] for line in (lines[2], lines[3 + cpus])] == ["serial", "serial"]
    assert "amdahl_law.svg" in run_snippet("performance/amdahl_law.py").figures


def test_scaling_patterns(start_method):
    result = main_result("performance/scaling_patterns.py", work=48_000, repeats=1)
    assert list(result) == [
        "coarse, equal tasks",
        "unequal tasks, one at a time",
        "unequal tasks, fixed chunks",
        "big data, little work",
        "tiny tasks",
    ]
    assert all(serial == parallel for serial, parallel in result.values())


def test_scaling_patterns_script():
    lines = script_output("performance/scaling_patterns.py").splitlines()
    assert lines[0].startswith(f"each pattern run serially and on {usable_cpus()} worker processes")
    assert [line[:30].strip() for line in lines[3:]] == [
        "coarse, equal tasks",
        "unequal tasks, one at a time",
        "unequal tasks, fixed chunks",
        "big data, little work",
        "tiny tasks",
    ]
