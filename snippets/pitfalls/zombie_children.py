"""Children that exited but were never joined stay in the process table as zombies until reaped."""

import multiprocessing
import os
import subprocess
import sys
import time


def quick_task(go) -> None:
    go.wait()


def state_of(pid: int) -> str:
    """The kernel's one-letter state of a process (Z: zombie), or "gone" if it has no entry."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return "gone"
    except OSError:  # no /proc (macOS): ask ps
        ps = subprocess.run(["ps", "-o", "stat=", "-p", str(pid)], capture_output=True, text=True)
        return ps.stdout.strip()[:1] or "gone"


def main(method: str | None = None) -> tuple[list[str], list[str]]:
    context = multiprocessing.get_context(method)
    go = context.Event()
    children = [context.Process(target=quick_task, args=(go,)) for _ in range(3)]
    for child in children:
        child.start()  # start() also reaps children that have already exited: start all first
    go.set()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:  # wait until every child has exited; nobody joins them
        before = [state_of(child.pid) for child in children]
        if all(state in ("Z", "gone") for state in before):
            break
        time.sleep(0.05)
    print(f"start method {context.get_start_method()}, parent {os.getpid()}")
    print(f"not joined: states {before} for pids {[child.pid for child in children]}")
    for child in children:
        child.join()  # join() reaps the child: its entry leaves the process table
    after = [state_of(child.pid) for child in children]
    print(f"after join(): states {after}, exit codes {[child.exitcode for child in children]}")
    return before, after


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
