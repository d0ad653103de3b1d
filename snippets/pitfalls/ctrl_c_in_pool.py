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

task_started = None  # in each worker: the semaphore the program gave it (see pool_program)


def share_semaphore(semaphore) -> None:
    global task_started
    task_started = semaphore


def slow_square(x: int) -> int:
    name = multiprocessing.current_process().name
    print(f"{name}: slow_square({x}) started\n", end="", flush=True)  # one write: no interleaving
    task_started.release()  # tell the program: this worker is now in the middle of a task
    time.sleep(5)  # Ctrl-C comes long before this ends
    return x * x


def press_ctrl_c() -> None:
    # What Ctrl-C in a terminal does: SIGINT to every process in the foreground process group.
    os.killpg(os.getpgrp(), signal.SIGINT)


def pool_program() -> None:
    started = multiprocessing.Semaphore(0)
    with multiprocessing.Pool(2, initializer=share_semaphore, initargs=(started,)) as pool:
        squares = pool.imap_unordered(slow_square, range(6))
        for _ in range(2):
            started.acquire()  # wait until both workers are in the middle of a task
        press_ctrl_c()
        print(sorted(squares))  # never reached


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
