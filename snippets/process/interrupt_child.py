"""interrupt() (Python 3.14+, POSIX) sends SIGINT: the child gets a KeyboardInterrupt.

Before 3.14 the snippet sends the same signal with os.kill(), as interrupt() does.
"""

import multiprocessing
import os
import signal
import sys
import time


def catches_it(ready) -> None:
    try:
        ready.set()
        time.sleep(30)  # never finishes: the interrupt comes first
    except KeyboardInterrupt:
        print("  catches-it: KeyboardInterrupt caught, cleaning up, returning", flush=True)


def lets_it_go(ready) -> None:
    try:
        ready.set()
        time.sleep(30)
    finally:
        print("  lets-it-go: finally block ran", flush=True)


def interrupt(child: multiprocessing.Process) -> None:
    if hasattr(child, "interrupt"):  # Python 3.14+
        child.interrupt()
    else:
        os.kill(child.pid, signal.SIGINT)  # what interrupt() does on POSIX


def run_and_interrupt(target, name: str) -> int:
    ready = multiprocessing.Event()
    child = multiprocessing.Process(target=target, args=(ready,), name=name)
    child.start()
    ready.wait(timeout=10)  # the child is inside its try block
    time.sleep(0.1)  # and, a moment later, in its sleep: the traceback below ends there
    interrupt(child)
    child.join(timeout=10)
    if child.is_alive():  # only if the interrupt went astray: never leave it running
        child.kill()
        child.join()
    code = child.exitcode
    child.close()
    return code


def main() -> dict:
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    if hasattr(multiprocessing.Process, "interrupt"):
        print(f"Python {version}: interrupt() sends SIGINT to the child")
    else:
        print(f"Python {version}: no Process.interrupt() before 3.14: os.kill(pid, SIGINT)")
    codes = {}
    for target, name in ((catches_it, "catches-it"), (lets_it_go, "lets-it-go")):
        codes[name] = run_and_interrupt(target, name)
        print(f"{name} exited with code {codes[name]}")
    return codes


if __name__ == "__main__":
    main()
