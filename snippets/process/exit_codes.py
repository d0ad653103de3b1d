"""Read exitcode: 0 on success, 1 when the target raises, N for sys.exit(N), -N for signal N."""

import multiprocessing
import signal
import sys
import time


def succeed() -> None:
    pass


def fail() -> None:
    raise ValueError("something went wrong in the child")


def exit_with_3() -> None:
    sys.exit(3)


def sleep_for(seconds: float) -> None:
    time.sleep(seconds)


def run_to_the_end(target) -> int:
    child = multiprocessing.Process(target=target)
    child.start()
    child.join()
    return child.exitcode


def stop_early(how: str) -> int:
    child = multiprocessing.Process(target=sleep_for, args=(10,))
    child.start()
    time.sleep(0.2)  # it is now sleeping: stop it long before it would finish
    if how == "terminate":
        child.terminate()  # SIGTERM on POSIX: the child may catch it
    else:
        child.kill()  # SIGKILL on POSIX: cannot be caught (Python 3.7+)
    child.join()
    return child.exitcode


def main() -> dict:
    codes = {
        "returns": run_to_the_end(succeed),
        "raises": run_to_the_end(fail),
        "sys.exit(3)": run_to_the_end(exit_with_3),
        "terminate()": stop_early("terminate"),
        "kill()": stop_early("kill"),
    }
    for how, code in codes.items():
        meaning = f"  (killed by {signal.Signals(-code).name})" if code < 0 else ""
        print(f"{how:<12} exitcode {code:>3}{meaning}")
    return codes


if __name__ == "__main__":
    main()
