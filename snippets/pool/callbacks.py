"""callback receives each result, error_callback each exception, in the parent as tasks end."""

import multiprocessing


def checked_square(n: int) -> int:
    if n < 0:
        raise ValueError(f"{n} is negative")
    return n * n


def main() -> tuple:
    results, errors = [], []
    with multiprocessing.Pool(processes=2) as pool:
        for n in [1, -2, 3, -4, 5]:
            pool.apply_async(
                checked_square, (n,), callback=results.append, error_callback=errors.append
            )
        pool.close()
        pool.join()  # all tasks finished and all callbacks called
    print(f"callback got:       {sorted(results)}")
    print(f"error_callback got: {sorted(repr(error) for error in errors)}")
    return sorted(results), sorted(str(error) for error in errors)


if __name__ == "__main__":
    main()
