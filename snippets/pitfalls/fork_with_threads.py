"""fork while another thread holds a lock: the child inherits the lock held, and no thread."""

import multiprocessing
import sys
import threading
import time
import warnings

cache_lock = threading.Lock()


def refresh_cache(holding: threading.Event) -> None:
    with cache_lock:  # a background thread holds the lock for a moment, as a cache refresh might
        holding.set()
        time.sleep(0.5)


def use_cache(took_lock) -> None:
    # The thread holding the lock was not copied into this child: nothing will ever release it.
    took_lock.value = cache_lock.acquire(timeout=2)


def main() -> bool:
    if sys.version_info >= (3, 12):
        # 3.12+ warns in os.fork(); DeprecationWarning is hidden unless raised in __main__.
        warnings.simplefilter("default", DeprecationWarning)
    else:
        print(f"Python {sys.version.split()[0]}: no warning (3.12 added one for fork with threads)")
    context = multiprocessing.get_context("fork")  # the danger is fork's alone
    holding = threading.Event()
    refresher = threading.Thread(target=refresh_cache, args=(holding,))
    refresher.start()
    holding.wait()  # the refresher now holds the lock
    took_lock = context.Value("b", False)
    child = context.Process(target=use_cache, args=(took_lock,))
    child.start()
    child.join()
    refresher.join()
    print(f"parent: lock free again after the refresh: {not cache_lock.locked()}")
    print(f"child: acquire(timeout=2) returned {bool(took_lock.value)}")
    if not took_lock.value:
        raise TimeoutError("the child never got the lock: a plain acquire() would hang it forever")
    return bool(took_lock.value)


if __name__ == "__main__":
    main()
