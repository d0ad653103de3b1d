from __future__ import annotations

import gc
import multiprocessing
import os
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest
from snippet_runner import ROOT, SHM, SHM_PREFIXES

START_METHODS = ["fork", "spawn", "forkserver"]
# Long-lived helpers: multiprocessing's own, and the browser the browser tests share.
HELPER_PROCESSES = ("resource_tracker", "forkserver", "playwright", "chromium")


@pytest.fixture(scope="session", autouse=True)
def snippet_cache(tmp_path_factory: pytest.TempPathFactory):
    """Runs are cached in a folder of this session's own, so every snippet runs fresh once."""
    os.environ["SNIPPETS_CACHE_DIR"] = str(tmp_path_factory.mktemp("snippet-cache"))
    os.environ.pop("SNIPPETS_FRESH", None)
    os.environ.pop("SNIPPETS_RUN", None)
    yield


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built strictly once per session; its snippet runs land in the session cache."""
    site = tmp_path_factory.mktemp("site")
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    return site


@pytest.fixture(params=START_METHODS)
def start_method(request: pytest.FixtureRequest):
    """Run the test under each start method, as the default context of this process."""
    multiprocessing.set_start_method(request.param, force=True)
    yield request.param
    multiprocessing.set_start_method(None, force=True)


@pytest.fixture(autouse=True)
def nothing_left_behind():
    """No test may leave a child process or a shared-memory segment behind."""
    shm_before = set(os.listdir(SHM))
    yield
    deadline = time.monotonic() + 5
    while (_stray_children() or _new_segments(shm_before)) and time.monotonic() < deadline:
        gc.collect()  # a lock or segment in a reference cycle is released when collected
        time.sleep(0.05)
    leftovers, new_segments = _stray_children(), _new_segments(shm_before)
    for child in leftovers:
        child.kill()
    assert not leftovers, f"processes left running: {leftovers}"
    assert not new_segments, f"shared memory left in {SHM}: {new_segments}"


def _new_segments(before: set[str]) -> list[str]:
    return [name for name in set(os.listdir(SHM)) - before if name.startswith(SHM_PREFIXES)]


def _stray_children() -> list[psutil.Process]:
    strays = []
    for child in psutil.Process().children(recursive=True):
        try:
            if child.status() == psutil.STATUS_ZOMBIE:
                continue
            command = " ".join([child.name(), *child.cmdline()])
        except psutil.NoSuchProcess:
            continue
        if not any(helper in command for helper in HELPER_PROCESSES):
            strays.append(child)
    return strays
