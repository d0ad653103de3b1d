"""apply_async() without get(): a task that raises fails silently, and the program exits 0."""

import multiprocessing


def invert(x: int) -> float:
    return 1 / x


def main() -> int:
    with multiprocessing.Pool(2) as pool:
        pending = [pool.apply_async(invert, (x,)) for x in [4, 2, 0, 1]]
        pool.close()
        pool.join()
    print(f"all {len(pending)} tasks submitted and finished; no error was reported")
    return sum(1 for result in pending if not result.successful())


if __name__ == "__main__":
    main()
