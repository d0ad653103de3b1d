"""A ProcessPoolExecutor worker is not a daemon: its task may start a Process. A Pool's is."""

import multiprocessing
from concurrent.futures import ProcessPoolExecutor


def hello() -> None:
    print("    the worker's child ran", flush=True)


def start_a_child() -> str:
    me = multiprocessing.current_process()
    print(f"  in the worker {me.name}: daemon={me.daemon}", flush=True)
    child = multiprocessing.Process(target=hello)
    child.start()  # raises AssertionError in a daemon
    child.join()
    return f"returned; its child exited with code {child.exitcode}"


def main() -> dict:
    outcomes = {}

    print("ProcessPoolExecutor:")
    with ProcessPoolExecutor(max_workers=1) as executor:
        outcomes["ProcessPoolExecutor"] = executor.submit(start_a_child).result(timeout=30)
    print(f"  the task {outcomes['ProcessPoolExecutor']}")

    print("multiprocessing.Pool:")
    with multiprocessing.Pool(processes=1) as pool:
        try:
            outcomes["Pool"] = pool.apply_async(start_a_child).get(timeout=30)
        except AssertionError as error:  # raised in the worker, raised again by get()
            outcomes["Pool"] = f"AssertionError: {error}"
    print(f"  get() raised {outcomes['Pool']}")
    return outcomes


if __name__ == "__main__":
    main()
