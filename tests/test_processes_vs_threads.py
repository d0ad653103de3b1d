import concurrent.futures
import re
import sys
import sysconfig

import pytest
from helpers import main_result, script_output, script_record
from speed_verdicts import assert_agrees, seconds_in

PRIMES_BELOW_20_000 = 2262
PRIMES_BELOW_5_000 = 669
PRIMES_BELOW_120_000 = "11,301"


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
    lines = output.splitlines()
    assert lines[1] == "median of 5 rounds after a warm-up; pools started before timing"
    rows = lines[3:6]
    assert [row.split()[0] for row in rows] == ["serial", "threads", "processes"]
    assert all(row.endswith(f" {PRIMES_BELOW_120_000}") for row in rows)  # every way
    seconds = {row.split()[0]: seconds_in(row)[0] for row in rows}
    # Each verdict is the one the printed times give.
    verdicts = lines[6:]
    pairs = [("threads", "serial"), ("processes", "serial"), ("processes", "threads")]
    assert len(verdicts) == len(pairs)
    for verdict, (way, baseline) in zip(verdicts, pairs, strict=True):
        assert verdict.startswith(f"verdict: {way} were ") and f" {baseline} (" in verdict
        assert_agrees(verdict, seconds[baseline], seconds[way])
    figures = script_record("processes_vs_threads/cpu_bound_three_ways.py").figures
    assert list(figures) == ["cpu_bound_three_ways.svg"]


def test_io_bound_three_ways(start_method, in_tmp_folder):
    result = main_result(
        "processes_vs_threads/io_bound_three_ways.py", tasks=8, repeats=1, workers=2
    )
    assert result == {way: list(range(8)) for way in ("serial", "threads", "processes", "asyncio")}
    assert_plot(in_tmp_folder, "io_bound_three_ways.svg")


def test_io_bound_three_ways_script():
    output = script_output("processes_vs_threads/io_bound_three_ways.py")
    assert output.splitlines()[0] == "16 tasks that each wait 25 ms; pools of 8 workers;"
    lines = output.splitlines()
    rows = lines[3:7]
    assert [row.split()[0] for row in rows] == ["serial", "threads", "processes", "asyncio"]
    seconds = {row.split(" ", 1)[0]: seconds_in(row)[0] for row in rows}
    # Each verdict is the one the printed times give.
    for verdict, way in zip(lines[7:9], ["threads", "processes"], strict=True):
        assert verdict.startswith(f"verdict: {way} (8) were ") and verdict.endswith("x)")
        assert_agrees(verdict, seconds["serial"], seconds[way])
    fastest = min(seconds, key=seconds.get)
    assert lines[9].startswith(f"verdict: fastest: {fastest} ")
    assert len(lines) == 10
    figures = script_record("processes_vs_threads/io_bound_three_ways.py").figures
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
    assert lines[1] == "(threads started 5 times, the median kept; memory from the first time)"
    assert lines[2].split() == ["per", "worker", "threads", "processes", "ratio"]
    assert [line.split("(")[0].strip() for line in lines[3:6]] == [
        "start-up",
        "resident set",
        "private",
    ]
    # The verdicts agree with the table: start-up, then the same private memory.
    thread_ms, process_ms = (float(x) for x in lines[3].split()[2:4])
    started = re.fullmatch(
        r"verdict: starting a process took (longer|no longer) than starting a thread"
        r" \((\d+\.\d)x\)",
        lines[6],
    )
    assert started
    if started[1] == "longer":
        assert process_ms > thread_ms
    if process_ms > 1.3 * thread_ms:
        assert started[1] == "longer"
    thread_kib, process_kib = (float(x) for x in lines[5].split()[2:4])
    memory = re.fullmatch(
        r"verdict: per worker, a thread added (-?\d+) KiB of private memory,"
        r" a process (\d+\.\d) MiB",
        lines[7],
    )
    assert memory and abs(int(memory[1]) - thread_kib) <= 1
    assert abs(float(memory[2]) * 1024 - process_kib) <= 0.05 * 1024 + 1
    assert re.fullmatch(
        r"verdict: \d+% of a process's resident set was its own; it shared the rest", lines[8]
    )
    assert len(lines) == 9


