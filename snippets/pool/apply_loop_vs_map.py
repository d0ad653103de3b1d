"""A loop of pool.apply() runs one task at a time: measured next to map() on the same work."""

import multiprocessing
import statistics
import time


def busy(n: int) -> tuple[float, float]:
    """CPU-bound work; returns when it started and ended (wall clock, shared by processes)."""
    started = time.time()
    sum(i * i for i in range(n))
    return started, time.time()


def most_at_once(spans: list[tuple]) -> int:
    """The largest number of spans in progress at the same moment."""
    return max(sum(start <= begin < end for *_, start, end in spans) for *_, begin, _ in spans)


def interleaved_medians(jobs: dict, repeats: int) -> tuple[dict, dict]:
    """Median wall time and result of each job. Every job runs once to warm up (not
    counted), then the jobs take turns for `repeats` rounds, so that a change in the
    machine's background load affects all of them alike."""
    results = {name: job() for name, job in jobs.items()}
    times = {name: [] for name in jobs}
    for _ in range(repeats):
        for name, job in jobs.items():
            started = time.perf_counter()
            results[name] = job()
            times[name].append(time.perf_counter() - started)
    return {name: statistics.median(samples) for name, samples in times.items()}, results


def main(tasks: int = 8, size: int = 400_000, repeats: int = 3) -> dict:
    work = [size] * tasks
    with multiprocessing.Pool(processes=2) as pool:
        seconds, intervals = interleaved_medians(
            {
                "serial, no pool": lambda: [busy(n) for n in work],
                "loop of apply()": lambda: [pool.apply(busy, (n,)) for n in work],
                "map()": lambda: pool.map(busy, work, chunksize=1),
                "apply_async() + get()": lambda: [
                    r.get() for r in [pool.apply_async(busy, (n,)) for n in work]
                ],
            },
            repeats,
        )
    at_once = {how: most_at_once(tasks_run) for how, tasks_run in intervals.items()}
    print(f"{tasks} tasks of busy({size}), 2 workers, median of {repeats} alternated runs")
    print(f"{'':<22} {'seconds':>8} {'tasks running at once (most)':>29}")
    for how in seconds:
        print(f"{how:<22} {seconds[how]:8.3f} {at_once[how]:>29}")
    loop, mapped = seconds["loop of apply()"], seconds["map()"]
    verdict = "map() was faster" if mapped < loop else "map() was not faster"
    print(f"loop of apply() took {loop / mapped:.1f}x as long as map(): {verdict}")
    return at_once


if __name__ == "__main__":
    main()
