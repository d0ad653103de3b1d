"""The nested-mutation trap: d["k"].append(x) changes a copy; reassign, or nest a proxy."""

import multiprocessing


def append_in_place(shared, worker_id: int) -> None:
    shared["items"].append(worker_id)  # appends to a copy fetched from the manager


def append_and_reassign(shared, lock, worker_id: int) -> None:
    with lock:  # read, change, write back: without a lock two workers can overwrite each other
        items = shared["items"]
        items.append(worker_id)
        shared["items"] = items


def append_to_nested_proxy(shared, worker_id: int) -> None:
    shared["items"].append(worker_id)  # shared["items"] is a ListProxy: the append is remote


def run(manager, target, initial, *extra, workers: int = 4) -> list[int]:
    shared = manager.dict({"items": initial})
    children = [
        multiprocessing.Process(target=target, args=(shared, *extra, worker_id))
        for worker_id in range(workers)
    ]
    for child in children:
        child.start()
    for child in children:
        child.join()
    return sorted(shared["items"])


def main(workers: int = 4) -> dict[str, list[int]]:
    with multiprocessing.Manager() as manager:
        lock = manager.Lock()
        results = {
            "in place (the trap)": run(manager, append_in_place, [], workers=workers),
            "fix 1: reassign under a lock": run(
                manager, append_and_reassign, [], lock, workers=workers
            ),
            "fix 2: nested manager.list()": run(
                manager, append_to_nested_proxy, manager.list(), workers=workers
            ),
        }
        for how, items in results.items():
            print(f"{how:<30} d['items'] = {items}")
    return results


if __name__ == "__main__":
    main()
