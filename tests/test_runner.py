"""A snippet that fails or hangs fails the build, naming its file, and leaves nothing behind."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
from snippet_runner import ROOT

FAILS = """\
def main():
    raise ValueError("this snippet fails on purpose")


if __name__ == "__main__":
    main()
"""

HANGS = """\
import multiprocessing
import os
import time


def sleep_forever():
    time.sleep(600)


def main():
    child = multiprocessing.Process(target=sleep_forever)
    child.start()
    print(f"pids {os.getpid()} {child.pid}")
    child.join()


if __name__ == "__main__":
    main()
"""


def build(tmp_path: Path, directive: str) -> subprocess.CompletedProcess:
    """Build a one-page site whose page shows the demo snippets with ``directive``."""
    shutil.copytree(ROOT / "tools", tmp_path / "tools")
    (tmp_path / "snippets" / "demo").mkdir(parents=True)
    (tmp_path / "snippets" / "demo" / "fails.py").write_text(FAILS)
    (tmp_path / "snippets" / "demo" / "hangs.py").write_text(HANGS)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(
        textwrap.dedent(f"""\
            # Demo

            ```python exec="on"
            --8<-- "tools/snippet_directive.py"
            print({directive})
            ```
            """)
    )
    config = (ROOT / "mkdocs.yml").read_text().split("\nnav:")[0]
    (tmp_path / "mkdocs.yml").write_text(config.replace("stylesheets/extra.css", ""))
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SNIPPETS_CACHE_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_failing_snippet_fails_the_build_naming_its_file(tmp_path: Path):
    result = build(tmp_path, 'show("demo/fails.py")')
    assert result.returncode != 0
    assert "snippets/demo/fails.py exited with 1, expected 0" in result.stderr
    assert "ValueError: this snippet fails on purpose" in result.stderr


def test_a_snippet_declared_to_fail_builds_when_it_fails_that_way(tmp_path: Path):
    result = build(tmp_path, 'show("demo/fails.py", exit_code=1, ends_with="ValueError")')
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "site" / "index.html").read_text()
    assert "ValueError: this snippet fails on purpose" in page


def test_a_snippet_that_fails_another_way_than_declared_fails_the_build(tmp_path: Path):
    result = build(tmp_path, 'show("demo/fails.py", exit_code=1, ends_with="KeyError")')
    assert result.returncode != 0
    assert "snippets/demo/fails.py did not end with 'KeyError'" in result.stderr


def test_a_hanging_snippet_is_killed_with_its_children_and_fails_the_build(tmp_path: Path):
    started = time.monotonic()
    result = build(tmp_path, 'show("demo/hangs.py", timeout=3)')
    assert time.monotonic() - started < 30
    assert result.returncode != 0
    assert "snippets/demo/hangs.py timed out; its process tree was killed" in result.stderr
    pids = [int(pid) for pid in re.search(r"pids (\d+) (\d+)", result.stderr).groups()]
    assert not [pid for pid in pids if is_running(pid)]


def is_running(pid: int) -> bool:
    """A killed process whose new parent has not reaped it yet is a zombie: not running."""
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_a_missing_snippet_fails_the_build_naming_it(tmp_path: Path):
    result = build(tmp_path, 'show("demo/no_such_file.py")')
    assert result.returncode != 0
    assert "snippets/demo/no_such_file.py: no such snippet" in result.stderr


def test_a_build_with_execution_off_runs_nothing(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("SNIPPETS_RUN", "off")
    result = build(tmp_path, 'show("demo/hangs.py", timeout=3)')
    assert result.returncode == 0, result.stderr
    assert "not run: SNIPPETS_RUN=off" in (tmp_path / "site" / "index.html").read_text()
