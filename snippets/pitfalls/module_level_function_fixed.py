"""The fix: a module-level function, with functools.partial for the arguments a closure held."""

import functools
import multiprocessing


def power(x: int, exponent: int) -> int:
    return x**exponent


def main() -> list[int]:
    cube = functools.partial(power, exponent=3)  # a partial of a module-level function pickles
    with multiprocessing.Pool(2) as pool:
        cubes = pool.map(cube, range(4))
    print(f"cubes: {cubes}")
    return cubes


if __name__ == "__main__":
    main()
