"""Amdahl's law measured: a job with a serial part, against the formula's predicted speedup."""

import contextlib
import os
import random
import statistics
import time
from concurrent.futures import ProcessPoolExecutor

SLICES = 40  # the job: 40 equal slices of prime counting
SERIAL_SLICES = (4, 28)  # how many must run one after another: about 10% and 70%


def count_primes(start: int, stop: int, step: int) -> int:
    """Pure-Python CPU work on range(start, stop, step). The slices differ in cost: with an
    even step, a slice of even start holds only even numbers and is done at once. That is
    why the serial part's share of the time is measured, not counted in slices."""
    return sum(
        1
        for n in range(start, stop, step)
        if n > 1 and all(n % d for d in range(2, int(n**0.5) + 1))
    )


def run_job(limit: int, serial_slices: int, pool: ProcessPoolExecutor | None) -> tuple[int, float]:
    """The serial part always runs in this process, one slice after another (it stands for
    reading input, a step that needs the previous one, or merging results); the rest runs
    in the pool if there is one. Returns the prime count and the serial part's seconds."""
    started = time.perf_counter()
    total = sum(count_primes(k, limit, SLICES) for k in range(serial_slices))
    serial_seconds = time.perf_counter() - started
    rest = range(serial_slices, SLICES)
    if pool is None:
        total += sum(count_primes(k, limit, SLICES) for k in rest)
    else:
        total += sum(pool.map(count_primes, rest, [limit] * len(rest), [SLICES] * len(rest)))
    return total, serial_seconds


def amdahl(serial_fraction: float, workers: int) -> float:
    return 1 / (serial_fraction + (1 - serial_fraction) / workers)


def main(limit: int = 150_000, repeats: int = 7) -> dict[str, object]:
    cpus = usable_cpus()
    # From 2 workers: a pool of one only moves the work to another CPU, and on a virtual
    # machine one CPU can run faster than another, which would read as a speedup.
    workers = list(range(min(2, cpus), cpus + 1))
    print(f"primes below {limit:,} in {SLICES} slices; median of {repeats} rounds after a warm-up")
    print(
        f"{'serial part':>11}{'workers':>8}{'seconds':>9}{'measured':>10}{'Amdahl':>8}{'limit':>7}"
    )
    medians, results = measure(limit, workers, repeats)
    measured = {}
    for wall, serial_part, pool_seconds in medians.values():
        fraction = serial_part / wall  # measured, not assumed from the slice count
        measured[fraction] = {n: wall / seconds for n, seconds in pool_seconds.items()}
        print(f"{fraction:>11.1%}{'serial':>8}{wall:>9.3f}")
        for n, seconds in pool_seconds.items():
            print(
                f"{'':>11}{n:>8}{seconds:>9.3f}{wall / seconds:>9.2f}x"
                f"{amdahl(fraction, n):>7.2f}x{1 / fraction:>6.1f}x"
            )
    verdicts(measured, cpus)
    plot(measured, cpus)
    return {"workers": workers, "results": results}


# The rest of this file times the runs, words the verdicts, draws the plot and counts the usable
# CPUs: plumbing, not the lesson.


def usable_cpus() -> int:
    if hasattr(os, "process_cpu_count"):  # 3.13+
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):  # Linux
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def timed(limit: int, serial_slices: int, pool) -> tuple[float, float, int]:
    started = time.perf_counter()
    result, serial_part = run_job(limit, serial_slices, pool)
    return time.perf_counter() - started, serial_part, result


def measure(limit: int, workers: list[int], repeats: int) -> tuple[dict, dict]:
    """For each serial part: median seconds of the serial run, of its serial part, and of the
    run on each pool size; and what every run returned.

    After uncounted warm-ups, every run (each serial part, serially and on each pool) takes
    its turn in each round, in a new random order each time, so that a change in the
    machine's background load, even one that comes back at a steady pace, affects all of
    them alike. Run serially, the job is the same whatever its serial part (all its
    slices, one after another, in this process): both serial parts' serial runs are timings
    of that one job, and their median is the baseline of both."""
    with contextlib.ExitStack() as stack:
        pools = {n: stack.enter_context(ProcessPoolExecutor(max_workers=n)) for n in workers}
        pools["serial"] = None
        runs = [(serial_slices, n) for serial_slices in SERIAL_SLICES for n in ["serial", *workers]]
        for serial_slices, n in runs:
            run_job(limit, serial_slices, pools[n])
        walls = {run: [] for run in runs}
        serial_parts = {serial_slices: [] for serial_slices in SERIAL_SLICES}
        results = {serial_slices: {} for serial_slices in SERIAL_SLICES}
        for _ in range(repeats):
            random.shuffle(runs)
            for serial_slices, n in runs:
                wall, serial_part, results[serial_slices][n] = timed(limit, serial_slices, pools[n])
                walls[serial_slices, n].append(wall)
                if n == "serial":
                    serial_parts[serial_slices].append(serial_part)
    serial_run = statistics.median(
        wall for serial_slices in SERIAL_SLICES for wall in walls[serial_slices, "serial"]
    )
    medians = {
        serial_slices: (
            serial_run,
            statistics.median(serial_parts[serial_slices]),
            {n: statistics.median(walls[serial_slices, n]) for n in workers},
        )
        for serial_slices in SERIAL_SLICES
    }
    return medians, results


