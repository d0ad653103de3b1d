"""The smallest Pool: square ten numbers in two worker processes with map()."""

import multiprocessing


def square(n: int) -> int:
    return n * n


def main() -> list[int]:
    with multiprocessing.Pool(processes=2) as pool:
        squares = pool.map(square, range(10))
    print(squares)
    return squares


if __name__ == "__main__":
    main()
