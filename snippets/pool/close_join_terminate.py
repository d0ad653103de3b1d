"""close() then join() lets queued work finish; terminate() stops the workers at once."""

import multiprocessing
import time

TASK_SECONDS = 0.2


def slow_square(n: int) -> int:
    time.sleep(TASK_SECONDS)
    return n * n


def main() -> tuple:
    pool = multiprocessing.Pool(processes=2)
    pending = pool.map_async(slow_square, range(6))
    pool.close()  # no new tasks; the queued ones still run
    try:
        pool.apply(slow_square, (7,))
    except ValueError as error:
        print(f"apply() after close(): ValueError: {error}")
    started = time.perf_counter()
    pool.join()  # waits until the workers have finished everything and exited
    print(f"join() waited {time.perf_counter() - started:.1f} s; results {pending.get(timeout=0)}")
    finished = pending.get(timeout=0)

    pool = multiprocessing.Pool(processes=2)
    pending = pool.map_async(slow_square, range(6))
    started = time.perf_counter()
    pool.terminate()  # stops the workers now, whatever they are doing
    pool.join()
    took = time.perf_counter() - started
    shorter = "less" if took < TASK_SECONDS else "not less"
    print(
        f"terminate() + join() took {took:.2f} s, {shorter} than one task's {TASK_SECONDS} s;"
        f" ready() = {pending.ready()}: never will be"
    )
    return finished, pending.ready()


if __name__ == "__main__":
    main()
