"""Who am I, who is my parent, which children are running, and how many CPUs there are."""

import multiprocessing
import os
import time


def describe(delay: float) -> None:
    me = multiprocessing.current_process()
    parent = multiprocessing.parent_process()
    time.sleep(delay)  # the workers speak one after the other, so their lines never mix
    print(f"  {me.name}: pid {me.pid}, parent {parent.name} (pid {parent.pid})")
    time.sleep(0.3)


def main() -> dict:
    me = multiprocessing.current_process()
    print(f"{me.name}: pid {me.pid}, parent_process() = {multiprocessing.parent_process()}")

    children = [
        multiprocessing.Process(target=describe, args=(i * 0.1,), name=f"worker-{i}")
        for i in (1, 2)
    ]
    for child in children:
        child.start()
    running = sorted(child.name for child in multiprocessing.active_children())
    for child in children:
        child.join()
    finished = multiprocessing.active_children()
    print(f"active_children() while they ran: {running}")  # after join(): not amid their lines
    print(f"active_children() after join():   {finished}")

    print(f"multiprocessing.cpu_count(): {multiprocessing.cpu_count()} (CPUs in the machine)")
    if hasattr(os, "sched_getaffinity"):  # Linux and some other Unixes
        print(f"len(os.sched_getaffinity(0)): {len(os.sched_getaffinity(0))} (CPUs I may run on)")
    if hasattr(os, "process_cpu_count"):  # Python 3.13+
        print(f"os.process_cpu_count(): {os.process_cpu_count()} (CPUs I may run on)")
    else:
        print("os.process_cpu_count(): needs Python 3.13 or newer")
    return {"main_parent": multiprocessing.parent_process(), "running": running, "after": finished}


if __name__ == "__main__":
    main()
