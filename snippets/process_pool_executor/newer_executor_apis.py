"""The 3.14 additions: map(buffersize=), terminate_workers(), kill_workers(), InterpreterPool."""

import concurrent.futures
import inspect
import itertools
import platform
import time
from concurrent.futures import ProcessPoolExecutor

ADDED_IN = "3.14"


def square(number: int) -> int:
    return number * number


def has_map_buffersize() -> bool:
    return "buffersize" in inspect.signature(ProcessPoolExecutor.map).parameters


def try_map_buffersize() -> None:
    # An endless input: without buffersize, map() would try to submit all of it first.
    with ProcessPoolExecutor(max_workers=2) as executor:
        results = executor.map(square, itertools.count(), buffersize=4)
        print(f"  first squares of an endless input: {list(itertools.islice(results, 6))}")


def try_stop_workers(method_name: str) -> None:
    executor = ProcessPoolExecutor(max_workers=1)
    executor.submit(time.sleep, 60)  # a task we will not wait for
    started = time.perf_counter()
    getattr(executor, method_name)()  # signals every worker, then shuts the executor down
    print(f"  {method_name}() returned after {time.perf_counter() - started:.2f} s")


def try_interpreter_pool() -> None:
    # Workers are interpreters in threads of this process. As with ProcessPoolExecutor, the
    # function is pickled: square, defined in this file, works because the worker's interpreter
    # runs this file again under another name (the main guard keeps main() from running there).
    with concurrent.futures.InterpreterPoolExecutor(max_workers=2) as executor:
        print(f"  squares from the interpreter pool: {list(executor.map(square, range(6)))}")


def main() -> dict[str, bool]:
    features = {
        "Executor.map(buffersize=)": (has_map_buffersize(), try_map_buffersize),
        "ProcessPoolExecutor.terminate_workers()": (
            hasattr(ProcessPoolExecutor, "terminate_workers"),
            lambda: try_stop_workers("terminate_workers"),
        ),
        "ProcessPoolExecutor.kill_workers()": (
            hasattr(ProcessPoolExecutor, "kill_workers"),
            lambda: try_stop_workers("kill_workers"),
        ),
        "InterpreterPoolExecutor": (
            hasattr(concurrent.futures, "InterpreterPoolExecutor"),
            try_interpreter_pool,
        ),
    }
    print(f"Python {platform.python_version()}")
    for name, (available, demonstrate) in features.items():
        if available:
            print(f"{name}: available")
            demonstrate()
        else:
            print(f"{name}: not in this interpreter (added in Python {ADDED_IN})")
    return {name: available for name, (available, _) in features.items()}


if __name__ == "__main__":
    main()
