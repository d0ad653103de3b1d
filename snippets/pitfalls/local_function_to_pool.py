"""A function defined inside main() sent to a pool: a local object cannot be pickled either."""

import multiprocessing


def main() -> list[int]:
    exponent = 3

    def power(x: int) -> int:
        return x**exponent

    with multiprocessing.Pool(2) as pool:
        return pool.map(power, range(4))


if __name__ == "__main__":
    main()
