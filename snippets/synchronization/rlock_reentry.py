"""An RLock can be acquired again by the process that holds it; a plain Lock cannot."""

import multiprocessing


def transfer(lock, log: list[str]) -> None:
    with lock:
        log.append("transfer: holds the lock")
        audit(lock, log)  # a helper that takes the same lock again


def audit(lock, log: list[str]) -> None:
    # A plain Lock would wait here forever for itself; the timeout turns that into False.
    if lock.acquire(timeout=0.5):
        log.append("audit: acquired it again")
        lock.release()
    else:
        log.append("audit: acquire(timeout=0.5) returned False: it would wait for itself")


def worker(kind: str, lock, results) -> None:
    log: list[str] = []
    transfer(lock, log)
    results.put((kind, log))


def main() -> dict[str, list[str]]:
    results = multiprocessing.Queue()
    locks = {"RLock": multiprocessing.RLock(), "Lock": multiprocessing.Lock()}
    outcome = {}
    for kind, lock in locks.items():
        child = multiprocessing.Process(target=worker, args=(kind, lock, results))
        child.start()
        kind, log = results.get(timeout=10)
        child.join()
        outcome[kind] = log
        print(f"{kind}:")
        for line in log:
            print(f"  {line}")
    return outcome


if __name__ == "__main__":
    main()
