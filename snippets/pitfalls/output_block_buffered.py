"""Output to a pipe or file is block-buffered: lines appear when a process exits, out of order.

main() runs this same file again as a child interpreter with its stdout going to a pipe (as
when you redirect to a file, pipe into `tee`, or run under a job scheduler), then shows what
came out of the pipe, in the order it came.
"""

import multiprocessing
import os
import subprocess
import sys
import time

# Python's default buffering, even if this shell has PYTHONUNBUFFERED set.
DEFAULT_BUFFERING = {
    name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"
}


def work(name: str) -> None:
    for step in range(2):
        time.sleep(0.3)
        print(f"{name}: step {step}")


def program(method: str) -> None:
    """The program whose output we look at."""
    context = multiprocessing.get_context(method)
    print("parent: starting 2 workers")
    workers = [context.Process(target=work, args=(name,)) for name in ("worker A", "worker B")]
    for worker in workers:
        worker.start()
    print("parent: workers started, waiting for them")
    for worker in workers:
        worker.join()
    print("parent: done")


def main(method: str | None = None) -> list[str]:
    method = method or multiprocessing.get_start_method()
    child = subprocess.run(
        [sys.executable, __file__, "program", method],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=30,
        env=DEFAULT_BUFFERING,
    )
    print(f"start method {method}; what came out of the pipe, in order:")
    print(child.stdout, end="")
    return child.stdout.splitlines()


if __name__ == "__main__":
    if sys.argv[1:2] == ["program"]:
        program(sys.argv[2])
    else:
        main(sys.argv[1] if len(sys.argv) > 1 else None)
