"""A child changes a global and a list; after join() the parent's copies are untouched."""

import multiprocessing

counter = 0
names = ["parent"]


def change_everything(numbers: list[int]) -> None:
    global counter
    counter += 100
    names.append("child")
    numbers.append(4)
    print(f"  child sees:  counter={counter} names={names} numbers={numbers}")


def main() -> tuple:
    numbers = [1, 2, 3]
    child = multiprocessing.Process(target=change_everything, args=(numbers,))
    child.start()
    child.join()
    print(f"parent sees:  counter={counter} names={names} numbers={numbers}")
    return counter, names, numbers


if __name__ == "__main__":
    main()
