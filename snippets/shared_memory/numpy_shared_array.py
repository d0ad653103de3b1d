"""A NumPy array backed by shared memory: workers fill their slices in place, nothing copied."""

import itertools
import multiprocessing
from multiprocessing import shared_memory

import numpy as np

SIZE = 1_000_000
DTYPE = np.int64


def fill_squares(name: str, start: int, stop: int) -> None:
    block = shared_memory.SharedMemory(name=name)
    numbers = np.ndarray((SIZE,), dtype=DTYPE, buffer=block.buf)  # a view: no copy
    numbers[start:stop] = np.arange(start, stop, dtype=DTYPE) ** 2
    del numbers  # drop every view before close()
    block.close()


def main(workers: int = 4) -> tuple[int, int]:
    block = shared_memory.SharedMemory(create=True, size=SIZE * np.dtype(DTYPE).itemsize)
    try:
        numbers = np.ndarray((SIZE,), dtype=DTYPE, buffer=block.buf)
        numbers[:] = 0
        bounds = np.linspace(0, SIZE, workers + 1, dtype=int)
        children = [
            multiprocessing.Process(target=fill_squares, args=(block.name, start, stop))
            for start, stop in itertools.pairwise(bounds)
        ]
        for child in children:
            child.start()
        for child in children:
            child.join()

        total = int(numbers.sum())
        print(f"{workers} workers filled {SIZE:,} int64 ({block.size / 1e6:.0f} MB) in place")
        print(f"numbers[:4] = {numbers[:4]}, numbers[-1] = {numbers[-1]}")
        print(f"sum = {total:,}")
        del numbers  # no array may use the block after close(): it would read unmapped memory
    finally:
        block.close()
        block.unlink()
    expected = sum(i * i for i in range(SIZE))
    print(f"sum matches the serial result: {total == expected}")
    return total, expected


if __name__ == "__main__":
    main()
