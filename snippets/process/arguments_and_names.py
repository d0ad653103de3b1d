"""Give a child its arguments (args, kwargs) and a name, and watch its state from the parent."""

import multiprocessing
import os
import time


def report(greeting: str, times: int = 1, *, pause: float = 0.0) -> None:
    me = multiprocessing.current_process()
    parent = multiprocessing.parent_process()
    time.sleep(pause)
    for _ in range(times):
        print(f"  child: {greeting} from {me.name} (pid {me.pid}, parent pid {parent.pid})")


def main() -> dict:
    child = multiprocessing.Process(
        target=report,
        args=("hello",),
        kwargs={"times": 2, "pause": 0.2},
        name="reporter",
    )
    print(f"before start(): name={child.name!r} pid={child.pid} alive={child.is_alive()}")
    child.start()
    print(f"after start():  pid is set: {child.pid is not None}, alive={child.is_alive()}")
    child.join()
    print(f"after join():   alive={child.is_alive()}, exitcode={child.exitcode}")
    print(f"parent: {multiprocessing.current_process().name} (pid {os.getpid()})")
    return {"name": child.name, "alive": child.is_alive(), "exitcode": child.exitcode}


if __name__ == "__main__":
    main()
