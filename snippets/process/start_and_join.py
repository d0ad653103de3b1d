"""Start one child process per name, then wait for each with join()."""

import multiprocessing
import os


def greet(name: str) -> None:
    parent = multiprocessing.parent_process()
    print(f"hello from {name} (pid {os.getpid()}, parent {parent.pid})")


def main() -> list[int]:
    names = ["alice", "bob", "carol"]
    children = [multiprocessing.Process(target=greet, args=(name,)) for name in names]
    for child in children:
        child.start()
    for child in children:
        child.join()
    exit_codes = [child.exitcode for child in children]
    print(f"parent {os.getpid()}: exit codes {exit_codes}")
    return exit_codes


if __name__ == "__main__":
    main()
