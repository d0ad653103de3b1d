"""Measured: starting and joining N processes, and starting a Pool, under each start method."""

import multiprocessing
import statistics
import time


def do_nothing() -> None:
    pass


def square(x: int) -> int:
    return x * x


def start_and_join(context, n: int) -> float:
    started = time.perf_counter()
    children = [context.Process(target=do_nothing) for _ in range(n)]
    for child in children:
        child.start()
    for child in children:
        child.join()
    return time.perf_counter() - started


def pool_round_trip(context, n: int) -> tuple[float, list[int]]:
    """Start a Pool of n workers, run one tiny task per worker, close and join it."""
    started = time.perf_counter()
    pool = context.Pool(n)
    squares = pool.map(square, range(n), chunksize=1)
    pool.close()
    pool.join()
    return time.perf_counter() - started, squares


def main(n: int = 4, repeats: int = 3) -> dict[str, dict[str, object]]:
    results = {}
    for method in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context(method)
        first = start_and_join(context, n)  # warm-up, not counted: imports, the fork server
        processes = statistics.median(start_and_join(context, n) for _ in range(repeats))
        pool_runs = [pool_round_trip(context, n) for _ in range(repeats)]
        results[method] = {
            "first_run": first,
            "processes": processes,
            "pool": statistics.median(seconds for seconds, _ in pool_runs),
            "squares": pool_runs[0][1],
        }

    print(f"{n} processes, median of {repeats} runs after one warm-up run, in milliseconds")
    print(f"{'method':<11}{'first run':>10}{'start+join N':>14}{'per process':>13}{'Pool(N)':>10}")
    for method, r in results.items():
        print(
            f"{method:<11}{r['first_run'] * 1e3:>10.1f}{r['processes'] * 1e3:>14.1f}"
            f"{r['processes'] * 1e3 / n:>13.2f}{r['pool'] * 1e3:>10.1f}"
        )
    if "fork" in results and "spawn" in results:
        ratio = results["spawn"]["processes"] / results["fork"]["processes"]
        print(f"spawn takes {ratio:.1f}x as long as fork to start and join {n} processes")
    if "fork" in results and "forkserver" in results:
        ratio = results["forkserver"]["processes"] / results["fork"]["processes"]
        print(f"forkserver takes {ratio:.1f}x as long as fork (after its server has started)")
    ranking = sorted(results, key=lambda method: results[method]["processes"])
    print(f"cheapest to start and join {n} processes, first to last: {', '.join(ranking)}")
    return results


if __name__ == "__main__":
    main()
