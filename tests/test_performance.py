import os
import re
import sys

import pytest
import timelines
from helpers import main_result, script_output, script_record
from speed_verdicts import assert_agrees, seconds_in

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
    cost = {line.rsplit(None, 1)[0]: float(line.split()[-1]) for line in lines[2:7]}
    # The order printed is the order of the costs printed (ties aside).
    names = {
        "a direct call": "direct call",
        "a thread pool": "ThreadPoolExecutor.submit",
        "a process pool": "ProcessPoolExecutor.submit",
    }
    assert lines[7].startswith("per task, cheapest first: ")
    order = [
        names[name] for name in lines[7].removeprefix("per task, cheapest first: ").split(" < ")
    ]
    assert sorted(order) == sorted(names.values())
    assert all(cost[a] <= cost[b] for a, b in zip(order[:-1], order[1:], strict=True))
    chunks = lines[8]
    assert chunks.startswith("Pool.map with its default chunks: ")
    assert chunks.endswith(" per task than with chunksize=1")
    default, one = cost["Pool.map, default chunks"], cost["Pool.map, chunksize=1"]
    if re.search(r": \d+x cheaper per task", chunks):
        assert default < one
    else:
        assert "not cheaper" in chunks and default > one / 2
    assert lines[9].startswith("one task per message costs ")


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
    assert lines[0] == f"count the primes below 60,000 in 48 equal tasks; {cpus} usable CPUs"
    assert lines[3].split() == ["workers", "serial", "s", "pool", "s", "speedup", "efficiency"]
    workers = [1, 2, 4, 8, 16, 32, 64, 128]
    expected_workers = [n for n in workers if n < cpus] + [cpus, 2 * cpus]
    rows = {int(line.split()[0]): line.split() for line in lines[4 : 4 + len(expected_workers)]}
    assert list(rows) == expected_workers
    verdicts = lines[4 + len(expected_workers) :]
    assert len(verdicts) == (3 if cpus > 1 else 2)
    # Each verdict is the one its row's printed times give.
    if cpus > 1:
        assert verdicts[0].startswith(f"with 1 worker: {rows[1][3]}, ")
        assert verdicts[0].endswith(" serial")
        assert_agrees(verdicts[0], float(rows[1][1]), float(rows[1][2]))
    at_cpus = verdicts[-2]
    assert at_cpus.startswith(f"with {cpus} workers on {cpus} CPUs: {rows[cpus][3]}, ")
    assert at_cpus.endswith(f" serial; efficiency {rows[cpus][4]}")
    assert_agrees(at_cpus, float(rows[cpus][1]), float(rows[cpus][2]))
    efficiency = {n: int(rows[n][4].rstrip("%")) for n in (cpus, 2 * cpus)}
    oversubscribed = verdicts[-1]
    assert oversubscribed.startswith(
        f"with {2 * cpus} workers on {cpus} CPUs: efficiency {efficiency[2 * cpus]}%, "
    )
    if "not lower than" in oversubscribed:
        assert efficiency[2 * cpus] >= efficiency[cpus]
    else:
        assert f"lower than with {cpus}: the extra workers take turns" in oversubscribed
        assert efficiency[2 * cpus] <= efficiency[cpus]
    assert "speedup_vs_workers.svg" in script_record("performance/speedup_vs_workers.py").figures


def test_chunksize_sweep(start_method, in_tmp_folder):
    result = main_result("performance/chunksize_sweep.py", tasks=512, repeats=1)
    assert list(result["results"]) == [1, 4, 16, 64, 256, 512, 1024]
    assert set(result["results"].values()) == {result["serial"]}
    assert svg_title(in_tmp_folder, "chunksize_sweep.svg").startswith("Line chart of Pool.map")


