"""The fix: call main() only under the main guard, so a child importing this file starts nothing."""

import multiprocessing
import sys


def square(x: int) -> int:
    return x * x


def main(method: str | None = None) -> list[int]:
    context = multiprocessing.get_context(method)
    with context.Pool(2) as pool:
        squares = pool.map(square, range(4))
    print(f"start method {context.get_start_method()}: {squares}")
    return squares


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
