"""A Barrier: nobody passes until `parties` processes have called wait(); each gets an index."""

import multiprocessing
import os


def all_arrived() -> None:
    # The action runs once per round, in one of the waiting processes, before any is released.
    print(f"action: all parties arrived (run in pid {os.getpid()})")


def phase_worker(name: str, barrier, report) -> None:
    index = barrier.wait(timeout=10)  # 0 .. parties-1, a different one for each process
    report.put((name, index))


def main() -> list[int]:
    barrier = multiprocessing.Barrier(3, action=all_arrived)
    report = multiprocessing.Queue()
    print(f"parent pid {os.getpid()}: parties = {barrier.parties}, broken = {barrier.broken}")
    names = [f"worker-{number}" for number in range(1, barrier.parties + 1)]
    workers = [
        multiprocessing.Process(target=phase_worker, args=(name, barrier, report)) for name in names
    ]
    for worker in workers:
        worker.start()
    returned = sorted(report.get(timeout=10) for _ in workers)
    for worker in workers:
        worker.join()
    for name, index in returned:
        print(f"{name}: wait() returned {index}")
    indices = sorted(index for _, index in returned)
    print(f"indices: {indices}")
    return indices


if __name__ == "__main__":
    main()