def test_chunksize_sweep_script():
    lines = script_output("performance/chunksize_sweep.py").splitlines()
    assert lines[0] == "8,192 tasks; Pool of 2 workers; median of 3 rounds after a warm-up"
    assert lines[1].startswith("serial loop: ") and lines[1].endswith(" µs per task")
    serial = lines[3].split()
    assert serial[0] == "serial"
    rows = [line.split() for line in lines[4:12]]
    chunksizes = [row[0] for row in rows]
    assert chunksizes == ["1", "4", "16", "64", "256", "1,024", "4,096", "8,192"]
    seconds = {row[0]: float(row[1]) for row in rows}
    assert lines[12].startswith("default chunksize here: 1,024; fastest measured: ")
    fastest = lines[12].rsplit(maxsplit=1)[-1]
    assert seconds[fastest] == min(seconds.values())
    assert lines[13].startswith("chunksize 1 took ")
    # Each verdict is the one the printed times give, against the serial loop's.
    named = {"chunksize 1": "1", f"the fastest, chunksize {fastest}": fastest}
    assert [line.split(":")[0] for line in lines[14:16]] == list(named)
    for line, chunksize in zip(lines[14:16], named.values(), strict=True):
        assert line.endswith(" the serial loop")
        assert_agrees(line, float(serial[1]), seconds[chunksize])
    # ... and the single chunk's, against the fastest chunksize's.
    one_chunk = lines[16]
    assert one_chunk.startswith("one chunk for everything: ")
    assert f" the speed of chunksize {fastest}, " in one_chunk
    assert one_chunk.endswith(" it: one worker did every task")
    assert_agrees(one_chunk, seconds[fastest], seconds["8,192"])
    assert len(lines) == 17
    assert "chunksize_sweep.svg" in script_record("performance/chunksize_sweep.py").figures


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
    assert [line.split()[0] for line in lines[2:12]] == ["bytes"] * 5 + ["list"] * 5
    assert [line.split()[-4] for line in lines[2:7]] == [
        "1,018",
        "10,018",
        "100,009",
        "1,000,009",
        "4,000,009",
    ]
    rows = {"bytes": lines[2:7], "list": lines[7:12]}
    # (pickled bytes, pickle ms, to-worker ms) of each row, as printed
    sizes = {
        kind: [
            (int(row.split()[-4].replace(",", "")), *map(float, row.split()[-3:-1])) for row in mine
        ]
        for kind, mine in rows.items()
    }
    smallest, largest, per_byte = lines[12:15]
    assert len(lines) == 15
    # The verdicts are the ones the printed figures give.
    assert smallest.startswith("smallest: sending took ")
    if smallest.endswith(": the round trip, not pickling, is the cost"):
        assert all(mine[0][2] > mine[0][1] for mine in sizes.values())
    else:
        assert smallest.endswith(": pickling is much of the cost")
    assert largest.startswith("largest: 4.0x the size took ")
    size_ratio = sizes["bytes"][-1][0] / sizes["bytes"][-2][0]
    grew = [mine[-1][2] / mine[-2][2] for mine in sizes.values()]
    if largest.endswith(": the time grows with the size"):
        assert min(grew) >= 0.45 * size_ratio
    else:
        assert largest.endswith(": the time grows much less than the size")
        assert min(grew) < 0.55 * size_ratio
    assert per_byte.startswith("per byte sent at the largest size: a list of floats cost ")
    bytes_cost, list_cost = (mine[-1][2] / mine[-1][0] for mine in sizes.values())
    if " more than bytes " in per_byte:
        assert list_cost > bytes_cost
    elif " less than bytes " in per_byte:
        assert list_cost < bytes_cost
    else:
        assert " about as much as bytes " in per_byte
        assert bytes_cost / 1.3 < list_cost < bytes_cost * 1.3
    assert "pickling_cost.svg" in script_record("performance/pickling_cost.py").figures


def test_amdahl_law(start_method, in_tmp_folder):
    result = main_result("performance/amdahl_law.py", limit=3_000, repeats=1)
    workers = list(range(min(2, usable_cpus()), usable_cpus() + 1))
    assert result["workers"] == workers
    every_run = {"serial": PRIMES_BELOW_3_000, **{n: PRIMES_BELOW_3_000 for n in workers}}
    assert result["results"] == {4: every_run, 28: every_run}
    assert svg_title(in_tmp_folder, "amdahl_law.svg").startswith("Line chart of speedup")


