"""The smallest ProcessPoolExecutor program: submit() one call, map() over many."""

from concurrent.futures import ProcessPoolExecutor


def cube(number: int) -> int:
    return number**3


def main() -> tuple[int, list[int]]:
    with ProcessPoolExecutor() as executor:  # one worker per CPU by default
        future = executor.submit(cube, 3)  # a Future, at once; the work runs in a worker
        cubes = list(executor.map(cube, range(8)))  # results in input order
        print(f"submit(cube, 3).result() = {future.result()}")
        print(f"map(cube, range(8)) = {cubes}")
    return future.result(), cubes


if __name__ == "__main__":
    main()
