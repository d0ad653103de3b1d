"""SharedMemoryManager: blocks made through it are unlinked for you when the manager shuts down."""

import itertools
import multiprocessing
from multiprocessing import shared_memory
from multiprocessing.managers import SharedMemoryManager

import numpy as np

SIZE = 400_000


def sum_slice(data_name: str, results_name: str, slot: int, start: int, stop: int) -> None:
    data_block = shared_memory.SharedMemory(name=data_name)
    results = shared_memory.ShareableList(name=results_name)
    numbers = np.ndarray((SIZE,), dtype=np.int64, buffer=data_block.buf)
    results[slot] = int(numbers[start:stop].sum())
    del numbers
    data_block.close()
    results.shm.close()


def exists(name: str) -> bool:
    try:
        shared_memory.SharedMemory(name=name).close()
    except FileNotFoundError:
        return False
    return True


def main(workers: int = 4) -> tuple[list[int], bool]:
    with SharedMemoryManager() as manager:  # starts a small server process
        data_block = manager.SharedMemory(size=SIZE * 8)
        results = manager.ShareableList([0] * workers)
        numbers = np.ndarray((SIZE,), dtype=np.int64, buffer=data_block.buf)
        numbers[:] = np.arange(SIZE)
        bounds = np.linspace(0, SIZE, workers + 1, dtype=int)
        children = [
            multiprocessing.Process(
                target=sum_slice,
                args=(data_block.name, results.shm.name, slot, start, stop),
            )
            for slot, (start, stop) in enumerate(itertools.pairwise(bounds))
        ]
        for child in children:
            child.start()
        for child in children:
            child.join()
        partial_sums = list(results)
        print(f"partial sums {partial_sums}, total {sum(partial_sums):,}")
        names = [data_block.name, results.shm.name]
        del numbers
        data_block.close()  # close this process's mappings; the manager unlinks
        results.shm.close()
    still_there = any(exists(name) for name in names)
    print(f"after the with block, a segment still exists: {still_there}")
    return partial_sums, still_there


if __name__ == "__main__":
    main()
