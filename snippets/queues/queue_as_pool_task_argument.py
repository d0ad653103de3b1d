"""A multiprocessing.Queue as a Pool task argument: the task cannot be pickled, get() raises."""

import functools
import multiprocessing


def square_into(results, n: int) -> None:
    results.put(n * n)


def main() -> None:
    results = multiprocessing.Queue()
    with multiprocessing.Pool(2) as pool:
        pending = pool.apply_async(square_into, (results, 3))
        print("apply_async() returned normally")
        try:
            pending.get(timeout=10)
        except RuntimeError as error:
            print(f"its get() raised RuntimeError: {error}")
        # The same with map(), uncaught this time, to show where the error comes from:
        pool.map(functools.partial(square_into, results), range(3))


if __name__ == "__main__":
    main()
