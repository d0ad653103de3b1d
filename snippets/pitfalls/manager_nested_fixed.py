"""Two fixes: store a manager list (a proxy) in the dict, or reassign the value under a lock."""

import multiprocessing


def append_to_proxy(shared, value: int) -> None:
    shared["results"].append(value)  # shared["results"] is a ListProxy: the append reaches it


def reassign_under_lock(shared, lock, value: int) -> None:
    with lock:  # read, change, write back: without the lock two workers lose each other's write
        values = shared["results"]
        values.append(value)
        shared["results"] = values


def run_all(targets_and_args) -> None:
    workers = [multiprocessing.Process(target=t, args=a) for t, a in targets_and_args]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()


def main() -> tuple[list[int], list[int]]:
    with multiprocessing.Manager() as manager:
        nested = manager.dict(results=manager.list())
        run_all([(append_to_proxy, (nested, n)) for n in range(3)])
        via_proxy = sorted(nested["results"])

        plain = manager.dict(results=[])
        lock = manager.Lock()
        run_all([(reassign_under_lock, (plain, lock, n)) for n in range(3)])
        via_reassign = sorted(plain["results"])
    print(f"nested manager list: {via_proxy}")
    print(f"reassigned under a lock: {via_reassign}")
    return via_proxy, via_reassign


if __name__ == "__main__":
    main()
