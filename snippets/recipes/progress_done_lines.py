"""Report progress of a long imap_unordered map with plain "done k/n" lines, no extra package."""

import multiprocessing
import time


def count_primes_below(limit: int) -> int:
    """Deliberately slow (trial division): a task that takes tens of milliseconds."""
    return sum(all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit))


def main(n_tasks: int = 40, base: int = 12_000, reports: int = 4) -> list[int]:
    limits = [base + 250 * i for i in range(n_tasks)]

    started = time.perf_counter()
    serial = [count_primes_below(limit) for limit in limits]
    serial_s = time.perf_counter() - started

    started = time.perf_counter()
    every = max(1, n_tasks // reports)
    parallel = []
    with multiprocessing.Pool() as pool:
        for done, result in enumerate(pool.imap_unordered(count_primes_below, limits), start=1):
            parallel.append(result)
            if done % every == 0 or done == n_tasks:
                print(f"done {done}/{n_tasks} after {time.perf_counter() - started:.2f} s")
    parallel_s = time.perf_counter() - started

    speedup = serial_s / parallel_s
    print(f"serial {serial_s:.2f} s, parallel {parallel_s:.2f} s: speedup {speedup:.2f}x")
    print(f"same results (compared sorted): {sorted(parallel) == sorted(serial)}")
    return sorted(parallel)


if __name__ == "__main__":
    main()
