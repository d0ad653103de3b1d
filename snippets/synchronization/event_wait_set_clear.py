"""An Event: workers wait() until set(); wait(timeout) returns False if it never is."""

import multiprocessing


def wait_for_go(name: str, go, timeout: float, report) -> None:
    report.put((name, go.wait(timeout)))  # True once set; False if the timeout ran out first


def main() -> list[tuple[str, bool]]:
    go = multiprocessing.Event()
    report = multiprocessing.Queue()
    print(f"new Event: is_set() = {go.is_set()}")

    impatient = multiprocessing.Process(target=wait_for_go, args=("impatient", go, 0.2, report))
    impatient.start()
    impatient_result = report.get(timeout=10)
    print(f"impatient worker, wait(0.2) before set(): {impatient_result[1]}")
    impatient.join()

    names = ["worker-1", "worker-2", "worker-3"]
    waiters = [
        multiprocessing.Process(target=wait_for_go, args=(name, go, 10, report)) for name in names
    ]
    for waiter in waiters:
        waiter.start()
    go.set()  # wakes every waiter at once, and any later wait() returns True at once
    results = sorted(report.get(timeout=10) for _ in waiters)
    for waiter in waiters:
        waiter.join()
    for name, was_set in results:
        print(f"{name}: wait(10) returned {was_set}")

    go.clear()
    cleared = (go.is_set(), go.wait(0.1))
    print(f"after clear(): is_set() = {cleared[0]}, wait(0.1) = {cleared[1]}")
    return [impatient_result, *results, ("after clear()", cleared[1])]


if __name__ == "__main__":
    main()
