"""A worker killed mid-task (here by SIGKILL, as the OOM killer would): BrokenProcessPool."""

import os
import signal
from concurrent.futures import ProcessPoolExecutor


def square_or_die(x: int) -> int:
    if x == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return x * x


def main() -> list[int]:
    with ProcessPoolExecutor(max_workers=2) as executor:
        return list(executor.map(square_or_die, range(6)))


if __name__ == "__main__":
    main()
