"""Ctrl-C during a pool's work: SIGINT reaches every process in the group, workers included.

The program a reader would interrupt (`pool_program`) runs in a child interpreter with a
process group of its own, so that this snippet can press Ctrl-C on it and bound the wait.
"""

import multiprocessing
import os
import signal
import subprocess
import sys
import time


def slow_square(x: int) -> int:
    time.sleep(0.5)
    return x * x


def press_ctrl_c() -> None:
    # What Ctrl-C in a terminal does: SIGINT to every process in the foreground process group.
    os.killpg(os.getpgrp(), signal.SIGINT)


def pool_program() -> None:
    received = []
    with multiprocessing.Pool(2) as pool:
        for square in pool.imap_unordered(slow_square, range(6)):
            received.append(square)
            if len(received) == 1:
                press_ctrl_c()


def main(patience: float = 5.0) -> str:
    program = subprocess.Popen(
        [sys.executable, __file__, "--program"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group, as a program in its own terminal
    )
    try:
        output, _ = program.communicate(timeout=patience)
        outcome = f"exit status {program.returncode}"
    except subprocess.TimeoutExpired:
        os.killpg(program.pid, signal.SIGKILL)  # the program and every worker it left
        output, _ = program.communicate()
        outcome = f"hung: still running after {patience:g} s, killed"
    print(output, end="")
    print(f"--- the program ended with: {outcome}")
    return outcome


if __name__ == "__main__":
    if sys.argv[1:] == ["--program"]:
        pool_program()
    else:
        main()
