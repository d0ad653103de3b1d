"""The fix: start children with spawn or forkserver: they begin with fresh, unlocked locks."""

import multiprocessing
import sys
import threading
import time

cache_lock = threading.Lock()


def refresh_cache(holding: threading.Event) -> None:
    with cache_lock:
        holding.set()
        time.sleep(0.5)


def use_cache(took_lock) -> None:
    took_lock.value = cache_lock.acquire(timeout=2)


def main(method: str = "forkserver") -> bool:
    context = multiprocessing.get_context(method)
    holding = threading.Event()
    refresher = threading.Thread(target=refresh_cache, args=(holding,))
    refresher.start()
    holding.wait()  # the refresher now holds the lock
    took_lock = context.Value("b", False)
    child = context.Process(target=use_cache, args=(took_lock,))
    child.start()
    child.join()
    refresher.join()
    print(f"start method {method}: the child's acquire(timeout=2) returned {bool(took_lock.value)}")
    return bool(took_lock.value)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "forkserver")
