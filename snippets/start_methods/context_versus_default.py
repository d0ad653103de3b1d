"""get_context() gives a context for one use: the default stays as it was, and is set only once."""

import multiprocessing


def square(x: int) -> int:
    return x * x


def main() -> dict[str, object]:
    print(f"available here: {multiprocessing.get_all_start_methods()}")
    # Asking for the default fixes it: from now on set_start_method() refuses to change it.
    default = multiprocessing.get_start_method()
    print(f"default start method: {default}")

    spawn = multiprocessing.get_context("spawn")
    with spawn.Pool(2) as pool:
        squares = pool.map(square, range(5))
    print(f"{spawn.get_start_method()} context's pool computed {squares}")
    print(f"default start method afterwards: {multiprocessing.get_start_method()}")

    try:
        multiprocessing.set_start_method("spawn")
        refused = ""
    except RuntimeError as error:
        refused = str(error)
        print(f"set_start_method('spawn') now raises RuntimeError: {error}")
    return {"default": default, "squares": squares, "refused": refused}


if __name__ == "__main__":
    main()
