"""A daemon child is stopped when its parent exits; a non-daemon child is waited for."""

import multiprocessing
import time

TICKS = 100  # either child would count to 100, one tick every 10 ms: about 1 s


def count(counter) -> None:
    while counter.value < TICKS:
        counter.value += 1
        time.sleep(0.01)


def parent(daemon_ticks, worker_ticks) -> None:
    daemon = multiprocessing.Process(target=count, args=(daemon_ticks,), daemon=True)
    worker = multiprocessing.Process(target=count, args=(worker_ticks,))
    daemon.start()
    worker.start()
    while daemon_ticks.value == 0 or worker_ticks.value == 0:  # both are counting
        time.sleep(0.01)
    time.sleep(0.2)
    print(
        f"parent: returning now; daemon alive={daemon.is_alive()}, worker alive={worker.is_alive()}"
    )
    # On its way out, the parent terminates its daemon children and joins the others.


def main() -> dict:
    # lock=False: no lock that a terminated daemon could leave held; one writer per counter
    daemon_ticks = multiprocessing.Value("i", 0, lock=False)
    worker_ticks = multiprocessing.Value("i", 0, lock=False)
    middle = multiprocessing.Process(target=parent, args=(daemon_ticks, worker_ticks))
    middle.start()
    middle.join()
    print(f"main: the parent exited with code {middle.exitcode}")
    # The verdicts are read off the counts, so a run that behaves otherwise says so.
    daemon_end = "stopped when its parent exited" if daemon_ticks.value < TICKS else "finished"
    worker_end = "its parent waited for it" if worker_ticks.value == TICKS else "it was stopped"
    print(f"main: daemon counted to {daemon_ticks.value} of {TICKS}: {daemon_end}")
    print(f"main: worker counted to {worker_ticks.value} of {TICKS}: {worker_end}")
    return {"daemon_stopped_early": daemon_ticks.value < TICKS, "worker_ticks": worker_ticks.value}


if __name__ == "__main__":
    main()
