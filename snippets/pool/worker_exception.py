"""An exception in a worker is raised again in the parent, with the worker's traceback."""

import multiprocessing


def parse(text: str) -> int:
    return int(text)


def main() -> list[int]:
    with multiprocessing.Pool(processes=2) as pool:
        numbers = pool.map(parse, ["1", "2", "three", "4"])
    print(numbers)
    return numbers


if __name__ == "__main__":
    main()
