"""close() releases a finished Process object's resources; after it, the object is unusable."""

import multiprocessing


def wait_for(go) -> None:
    go.wait(timeout=10)


def attempt(action) -> str:
    """What an action gives back, or the exception it raises, as one short line."""
    try:
        return repr(action())
    except ValueError as error:
        return f"ValueError: {error}"


def main() -> dict:
    go = multiprocessing.Event()
    child = multiprocessing.Process(target=wait_for, args=(go,), name="closer")
    child.start()
    print(f"close() while it runs: {attempt(child.close)}")

    go.set()
    child.join()
    child.close()  # the child has ended: its sentinel and popen are released now
    print("close() after join():  done")

    after = {
        "name": attempt(lambda: child.name),
        "daemon": attempt(lambda: child.daemon),
        "is_alive()": attempt(child.is_alive),
        "join()": attempt(child.join),
        "pid": attempt(lambda: child.pid),
        "exitcode": attempt(lambda: child.exitcode),
        "sentinel": attempt(lambda: child.sentinel),
        "start()": attempt(child.start),
    }
    for what, outcome in after.items():
        print(f"  {what:<11} {outcome}")
    return after


if __name__ == "__main__":
    main()
