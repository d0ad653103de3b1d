"""The fix: the session imports its worker function from a module file in the same folder.

Typed into a real interactive interpreter (`python -i`), as in a terminal or a notebook. The
workers find `square` because it lives in `session_tasks.py`, a file beside this one, which
they import by name; copy the whole folder to run it.
"""

import multiprocessing
import re
import subprocess
import sys
from pathlib import Path

TYPED_IN = """\
import multiprocessing
from session_tasks import square

with multiprocessing.get_context({method!r}).Pool(2) as pool:
    print(pool.map(square, range(4)))

"""


def main(method: str | None = None) -> str:
    method = method or multiprocessing.get_start_method()
    session = subprocess.run(
        [sys.executable, "-i"],
        input=TYPED_IN.format(method=method),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # prompts and tracebacks go to stderr: keep their order
        text=True,
        cwd=Path(__file__).parent,  # the session's folder, where session_tasks.py is
        timeout=30,
    )
    print(f"start method: {method}")
    print(session.stdout, end="")
    return re.search(r"\[[\d, ]*\]", session.stdout).group()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
