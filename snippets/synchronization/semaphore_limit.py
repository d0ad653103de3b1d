"""A Semaphore lets at most N workers into a section; the peak inside is measured."""

import multiprocessing
import time

LIMIT = 2
WORKERS = 6


def use_scarce_resource(slots, counter_lock, inside, peak, start_line) -> None:
    start_line.wait(timeout=10)  # everyone starts contending at once
    with slots:
        with counter_lock:
            inside.value += 1
            peak.value = max(peak.value, inside.value)
        time.sleep(0.2)  # the work that only LIMIT workers may do at a time
        with counter_lock:
            inside.value -= 1


def main() -> int:
    slots = multiprocessing.Semaphore(LIMIT)
    counter_lock = multiprocessing.Lock()
    inside = multiprocessing.RawValue("i", 0)
    peak = multiprocessing.RawValue("i", 0)
    start_line = multiprocessing.Barrier(WORKERS + 1)  # the workers and this process
    args = (slots, counter_lock, inside, peak, start_line)
    workers = [
        multiprocessing.Process(target=use_scarce_resource, args=args) for _ in range(WORKERS)
    ]
    for worker in workers:
        worker.start()
    started = time.perf_counter()  # before the start line: no work can begin earlier
    start_line.wait(timeout=10)
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    print(f"{WORKERS} workers, Semaphore({LIMIT}): at most {peak.value} inside at once")
    rounds = -(-WORKERS // LIMIT)
    verdict = "at least" if elapsed >= rounds * 0.2 else "LESS than"
    print(f"{WORKERS} x 0.2 s of work took {elapsed:.2f} s ({verdict} {rounds} rounds of 0.2 s)")
    return peak.value


if __name__ == "__main__":
    main()
