"""A Manager dict holding a plain list: appending to d["k"] changes a copy, never the dict."""

import multiprocessing


def record(shared, value: int) -> None:
    shared["results"].append(value)  # d["results"] returns a copy; the append is lost


def main() -> int:
    with multiprocessing.Manager() as manager:
        shared = manager.dict(results=[])
        workers = [multiprocessing.Process(target=record, args=(shared, n)) for n in range(3)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        results = shared["results"]
    print(f"results after 3 workers appended: {results}")
    return max(results)


if __name__ == "__main__":
    main()
