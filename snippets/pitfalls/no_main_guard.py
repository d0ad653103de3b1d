"""No main guard under spawn: the worker re-runs this file and fails. (Deliberately NO guard.)

This file is the one snippet on the site without the guard at its bottom: its last line calls
main() whenever the file is imported, which is the bug it shows. Run it only as a script.
"""

import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def square(x: int) -> int:
    return x * x


def main() -> list[int]:
    context = multiprocessing.get_context("spawn")  # the failure needs spawn (or forkserver)
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as executor:
        return list(executor.map(square, range(4), timeout=30))


print(main())
