"""A function defined in an interactive session cannot be found by a spawned pool worker.

The session is a real interactive interpreter (`python -i`) reading what is typed from standard
input, as in a terminal or a notebook: its `__main__` is not a file a worker can import.
"""

import re
import subprocess
import sys

TYPED_IN = """\
import multiprocessing
def square(x):
    return x * x

pool = multiprocessing.get_context("spawn").Pool(1)
pool.map_async(square, range(4)).get(timeout=2)
pool.terminate()
"""


def run_session(typed_in: str, cwd: str | None = None) -> str:
    session = subprocess.run(
        [sys.executable, "-i"],
        input=typed_in,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # prompts and tracebacks go to stderr: keep their order
        text=True,
        cwd=cwd,
        timeout=30,
    )
    return session.stdout


def main() -> list[str]:
    transcript = run_session(TYPED_IN)
    print(transcript, end="")
    return sorted(set(re.findall(r"^[\w.]+Error\b.*$", transcript, re.MULTILINE)))


if __name__ == "__main__":
    main()
