"""Subclass Process and override run(); attributes set in run() stay in the child."""

import multiprocessing


class SumOfSquares(multiprocessing.Process):
    def __init__(self, numbers: list[int], results) -> None:
        super().__init__(name=f"sum-{numbers[0]}-{numbers[-1]}")  # always call it first
        self.numbers = numbers
        self.results = results
        self.total = None

    def run(self) -> None:  # runs in the child after start()
        self.total = sum(n * n for n in self.numbers)  # changes the child's copy only
        self.results.put((self.name, self.total))


def main() -> list:
    results = multiprocessing.Queue()
    workers = [SumOfSquares(list(range(i, i + 5)), results) for i in (0, 5)]
    for worker in workers:
        worker.start()
    received = sorted(results.get(timeout=10) for _ in workers)  # get before join
    for worker in workers:
        worker.join()
    for name, total in received:
        print(f"{name}: {total} (sent back through the queue)")
    for worker in workers:
        print(f"{worker.name}.total in the parent: {worker.total}")
    return received


if __name__ == "__main__":
    main()
