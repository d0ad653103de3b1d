"""initializer/initargs set up each worker once; mp_context picks the start method."""

import multiprocessing
import sys
from concurrent.futures import ProcessPoolExecutor

settings = {}  # filled in each worker by the initializer


def set_up_worker(lock, unit: str) -> None:
    settings["lock"] = lock  # a Lock can only reach a worker this way (or by inheritance)
    settings["unit"] = unit


def describe(size: int) -> str:
    with settings["lock"]:
        return f"{size} {settings['unit']}"


def main(method: str | None = None) -> tuple[str, list[str]]:
    context = multiprocessing.get_context(method)  # None: this platform's default
    lock = context.Lock()
    with ProcessPoolExecutor(
        max_workers=2,
        mp_context=context,
        initializer=set_up_worker,
        initargs=(lock, "MiB"),
    ) as executor:
        sizes = list(executor.map(describe, [1, 2, 4, 8]))
    print(f"start method: {context.get_start_method()}")
    print(f"results: {sizes}")
    return context.get_start_method(), sizes


if __name__ == "__main__":
    main(*sys.argv[1:2])
