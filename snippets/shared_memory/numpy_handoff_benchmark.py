"""Measured: handing a NumPy array to a worker through shared memory versus through a queue."""

import multiprocessing
import statistics
import time
from multiprocessing import shared_memory

import numpy as np


def worker(requests, replies) -> None:
    """Sum each array it is handed: pickled in the request, or named by its shared block."""
    while (request := requests.get()) is not None:
        how, payload = request
        if how == "queue":
            replies.put(int(payload.sum()))
        else:
            name, length = payload
            block = shared_memory.SharedMemory(name=name)
            numbers = np.ndarray((length,), dtype=np.int64, buffer=block.buf)
            replies.put(int(numbers.sum()))
            del numbers
            block.close()


def time_handoffs(requests, replies, request, repeats: int) -> tuple[float, int]:
    """Median seconds from handing the array over to the worker's reply (one warm-up first)."""
    times, answer = [], None
    for attempt in range(repeats + 1):
        started = time.perf_counter()
        requests.put(request)
        answer = replies.get(timeout=60)
        if attempt:  # attempt 0 is the warm-up
            times.append(time.perf_counter() - started)
    return statistics.median(times), answer


def copy_into_block(data: np.ndarray) -> tuple[shared_memory.SharedMemory, float]:
    """The one copy needed when an array does not start life in shared memory, timed."""
    block = shared_memory.SharedMemory(create=True, size=data.nbytes)
    started = time.perf_counter()
    np.ndarray(data.shape, dtype=data.dtype, buffer=block.buf)[:] = data
    return block, time.perf_counter() - started


def main(sizes_mb: tuple[int, ...] = (1, 10, 100), repeats: int = 3) -> list[dict]:
    arrays = [np.arange(size_mb * 1_000_000 // 8, dtype=np.int64) for size_mb in sizes_mb]
    # Blocks first, worker second: under fork, a child started before this process's first
    # SharedMemory gets a resource tracker of its own, which would warn about (and unlink)
    # every block the child attached to when it exits.
    blocks, copy_times = zip(*(copy_into_block(data) for data in arrays), strict=True)
    requests, replies = multiprocessing.Queue(), multiprocessing.Queue()
    process = multiprocessing.Process(target=worker, args=(requests, replies))
    process.start()
    results, faster, faster_with_copy = [], [], []
    print(
        f"{'size':>6} {'queue (pickled)':>19} {'shared memory':>19} {'ratio':>6}"
        f" {'copy in':>9} {'ratio with copy':>15}"
    )
    try:
        for size_mb, data, block, copy_in in zip(sizes_mb, arrays, blocks, copy_times, strict=True):
            by_queue, queue_sum = time_handoffs(requests, replies, ("queue", data), repeats)
            request = ("shm", (block.name, len(data)))
            by_name, shm_sum = time_handoffs(requests, replies, request, repeats)
            gb = data.nbytes / 1e9
            print(
                f"{size_mb:>3} MB {by_queue * 1e3:>7.1f} ms {gb / by_queue:>5.2f} GB/s"
                f" {by_name * 1e3:>7.1f} ms {gb / by_name:>5.2f} GB/s"
                f" {by_queue / by_name:>5.1f}x {copy_in * 1e3:>6.1f} ms"
                f" {by_queue / (copy_in + by_name):>14.1f}x"
            )
            faster.append(by_name < by_queue)
            if copy_in + by_name < by_queue:
                faster_with_copy.append(f"{size_mb} MB")
            expected = int(data.sum())
            results.append(
                {
                    "size_mb": size_mb,
                    "queue_sum_ok": queue_sum == expected,
                    "shm_sum_ok": shm_sum == expected,
                }
            )
    finally:
        requests.put(None)
        process.join()
        for block in blocks:
            block.close()
            block.unlink()
    print(f"median of {repeats} hand-offs after a warm-up, each including the worker's sum();")
    print("ratio = queue / shared memory; copy in = one copy of the array into a new block;")
    print("ratio with copy = queue / (copy in + shared memory)")
    print(f"shared memory faster than the queue at every size measured: {all(faster)}")
    won_with_copy = ", ".join(faster_with_copy) or "no size"
    print(f"with the copy in counted, shared memory was faster at: {won_with_copy}")
    return results


if __name__ == "__main__":
    main()
