"""A global changed before start(): a forked child sees the change; spawn and forkserver do not."""

import multiprocessing
import sys

setting = "value set at import"


def report_setting(results) -> None:
    results.put((multiprocessing.current_process().name, setting))


def main(method: str | None = None) -> str:
    global setting
    context = multiprocessing.get_context(method)
    setting = "value changed in main() before start()"
    results = context.Queue()
    child = context.Process(target=report_setting, args=(results,), name="child")
    child.start()
    name, seen = results.get(timeout=30)
    child.join()
    print(f"start method: {context.get_start_method()}")
    print(f"parent sees: {setting!r}")
    print(f"{name} sees:  {seen!r}")
    return seen


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
