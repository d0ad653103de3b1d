"""join(timeout) returns when the timeout expires: check is_alive() to know which happened."""

import multiprocessing
import time


def slow_task(seconds: float) -> None:
    time.sleep(seconds)


def main() -> list:
    child = multiprocessing.Process(target=slow_task, args=(1.0,))
    child.start()
    started = time.perf_counter()
    child.join(timeout=0.2)  # returns None whether or not the child has finished
    waited = time.perf_counter() - started
    print(f"join(timeout=0.2) returned after {waited:.1f} s")
    still_running = child.is_alive()
    print(f"is_alive() = {still_running}, exitcode = {child.exitcode}")

    child.join()  # no timeout: wait as long as it takes
    print(f"join() returned; is_alive() = {child.is_alive()}, exitcode = {child.exitcode}")
    return [still_running, child.is_alive(), child.exitcode]


if __name__ == "__main__":
    main()
