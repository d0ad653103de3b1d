"""Show a tqdm progress bar over imap_unordered, and time the map against the serial loop."""

import multiprocessing
import time

from tqdm import tqdm


def count_primes_below(limit: int) -> int:
    """Deliberately slow (trial division): a task that takes tens of milliseconds."""
    return sum(all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit))


def main(n_tasks: int = 40, base: int = 12_000) -> list[int]:
    limits = [base + 250 * i for i in range(n_tasks)]

    started = time.perf_counter()
    serial = [count_primes_below(limit) for limit in tqdm(limits, desc="serial  ", ncols=80)]
    serial_s = time.perf_counter() - started

    started = time.perf_counter()
    with multiprocessing.Pool() as pool:
        results = pool.imap_unordered(count_primes_below, limits)  # chunksize 1: one tick per task
        parallel = list(tqdm(results, total=len(limits), desc="parallel", ncols=80))
    parallel_s = time.perf_counter() - started

    speedup = serial_s / parallel_s
    print(f"serial {serial_s:.2f} s, parallel {parallel_s:.2f} s: speedup {speedup:.2f}x")
    print(f"same results (compared sorted): {sorted(parallel) == sorted(serial)}")
    return sorted(parallel)


if __name__ == "__main__":
    main()
