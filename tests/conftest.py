from __future__ import annotations

import multiprocessing
import os
import time

import psutil
import pytest

START_METHODS = ["fork", "spawn", "forkserver"]
SHM = "/dev/shm"
SHM_PREFIXES = ("psm_", "wnsm_", "mp-", "sem.mp-")
HELPER_PROCESSES = ("resource_tracker", "forkserver")


@pytest.fixture(scope="session", autouse=True)
def snippet_cache(tmp_path_factory: pytest.TempPathFactory):
    """Runs are cached in a folder of this session's own, so every snippet runs fresh once."""
    os.environ["SNIPPETS_CACHE_DIR"] = str(tmp_path_factory.mktemp("snippet-cache"))
    os.environ.pop("SNIPPETS_FRESH", None)
    os.environ.pop("SNIPPETS_RUN", None)
    yield


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
    while (leftovers := _stray_children()) and time.monotonic() < deadline:
        time.sleep(0.05)
    new_segments = [
        name for name in set(os.listdir(SHM)) - shm_before if name.startswith(SHM_PREFIXES)
    ]
    for child in leftovers:
        child.kill()
    assert not leftovers, f"processes left running: {leftovers}"
    assert not new_segments, f"shared memory left in {SHM}: {new_segments}"


def _stray_children() -> list[psutil.Process]:
    strays = []
    for child in psutil.Process().children(recursive=True):
        try:
            if child.status() == psutil.STATUS_ZOMBIE:
                continue
            command = " ".join(child.cmdline())
        except psutil.NoSuchProcess:
            continue
        if not any(helper in command for helper in HELPER_PROCESSES):
            strays.append(child)
    return strays