def verdicts(measured: dict[float, dict[int, float]], cpus: int) -> None:
    """What this run's numbers say."""
    for fraction, points in sorted(measured.items()):
        print(
            f"with {cpus} workers and a {fraction:.1%} serial part:"
            f" {points[cpus]:.2f}x, {compared(points[cpus])} serial"
        )
    # An order, read off the speedups as printed: the two serial parts ran in the same rounds.
    (_, few), (_, many) = sorted(measured.items())
    if round(few[cpus], 2) > round(many[cpus], 2):
        print("the larger serial part gave the smaller speedup")
    else:
        print("the larger serial part did not give the smaller speedup")
    # 20% of slack: on a machine that also runs other programs, their load alone can make that.
    beaten = [
        (fraction, n)
        for fraction, points in measured.items()
        for n, speedup in points.items()
        if speedup > 1.2 * amdahl(fraction, n)
    ]
    if beaten:
        print(f"{len(beaten)} measured speedups beat Amdahl's prediction by more than 20%")
    else:
        print("no measured speedup beat Amdahl's prediction by more than 20%: it is a ceiling")


def compared(speedup: float) -> str:
    """How one time compares with another, given their ratio (as printed, to two decimals).
    Within 20% either way is called no difference: on a machine that also runs other
    programs, their load alone can make that much."""
    speedup = round(speedup, 2)
    if speedup >= 1.2:
        return "faster than"
    if speedup <= round(1 / 1.2, 2):
        return "slower than"
    return "about as fast as"


def plot(measured: dict[float, dict[int, float]], cpus: int) -> None:
    # Imported here, not at the top: spawn and forkserver workers re-import this module,
    # and none of them needs matplotlib.
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError:
        print("matplotlib is not installed: no plot (pip install matplotlib to draw it)")
        return

    fig = Figure(figsize=(6.4, 3.8), layout="constrained")
    axes = fig.subplots()
    horizon = list(range(1, max(16, cpus) + 1))
    for (fraction, points), color in zip(measured.items(), ("#3f51b5", "#e65100"), strict=True):
        axes.plot(
            horizon,
            [amdahl(fraction, n) for n in horizon],
            "-",
            color=color,
            label=f"Amdahl, serial part {fraction:.0%}",
        )
        axes.axhline(1 / fraction, linestyle=":", color=color, linewidth=0.8)
        axes.plot(
            list(points),
            list(points.values()),
            "o",
            color=color,
            markersize=8,
            label=f"measured, serial part {fraction:.0%}",
        )
    axes.plot(horizon, horizon, "--", color="grey", linewidth=0.8, label="ideal (no serial part)")
    axes.set_ylim(0, max(1 / fraction for fraction in measured) * 1.15)
    axes.axvline(cpus, color="grey", linewidth=0.8)
    axes.set_xlabel("worker processes")
    axes.set_ylabel("speedup over serial (×)")
    axes.grid(alpha=0.3)
    axes.legend(fontsize="small")
    axes.set_title(f"Amdahl's law: measured on {cpus} CPUs, predicted beyond")
    title = (
        "Line chart of speedup against worker processes: Amdahl's predicted curves for two"
        " measured serial fractions, each levelling off at one over the fraction (dotted),"
        f" with the speedups measured on this {cpus}-CPU machine as dots."
    )
    with matplotlib.rc_context({"svg.fonttype": "none"}):  # text as text: a smaller file
        fig.savefig("amdahl_law.svg", facecolor="white", metadata={"Title": title, "Date": None})


if __name__ == "__main__":
    main()
