"""Ctrl-C during a pool's work: SIGINT reaches every process in the group, workers included."""

import multiprocessing
import os
import signal
import time


def slow_square(x: int) -> int:
    time.sleep(0.5)
    return x * x


def press_ctrl_c() -> None:
    # What Ctrl-C in a terminal does: SIGINT to every process in the foreground process group.
    os.killpg(os.getpgrp(), signal.SIGINT)


def main() -> list[int]:
    received = []
    with multiprocessing.Pool(2) as pool:
        for square in pool.imap_unordered(slow_square, range(6)):
            received.append(square)
            if len(received) == 1:
                press_ctrl_c()
    return sorted(received)


if __name__ == "__main__":
    main()
