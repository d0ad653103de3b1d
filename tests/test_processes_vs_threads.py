import concurrent.futures
import sysconfig

import pytest
from helpers import main_result, script_output
from snippet_runner import run_snippet

PRIMES_BELOW_20_000 = 2262
PRIMES_BELOW_5_000 = 669


@pytest.fixture
def in_tmp_folder(tmp_path, monkeypatch):
    """main() writes its plot into the current folder: keep it out of the repository."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def assert_plot(folder, name):
    svg = (folder / name).read_text()
    assert "<dc:title>Horizontal bar chart of median wall time" in svg


def test_cpu_bound_three_ways(start_method, in_tmp_folder):
    result = main_result("processes_vs_threads/cpu_bound_three_ways.py", limit=20_000, repeats=1)
    assert result == {
        "serial": PRIMES_BELOW_20_000,
        "threads": PRIMES_BELOW_20_000,
        "processes": PRIMES_BELOW_20_000,
    }
    assert_plot(in_tmp_folder, "cpu_bound_three_ways.svg")


def test_cpu_bound_three_ways_script():
    output = script_output("processes_vs_threads/cpu_bound_three_ways.py")
    rows = output.splitlines()[-3:]
    assert [row.split()[0] for row in rows] == ["serial", "threads", "processes"]
    assert all(row.endswith(" 17,984") for row in rows)  # primes below 200,000, every way
    figures = run_snippet("processes_vs_threads/cpu_bound_three_ways.py").figures
    assert list(figures) == ["cpu_bound_three_ways.svg"]


def test_io_bound_three_ways(start_method, in_tmp_folder):
    result = main_result(
        "processes_vs_threads/io_bound_three_ways.py", tasks=8, repeats=1, workers=2
    )
    assert result == {way: list(range(8)) for way in ("serial", "threads", "processes", "asyncio")}
    assert_plot(in_tmp_folder, "io_bound_three_ways.svg")


def test_io_bound_three_ways_script():
    output = script_output("processes_vs_threads/io_bound_three_ways.py")
    assert output.splitlines()[0] == "32 tasks that each wait 25 ms; pools of 8 workers;"
    rows = output.splitlines()[-4:]
    assert [row.split()[0] for row in rows] == ["serial", "threads", "processes", "asyncio"]
    figures = run_snippet("processes_vs_threads/io_bound_three_ways.py").figures
    assert list(figures) == ["io_bound_three_ways.svg"]


def test_worker_startup_and_memory(start_method):
    result = main_result("processes_vs_threads/worker_startup_and_memory.py", workers=2)
    assert result == {
        "method": start_method,
        "threads_ran": 2,
        "processes_ran": 2,
        "memory_measured": True,
    }


@pytest.mark.parametrize("method", ["fork", "spawn", "forkserver"])
def test_worker_startup_and_memory_script(method):
    output = script_output("processes_vs_threads/worker_startup_and_memory.py", method)
    lines = output.splitlines()
    assert (
        lines[0] == f"start method {method}; 8 workers of each kind; each worker idles once running"
    )
    assert lines[1].split() == ["per", "worker", "threads", "processes", "ratio"]
    assert [line.split("(")[0].strip() for line in lines[2:]] == [
        "start-up",
        "resident set",
        "private",
    ]


def test_asyncio_offloads_cpu_work(start_method):
    result = main_result("processes_vs_threads/asyncio_offloads_cpu_work.py", limit=5_000)
    assert result == {"inline": PRIMES_BELOW_5_000, "process pool": PRIMES_BELOW_5_000}


def test_asyncio_offloads_cpu_work_script():
    output = script_output("processes_vs_threads/asyncio_offloads_cpu_work.py")
    lines = output.splitlines()
    assert lines[0] == "the heartbeat asks to wake up every 0.010 s"
    assert len(lines) == 3
    assert lines[1].startswith("inline        7,837 primes below 80,000 in ")
    assert lines[2].startswith("process pool  7,837 primes below 80,000 in ")
    assert all("; longest heartbeat gap " in line for line in lines[1:])


def test_newer_pythons_check(start_method):
    result = main_result("processes_vs_threads/newer_pythons_check.py", limit=20_000)
    expected = {"serial": PRIMES_BELOW_20_000, "threads": PRIMES_BELOW_20_000}
    if hasattr(concurrent.futures, "InterpreterPoolExecutor"):
        expected["interpreters"] = PRIMES_BELOW_20_000
    assert result["results"] == expected
    assert result["free_threaded"] == bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    assert result["gil"] in (True, False)


def test_newer_pythons_check_script():
    output = script_output("processes_vs_threads/newer_pythons_check.py")
    lines = output.splitlines()
    assert lines[0].startswith("Python 3.")
    assert lines[2].startswith("serial: ") and lines[2].endswith("for 6,057 primes below 60,000")
    assert lines[3].startswith("2 threads: ")
