"""set_forkserver_preload(): modules imported once by the fork server are loaded in every child."""

import multiprocessing
import sys

# Stands in for a slow-to-import library that only the workers use (imported inside them).
WORKER_LIBRARY = "xml.dom.minidom"


def library_already_loaded(_: int) -> bool:
    return WORKER_LIBRARY in sys.modules


def main(preload: bool = True) -> list[bool]:
    context = multiprocessing.get_context("forkserver")
    if preload:
        # Takes effect only if called before the fork server starts (its first child).
        context.set_forkserver_preload(["__main__", WORKER_LIBRARY])
    with context.Pool(2) as pool:
        loaded = pool.map(library_already_loaded, range(4))
    print(f"preload {WORKER_LIBRARY}: {preload}")
    print(f"already imported when each task started: {loaded}")
    return loaded


if __name__ == "__main__":
    main(preload=sys.argv[1:] != ["no-preload"])
