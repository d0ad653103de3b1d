"""A worker that releases once too often: Semaphore grows silently, BoundedSemaphore raises."""

import multiprocessing

LIMIT = 2


def buggy_worker(slots, report) -> None:
    slots.acquire()
    slots.release()
    try:
        slots.release()  # the bug: one release too many
        report.put("second release() accepted")
    except ValueError as error:
        report.put(f"second release() raised ValueError: {error}")


def free_slots(slots) -> int:
    """How many acquire() calls succeed now (then give them back)."""
    taken = 0
    while slots.acquire(block=False):
        taken += 1
    for _ in range(taken):
        slots.release()
    return taken


def main() -> dict[str, tuple[str, int]]:
    report = multiprocessing.Queue()
    outcome = {}
    for kind in ("Semaphore", "BoundedSemaphore"):
        slots = getattr(multiprocessing, kind)(LIMIT)
        child = multiprocessing.Process(target=buggy_worker, args=(slots, report))
        child.start()
        message = report.get(timeout=10)
        child.join()
        outcome[kind] = (message, free_slots(slots))
        print(f"{kind}({LIMIT}): {message}")
        print(f"  free slots afterwards: {outcome[kind][1]}")
    return outcome


if __name__ == "__main__":
    main()
