"""A child's sys.stdin reads os.devnull: input() there raises EOFError. Ask in the parent."""

import multiprocessing
import os
import sys

DEFAULT_NAME = "Ada"


def ask_in_the_child(report) -> None:
    replaced = sys.stdin is not sys.__stdin__
    reads_devnull = os.path.samestat(os.fstat(sys.stdin.fileno()), os.stat(os.devnull))
    report.put(f"sys.stdin replaced: {replaced}, reads os.devnull: {reads_devnull}")
    try:
        name = input()
        report.put(f"input() returned {name!r}")
    except EOFError as error:
        report.put(f"input() raised EOFError: {error}")


def greet(name: str, report) -> None:
    report.put(f"hello, {name}")


def read_name() -> str:
    """Ask on a terminal; without one (a pipe, a file, /dev/null, a build), use the default."""
    if sys.stdin is not None and sys.stdin.isatty():
        return input(f"Your name [{DEFAULT_NAME}]: ").strip() or DEFAULT_NAME
    return DEFAULT_NAME


def run(target, args: tuple) -> list[str]:
    """Run target(*args, report) in a child; return what it reported, then its exit code."""
    report = multiprocessing.SimpleQueue()
    child = multiprocessing.Process(target=target, args=(*args, report))
    child.start()
    child.join()
    lines = []
    while not report.empty():  # the child has exited: all it put is there
        lines.append(f"child: {report.get()}")
    return [*lines, f"the child exited with code {child.exitcode}"]


def main() -> dict:
    print("input() in the child:")
    in_the_child = run(ask_in_the_child, ())
    for line in in_the_child:
        print(f"  {line}")

    print("input() in the parent, the answer passed as an argument:")
    name = read_name()
    print(f"  parent: read {name!r}")
    passed = run(greet, (name,))
    for line in passed:
        print(f"  {line}")
    return {"in the child": in_the_child, "passed": passed}


if __name__ == "__main__":
    main()
