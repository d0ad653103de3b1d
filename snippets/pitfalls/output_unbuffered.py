"""The fix: print(..., flush=True), or run Python with -u: lines leave as they are printed.

As in output_block_buffered.py, main() runs this same file as a child interpreter whose stdout
is a pipe, once with flush=True on every print and once with `python -u`.
"""

import multiprocessing
import os
import subprocess
import sys
import time

FLUSH = "--flush" in sys.argv

# Python's default buffering, even if this shell has PYTHONUNBUFFERED set.
DEFAULT_BUFFERING = {
    name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"
}


def work(name: str) -> None:
    for step in range(2):
        time.sleep(0.3)
        print(f"{name}: step {step}", flush=FLUSH)


def program(method: str) -> None:
    context = multiprocessing.get_context(method)
    print("parent: starting 2 workers", flush=FLUSH)
    workers = [context.Process(target=work, args=(name,)) for name in ("worker A", "worker B")]
    for worker in workers:
        worker.start()
    print("parent: workers started, waiting for them", flush=FLUSH)
    for worker in workers:
        worker.join()
    print("parent: done", flush=FLUSH)


def run(*python_options: str, method: str, flush: bool) -> list[str]:
    command = [sys.executable, *python_options, __file__, "program", method]
    child = subprocess.run(
        command + (["--flush"] if flush else []),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=30,
        env=DEFAULT_BUFFERING,
    )
    return child.stdout.splitlines()


def main(method: str | None = None) -> tuple[list[str], list[str]]:
    method = method or multiprocessing.get_start_method()
    flushed = run(method=method, flush=True)
    unbuffered = run("-u", method=method, flush=False)
    print(f"start method {method}; with flush=True, out of the pipe in order:")
    print("\n".join(flushed))
    print("with python -u, out of the pipe in order:")
    print("\n".join(unbuffered))
    return flushed, unbuffered


if __name__ == "__main__":
    if sys.argv[1:2] == ["program"]:
        program(sys.argv[2])
    else:
        main(sys.argv[1] if len(sys.argv) > 1 else None)
