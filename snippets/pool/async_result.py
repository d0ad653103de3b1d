"""apply() blocks; apply_async() gives an AsyncResult: ready, wait, get(timeout), successful."""

import multiprocessing
import time


def slow_square(n: int, seconds: float) -> int:
    time.sleep(seconds)
    return n * n


def divide(a: int, b: int) -> float:
    return a / b


def main() -> list:
    seen = []
    with multiprocessing.Pool(processes=2) as pool:
        seen.append(pool.apply(slow_square, (3, 0.1)))  # blocks until the result is back
        print(f"apply(slow_square, (3, 0.1)) -> {seen[-1]}")

        result = pool.apply_async(slow_square, (4, 0.5))  # returns at once
        seen.append(result.ready())
        print(f"ready() just after apply_async: {result.ready()}")
        try:
            result.successful()
        except ValueError:
            seen.append("ValueError")
            print("successful() before it is ready: raises ValueError")
        try:
            result.get(timeout=0.1)
        except multiprocessing.TimeoutError:
            seen.append("TimeoutError")
            print("get(timeout=0.1): multiprocessing.TimeoutError; the task keeps running")
        result.wait(timeout=5)  # waits, returns nothing
        seen += [result.ready(), result.successful(), result.get(timeout=5)]
        print(f"after wait(): ready() {seen[-3]}, successful() {seen[-2]}, get() {seen[-1]}")

        failed = pool.apply_async(divide, (1, 0))
        failed.wait(timeout=5)
        seen.append(failed.successful())
        print(f"a task that raised: successful() {failed.successful()}")
        try:
            failed.get(timeout=5)
        except ZeroDivisionError as error:
            seen.append(type(error).__name__)
            print(f"get() re-raises it: {type(error).__name__}: {error}")
    return seen


if __name__ == "__main__":
    main()
