"""submit() returns a Future: ask it done(), result(timeout), exception(); attach callbacks."""

import time
from concurrent.futures import ProcessPoolExecutor, TimeoutError


def slow_square(number: int, seconds: float) -> int:
    time.sleep(seconds)
    return number * number


def check_positive(number: int) -> int:
    if number <= 0:
        raise ValueError(f"{number} is not positive")
    return number


def main() -> dict[str, object]:
    finished = []  # filled by the callback, in this (the parent) process
    with ProcessPoolExecutor(max_workers=2) as executor:
        future = executor.submit(slow_square, 7, 0.5)
        future.add_done_callback(lambda done: finished.append(done.result()))
        print(f"just submitted: done() = {future.done()}")
        try:
            future.result(timeout=0.1)
        except TimeoutError:
            print("result(timeout=0.1): TimeoutError (the task is still running; it goes on)")
        print(f"result() = {future.result()}, done() = {future.done()}")
        print(f"exception() = {future.exception()}")

        failing = executor.submit(check_positive, -3)
        error = failing.exception()  # waits, then returns the exception instead of raising it
        print(f"failing task: exception() = {error!r}")
    print(f"the done callback saw: {finished}")
    return {"result": future.result(), "error": repr(error), "callback": finished}


if __name__ == "__main__":
    main()
