"""A loop of pool.apply() runs one task at a time: measured next to map() on the same work."""

import multiprocessing
import statistics
import time


def busy(n: int) -> tuple[float, float]:
    """CPU-bound work; returns when it started and ended (wall clock, shared by processes)."""
    started = time.time()
    sum(i * i for i in range(n))
    return started, time.time()


def most_at_once(intervals: list[tuple[float, float]]) -> int:
    """The largest number of tasks that were running at the same moment."""
    return max(sum(start <= begin < end for start, end in intervals) for begin, _ in intervals)


def timed(run, repeats: int) -> tuple[float, int]:
    seconds = []
    for _ in range(repeats):
        started = time.perf_counter()
        intervals = run()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds), most_at_once(intervals)


def main(tasks: int = 8, size: int = 400_000, repeats: int = 3) -> dict:
    work = [size] * tasks
    with multiprocessing.Pool(processes=2) as pool:
        pool.map(busy, [1000, 1000], chunksize=1)  # warm-up, not timed
        measured = {
            "serial, no pool": timed(lambda: [busy(n) for n in work], repeats),
            "loop of apply()": timed(lambda: [pool.apply(busy, (n,)) for n in work], repeats),
            "map()": timed(lambda: pool.map(busy, work, chunksize=1), repeats),
            "apply_async() + get()": timed(
                lambda: [r.get() for r in [pool.apply_async(busy, (n,)) for n in work]], repeats
            ),
        }
    print(f"{tasks} tasks of busy({size}), 2 workers, median of {repeats} runs")
    print(f"{'':<22} {'seconds':>8} {'tasks running at once (most)':>29}")
    for how, (seconds, at_once) in measured.items():
        print(f"{how:<22} {seconds:8.3f} {at_once:>29}")
    loop, mapped = measured["loop of apply()"][0], measured["map()"][0]
    print(f"loop of apply() took {loop / mapped:.1f}x as long as map()")
    return {how: at_once for how, (_, at_once) in measured.items()}


if __name__ == "__main__":
    main()
