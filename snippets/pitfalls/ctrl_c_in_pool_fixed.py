"""The fix: an initializer makes the workers ignore SIGINT; the parent alone handles Ctrl-C."""

import multiprocessing
import os
import signal
import sys
import time


def ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def slow_square(x: int) -> int:
    time.sleep(1 if x == 0 else 5)  # Ctrl-C comes after the first result, long before the rest
    return x * x


def press_ctrl_c() -> None:
    # What Ctrl-C in a terminal does: SIGINT to every process in the foreground process group.
    os.killpg(os.getpgrp(), signal.SIGINT)


def main(method: str | None = None) -> str:
    context = multiprocessing.get_context(method)
    pool = context.Pool(2, initializer=ignore_sigint)
    received = []
    try:
        for square in pool.imap_unordered(slow_square, range(6)):
            received.append(square)
            if len(received) == 1:
                press_ctrl_c()  # both workers are asleep in a task, and ignore SIGINT
        pool.close()
        outcome = f"finished: {sorted(received)}"
    except KeyboardInterrupt:
        pool.terminate()  # stop the workers now: their unfinished tasks are abandoned
        outcome = f"interrupted after {len(received)} of 6 results: pool terminated"
    pool.join()
    print(f"start method {context.get_start_method()}: {outcome}")
    return outcome


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