def test_asyncio_offloads_cpu_work(start_method):
    result = main_result("processes_vs_threads/asyncio_offloads_cpu_work.py", limit=5_000)
    assert result == {"inline": PRIMES_BELOW_5_000, "process pool": PRIMES_BELOW_5_000}


def test_asyncio_offloads_cpu_work_script():
    output = script_output("processes_vs_threads/asyncio_offloads_cpu_work.py")
    lines = output.splitlines()
    assert lines[0] == "the heartbeat asks to wake up every 0.010 s"
    assert len(lines) == 5
    assert lines[1].startswith("inline        7,837 primes below 80,000 in ")
    assert lines[2].startswith("process pool  7,837 primes below 80,000 in ")
    assert all("; longest heartbeat gap " in line for line in lines[1:3])
    # Each verdict is the one its line's printed times give.
    for line, verdict, name in zip(lines[1:3], lines[3:5], ["inline", "process pool"], strict=True):
        job_s, gap_s = seconds_in(line)
        assert verdict.startswith(f"verdict: {name}, the longest gap was ")
        if verdict.endswith(": the loop froze while the job ran"):
            assert gap_s >= 0.85 * job_s
        elif verdict.endswith(": the loop kept running"):
            assert gap_s <= 0.3 * job_s
        else:
            assert verdict.endswith(": the loop was held up for part of the job")
            assert 0.2 * job_s <= gap_s <= 0.95 * job_s


# What this interpreter is, read here other ways than the snippet reads it: a free-threaded
# build has "t" in its ABI flags (POSIX); before 3.13 there is no switch and the GIL is on.
FREE_THREADED_BUILD = (
    "t" in sys.abiflags
    if hasattr(sys, "abiflags")
    else bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
)
GIL_ENABLED = sys._is_gil_enabled() if hasattr(sys, "_is_gil_enabled") else True


def test_newer_pythons_check(capsys):
    result = main_result("processes_vs_threads/newer_pythons_check.py", limit=20_000)
    expected = {"serial": PRIMES_BELOW_20_000, "threads": PRIMES_BELOW_20_000}
    if hasattr(concurrent.futures, "InterpreterPoolExecutor"):
        expected["interpreters"] = PRIMES_BELOW_20_000
    assert result["results"] == expected
    assert result["free_threaded"] is FREE_THREADED_BUILD
    assert result["gil"] is GIL_ENABLED
    verdict = capsys.readouterr().out.splitlines()[-1]
    assert verdict.startswith("GIL on: " if GIL_ENABLED else "no GIL: ")


def test_newer_pythons_check_script():
    output = script_output("processes_vs_threads/newer_pythons_check.py")
    lines = output.splitlines()
    assert lines[0].startswith("Python 3.")
    assert lines[2].startswith("serial: ") and lines[2].endswith("for 6,057 primes below 60,000")
    assert lines[3].startswith("2 threads: ")
    verdict = lines[4]
    assert verdict.startswith("verdict: 2 threads were ") and verdict.endswith("x)")
    assert_agrees(verdict, seconds_in(lines[2])[0], seconds_in(lines[3])[0])


@pytest.mark.parametrize(
    ("name", "arguments"),
    [
        ("processes_vs_threads/cpu_bound_three_ways.py", {"limit": 2_000, "repeats": 1}),
        ("processes_vs_threads/io_bound_three_ways.py", {"tasks": 4, "repeats": 1, "workers": 2}),
    ],
)
def test_without_matplotlib(name, arguments, in_tmp_folder, monkeypatch, capsys):
    """Without matplotlib, the numbers and verdicts print, then how to get the picture."""
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib... fails
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    main_result(name, **arguments)
    lines = capsys.readouterr().out.splitlines()
    assert lines[-2].startswith("verdict: ")
    assert lines[-1] == "matplotlib is not installed: no plot (pip install matplotlib to draw it)"
    assert list(in_tmp_folder.iterdir()) == []
