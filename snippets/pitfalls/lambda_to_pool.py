"""A lambda sent to a pool: tasks are pickled by name, and a lambda has no name to look up."""

import multiprocessing

TRANSFORMS = {"square": lambda x: x * x, "negate": lambda x: -x}


def main() -> list[int]:
    with multiprocessing.Pool(2) as pool:
        return pool.map(TRANSFORMS["square"], range(4))


if __name__ == "__main__":
    main()
