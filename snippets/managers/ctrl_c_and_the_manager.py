"""Ctrl-C reaches the manager's process too: it ignores SIGINT, so the program can still save.

Run it in a terminal, or as is: the program presses Ctrl-C itself, halfway through its work.
"""

import multiprocessing
import os
import signal
import sys
from multiprocessing.managers import SyncManager

STEPS = 10


def press_ctrl_c() -> None:
    # What Ctrl-C in a terminal does: SIGINT to every process in the foreground process group.
    os.killpg(os.getpgrp(), signal.SIGINT)


def restore_default_ctrl_c() -> None:
    # Runs in the manager's process, after the manager has set SIGINT to "ignore": undoes it.
    signal.signal(signal.SIGINT, signal.default_int_handler)


def work_until_interrupted(manager) -> dict | None:
    [server] = multiprocessing.active_children()  # the manager's process, our only child
    results = manager.dict()
    completed = 0
    try:
        for step in range(STEPS):
            results[step] = step * step
            completed += 1
            if completed == STEPS // 2:
                press_ctrl_c()
    except KeyboardInterrupt:
        print(f"  Ctrl-C after {completed} of {STEPS} steps: KeyboardInterrupt in the main process")
        server.join(timeout=1)  # time enough for a manager that is exiting to be gone
        state = "running" if server.is_alive() else f"exited with code {server.exitcode}"
        print(f"  the manager's process after join(timeout=1): {state}")
        try:
            saved = dict(results)  # a plain copy of the state, for the program to write to disk
        except (OSError, EOFError) as error:
            print(f"  nothing saved: {type(error).__name__}: {error}")
            return None
        print(f"  saved through the proxy: {saved}")
        return saved
    print("  not interrupted")  # not reached: Ctrl-C comes halfway
    return dict(results)


def main(method: str | None = None) -> dict[str, dict | None]:
    context = multiprocessing.get_context(method)
    print(f"start method {context.get_start_method()}")
    print("Manager():")
    with context.Manager() as manager:
        kept = work_until_interrupted(manager)
    print("SyncManager().start(initializer) that restores Ctrl-C in the manager:")
    manager = SyncManager(ctx=context)
    manager.start(restore_default_ctrl_c)
    try:
        lost = work_until_interrupted(manager)
    finally:
        manager.shutdown()
    return {"Manager()": kept, "initializer": lost}


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