def test_amdahl_law_script():
    lines = script_output("performance/amdahl_law.py").splitlines()
    cpus = usable_cpus()
    pools = len(range(min(2, cpus), cpus + 1))  # pool sizes from 2 workers to the CPU count
    assert lines[1].split() == [
        "serial",
        "part",
        "workers",
        "seconds",
        "measured",
        "Amdahl",
        "limit",
    ]
    assert len(lines) == 2 + 2 * (1 + pools) + 4
    serial_rows = [lines[2].split(), lines[3 + pools].split()]
    assert [row[1] for row in serial_rows] == ["serial", "serial"]
    # one serial job whatever its serial part: both rows show the median of all its runs
    assert serial_rows[0][2] == serial_rows[1][2]
    blocks = [lines[2 : 3 + pools], lines[3 + pools : 4 + 2 * pools]]
    # (measured, Amdahl) of each pool row, as printed; the last row is the CPU count's
    assert all(block[-1].split()[0] == str(cpus) for block in blocks)
    speedups = [
        [tuple(float(x.rstrip("x")) for x in row.split()[-3:-1]) for row in block[1:]]
        for block in blocks
    ]
    *at_cpus, order, ceiling = lines[-4:]
    # Each verdict is the one the printed figures give.
    for verdict, block, pairs in zip(at_cpus, blocks, speedups, strict=True):
        fraction, measured = block[0].split()[0], block[-1].split()[2]
        assert verdict.startswith(f"with {cpus} workers and a {fraction} serial part: {measured}, ")
        assert verdict.endswith(" serial")
        assert_agrees(verdict, 1.0, 1 / pairs[-1][0])  # a speedup against serial's 1.0x
    # The order verdict is the order of the two speedups printed.
    larger_gave_smaller = speedups[0][-1][0] > speedups[1][-1][0]
    assert order == (
        "the larger serial part gave the smaller speedup"
        if larger_gave_smaller
        else "the larger serial part did not give the smaller speedup"
    )
    every = [pair for block in speedups for pair in block]
    if ceiling == "no measured speedup beat Amdahl's prediction by more than 20%: it is a ceiling":
        assert all(measured <= 1.25 * amdahl for measured, amdahl in every)
    else:
        assert re.fullmatch(
            r"\d+ measured speedups beat Amdahl's prediction by more than 20%", ceiling
        )
        assert any(measured > 1.15 * amdahl for measured, amdahl in every)
    assert "amdahl_law.svg" in script_record("performance/amdahl_law.py").figures


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
    assert [line[:30].strip() for line in lines[3:8]] == [
        "coarse, equal tasks",
        "unequal tasks, one at a time",
        "unequal tasks, fixed chunks",
        "big data, little work",
        "tiny tasks",
    ]
    # Each row's verdict is the one its printed times give.
    pool_seconds = {}
    for line in lines[3:8]:
        serial_s, pool_s = (float(x) for x in line[30:].split()[:2])
        pool_seconds[line[:30].strip()] = pool_s
        assert line.endswith(" serial")
        assert_agrees(line[30:], serial_s, pool_s)
    assert len(lines) == 9 and lines[8].startswith("unequal tasks one at a time: ")
    assert lines[8].endswith(" in fixed chunks")
    assert_agrees(
        lines[8],
        pool_seconds["unequal tasks, fixed chunks"],
        pool_seconds["unequal tasks, one at a time"],
    )


BLAS_UNSET, BLAS_ONE = "unset (the default)", "set to 1"


def test_blas_threads_in_workers(start_method):
    # Imported here first, as a program that uses NumPy itself would: fork copies it.
    import numpy  # noqa: F401

    result = main_result("performance/blas_threads_in_workers.py", size=128, repeats=2, rounds=1)
    products = [128**3]  # every entry of the product of the all-ones matrix is 128
    if start_method == "fork":
        # Each worker is a copy of this process, OpenBLAS already loaded with this process's
        # setting: the variables came too late, and both pools ran the same number of threads.
        assert result[BLAS_UNSET] == result[BLAS_ONE]
        assert result[BLAS_ONE]["too late"] is True
        assert result[BLAS_ONE]["products"] == products
        assert len(result[BLAS_ONE]["threads"]) == 1
    else:
        # A fresh interpreter (spawn), or a fork of the fresh fork server: numpy is imported
        # in the worker after the initializer set the variables.
        assert result == {
            BLAS_UNSET: {"threads": [usable_cpus()], "products": products, "too late": False},
            BLAS_ONE: {"threads": [1], "products": products, "too late": False},
        }


