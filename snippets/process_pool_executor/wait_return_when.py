"""wait(): return at the first completion, the first exception, or when all are done."""

import multiprocessing
from concurrent.futures import (
    ALL_COMPLETED,
    FIRST_COMPLETED,
    FIRST_EXCEPTION,
    ProcessPoolExecutor,
    wait,
)

released = {}  # in each worker: task name -> the Event that lets that task finish


def share_events(events: dict) -> None:
    released.update(events)


def finish_when_released(name: str, fail: bool = False) -> str:
    released[name].wait(timeout=30)  # runs until the main process lets it finish
    if fail:
        raise RuntimeError(f"{name} failed")
    return name


def main() -> list[tuple[str, list[str], list[str]]]:
    events = {name: multiprocessing.Event() for name in ("fast", "failing", "slow")}
    outcome = []
    with ProcessPoolExecutor(
        max_workers=3, initializer=share_events, initargs=(events,)
    ) as executor:
        futures = {
            executor.submit(finish_when_released, "fast"): "fast",
            executor.submit(finish_when_released, "failing", True): "failing",
            executor.submit(finish_when_released, "slow"): "slow",
        }
        # The same three futures, waited on three ways, one after the other. Before each
        # wait, one more task is let finish: each wait() finds the same on every run.
        for return_when, finishing in (
            (FIRST_COMPLETED, "fast"),
            (FIRST_EXCEPTION, "failing"),
            (ALL_COMPLETED, "slow"),
        ):
            events[finishing].set()
            done, not_done = wait(futures, timeout=10, return_when=return_when)
            names_done = sorted(futures[future] for future in done)
            names_not_done = sorted(futures[future] for future in not_done)
            print(f"{return_when:<16} done: {names_done}, not done: {names_not_done}")
            outcome.append((return_when, names_done, names_not_done))
    return outcome


if __name__ == "__main__":
    main()
