"""The fix: put the worker function in a module file and import it into the session."""

import multiprocessing
import pathlib
import re
import subprocess
import sys
import tempfile

MODULE = """\
def square(x):
    return x * x
"""

TYPED_IN = """\
import multiprocessing
from session_tasks import square

with multiprocessing.get_context({method!r}).Pool(2) as pool:
    print(pool.map(square, range(4)))

"""


def main(method: str | None = None) -> str:
    method = method or multiprocessing.get_start_method()
    with tempfile.TemporaryDirectory() as folder:
        pathlib.Path(folder, "session_tasks.py").write_text(MODULE)
        session = subprocess.run(
            [sys.executable, "-i"],
            input=TYPED_IN.format(method=method),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            cwd=folder,  # the session's folder, where `import session_tasks` finds the file
            timeout=30,
        )
    print(f"start method: {method}")
    print(session.stdout, end="")
    return re.search(r"\[[\d, ]*\]", session.stdout).group()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
