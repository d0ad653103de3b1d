"""A Barrier that cannot fill breaks: a timeout or abort() raises BrokenBarrierError in waiters."""

import multiprocessing
import threading


def wait_at(barrier, name: str, report) -> None:
    try:
        barrier.wait()
        report.put((name, "passed"))
    except threading.BrokenBarrierError:
        report.put((name, "BrokenBarrierError"))


def run_round(barrier, names: list[str], report, abort: bool) -> list[tuple[str, str]]:
    workers = [
        multiprocessing.Process(target=wait_at, args=(barrier, name, report)) for name in names
    ]
    for worker in workers:
        worker.start()
    if abort:
        barrier.abort()  # for example: the parent decided to give up on this phase
    results = sorted(report.get(timeout=10) for _ in workers)
    for worker in workers:
        worker.join()
    return results


def main() -> dict[str, list[tuple[str, str]]]:
    report = multiprocessing.Queue()

    # Three parties expected, two arrive: the default timeout breaks the barrier for both.
    short = multiprocessing.Barrier(3, timeout=0.3)
    timed_out = run_round(short, ["worker-1", "worker-2"], report, abort=False)
    print(f"Barrier(3, timeout=0.3), 2 arrive: broken = {short.broken}")
    for name, outcome in timed_out:
        print(f"  {name}: {outcome}")

    # abort() breaks it at once, whoever is waiting or arrives later.
    aborted = multiprocessing.Barrier(3)
    by_abort = run_round(aborted, ["worker-1", "worker-2"], report, abort=True)
    print(f"Barrier(3), abort() from the parent: broken = {aborted.broken}")
    for name, outcome in by_abort:
        print(f"  {name}: {outcome}")

    aborted.reset()  # back to a fresh, unbroken state (do it when nobody is waiting)
    print(f"after reset(): broken = {aborted.broken}")
    return {"timeout": timed_out, "abort": by_abort}


if __name__ == "__main__":
    main()
