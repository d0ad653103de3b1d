"""Under spawn and forkserver the child imports the main module again; under fork it does not."""

import multiprocessing
import sys

print(f"top of the module: __name__ = {__name__!r}, in {multiprocessing.current_process().name}")


def module_name_in_child() -> None:
    print(f"  child: this function's module is {__name__!r}")


def main(method: str | None = None) -> str:
    context = multiprocessing.get_context(method)
    print(f"start method: {context.get_start_method()}")
    child = context.Process(target=module_name_in_child)
    child.start()
    child.join()
    return context.get_start_method()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