def test_blas_threads_in_workers_script():
    lines = script_output("performance/blas_threads_in_workers.py").splitlines()
    cpus = usable_cpus()
    assert lines[:4] == [
        f"{cpus} worker processes on {cpus} usable CPUs; {8 * cpus} tasks, each multiplying",
        "a 300×300 matrix by itself 4 times with numpy",
        "BLAS thread variables: OMP_NUM_THREADS, OPENBLAS_NUM_THREADS, MKL_NUM_THREADS",
        "median of 3 rounds, the settings taking turns, each on a fresh pool warmed up",
    ]
    default, one, verdict = lines[4:]
    # OpenBLAS's default: one thread per CPU in each worker, the worker's own included.
    per_worker = f"{cpus} thread" + ("s" if cpus > 1 else "")
    assert default.startswith(
        f"{BLAS_UNSET}: {per_worker} in each worker × {cpus} workers"
        f" = {cpus * cpus} threads on {cpus} CPUs; "
    )
    assert one.startswith(
        f"{BLAS_ONE}: 1 thread in each worker × {cpus} workers = {cpus} threads on {cpus} CPUs; "
    )
    # The verdict is the one the two printed medians give.
    (default_s,), (one_s,) = seconds_in(default), seconds_in(one)
    assert verdict.startswith("1 BLAS thread per worker: ")
    assert verdict.endswith(" the default")
    assert_agrees(verdict, default_s, one_s)


@pytest.mark.parametrize(
    ("name", "arguments"),
    [
        ("performance/speedup_vs_workers.py", {"limit": 2_000, "repeats": 1}),
        ("performance/chunksize_sweep.py", {"tasks": 64, "repeats": 1}),
        ("performance/pickling_cost.py", {"sizes": [1_000], "repeats": 1}),
        ("performance/amdahl_law.py", {"limit": 2_000, "repeats": 1}),
    ],
)
def test_without_matplotlib(name, arguments, in_tmp_folder, monkeypatch, capsys):
    """Without matplotlib, the numbers and verdicts print, then how to get the picture."""
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # import matplotlib... fails
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    main_result(name, **arguments)
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "matplotlib is not installed: no plot (pip install matplotlib to draw it)"
    assert list(in_tmp_folder.iterdir()) == []


def test_timeline_amdahl(start_method):
    assert main_result("performance/timeline_amdahl.py") == {"busy_meanwhile": 0, "workers": 2}


def test_timeline_amdahl_script():
    record = script_record("performance/timeline_amdahl.py")
    lines = record.output.splitlines()
    assert lines[1] == "workers busy during the serial part: 0"
    share = int(
        re.fullmatch(r"serial share of the run: (\d+)%; Amdahl's limit for it: [\d.]+x", lines[3])[
            1
        ]
    )
    assert 30 <= share <= 70  # four of twelve slices alone, eight shared by two workers
    slices = timelines.spans(record.figures["timeline_amdahl.svg"], "busy")
    assert sorted(int(bar.label) for bar in slices) == list(range(12))  # every slice once
    assert timelines.overlaps_within_a_process(slices) == []
    serial = [bar for bar in slices if bar.process == "main process"]
    assert sorted(bar.label for bar in serial) == ["0", "1", "2", "3"]
    # The serial part ran alone: no worker's bar starts before the last serial slice ends.
    assert min(bar.start for bar in slices if bar not in serial) >= max(bar.end for bar in serial)


PATTERN_TIMELINES = [
    "timeline_1_coarse_equal_tasks.svg",
    "timeline_2_unequal_tasks_fixed_chunks.svg",
    "timeline_3_unequal_tasks_one_at_a_time.svg",
]


def test_timeline_scaling_patterns(start_method):
    alone = main_result("performance/timeline_scaling_patterns.py")
    assert max(alone, key=alone.get) == "unequal tasks, fixed chunks"


def test_timeline_scaling_patterns_script():
    record = script_record("performance/timeline_scaling_patterns.py")
    lines = record.output.splitlines()
    assert lines[-1] == "the longest time one worker ran alone: unequal tasks, fixed chunks"
    assert list(record.figures) == PATTERN_TIMELINES
    for svg in record.figures.values():
        tasks = timelines.spans(svg, "busy")
        assert sorted(int(bar.label) for bar in tasks) == list(range(12))  # every task once
        assert timelines.overlaps_within_a_process(tasks) == []
        assert timelines.most_at_once(tasks) == 2
    chunked = timelines.spans(record.figures[PATTERN_TIMELINES[1]], "busy")
    # One chunk per worker: each worker ran one contiguous half of the tasks.
    halves = {bar.process: set() for bar in chunked}
    for bar in chunked:
        halves[bar.process].add(int(bar.label))
    assert sorted(map(sorted, halves.values())) == [list(range(6)), list(range(6, 12))]
