"""An initializer that raises: the executor is broken, and every future says so."""

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def connect(all_submitted) -> None:
    """Each worker runs this before any task; here the database cannot be reached."""
    # Fail only once the parent has submitted every call: a worker failing at once could
    # break the executor between two submit() calls, and the later submit() would raise.
    all_submitted.wait(timeout=30)
    raise ConnectionError("database unreachable")


def query(n: int) -> int:
    return n * n


def main() -> list[str]:
    outcomes = []
    all_submitted = multiprocessing.Event()
    with ProcessPoolExecutor(2, initializer=connect, initargs=(all_submitted,)) as executor:
        futures = [executor.submit(query, n) for n in range(3)]
        all_submitted.set()
        for n, future in enumerate(futures):
            try:
                outcomes.append(f"query({n}): {future.result(timeout=30)}")
            except BrokenProcessPool as error:
                outcomes.append(f"query({n}): BrokenProcessPool: {error}")
        try:
            executor.submit(query, 3)
        except BrokenProcessPool as error:
            outcomes.append(f"submit() afterwards: BrokenProcessPool: {error}")
    for line in outcomes:
        print(line)
    return [line.split(": ")[1] for line in outcomes]


if __name__ == "__main__":
    main()
