"""The fix: call get() on every result (it re-raises the worker's error), or pass error_callback."""

import multiprocessing


def invert(x: int) -> float:
    return 1 / x


def main() -> list[str]:
    reported = []
    with multiprocessing.Pool(2) as pool:
        pending = {
            x: pool.apply_async(invert, (x,), error_callback=reported.append) for x in [4, 2, 0, 1]
        }
        for x, result in pending.items():
            try:
                print(f"1/{x} = {result.get(timeout=30)}")
            except ZeroDivisionError as error:
                print(f"1/{x} raised in the worker: {error!r}")
    print(f"error_callback received: {reported!r}")
    return [repr(error) for error in reported]


if __name__ == "__main__":
    main()
