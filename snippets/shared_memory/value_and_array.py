"""Share a number and an array of doubles with children through Value and Array."""

import multiprocessing


def fill(index: int, total, squares) -> None:
    squares[index] = index * index  # each child writes its own slot: no lock needed
    with total.get_lock():  # += reads then writes: hold the lock for both
        total.value += index


def main() -> tuple[int, list[float]]:
    total = multiprocessing.Value("i", 0)  # "i": a C int, starts at 0
    squares = multiprocessing.Array("d", 5)  # "d": 5 C doubles, all 0.0
    print(f"total wraps a {type(total.get_obj()).__name__}: {total!r}")
    print(f"squares wraps a {type(squares.get_obj()).__name__}: {squares[:]}")

    children = [
        multiprocessing.Process(target=fill, args=(index, total, squares)) for index in range(5)
    ]
    for child in children:
        child.start()
    for child in children:
        child.join()

    print(f"total.value = {total.value}")
    print(f"squares[:] = {squares[:]}")
    print(f"lock: {total.get_lock()!r}")
    return total.value, squares[:]


if __name__ == "__main__":
    main()
