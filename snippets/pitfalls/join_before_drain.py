"""Joining a child before reading what it put on a queue: each waits for the other (bounded)."""

import multiprocessing

PAYLOAD = 4 * 1024 * 1024  # 4 MiB: far more than the pipe under the queue holds


def produce(results) -> None:
    results.put(b"x" * PAYLOAD)
    # The child cannot exit until its queue's feeder thread has written all of it to the pipe.


def main() -> int:
    results = multiprocessing.Queue()
    child = multiprocessing.Process(target=produce, args=(results,))
    child.start()
    child.join(timeout=2)  # a plain join() would wait here forever
    still_running = child.is_alive()
    print(f"after join(timeout=2): child alive {still_running}, exit code {child.exitcode}")
    received = len(results.get(timeout=30))  # clean up: reading lets the child finish
    child.join()
    if still_running:
        raise TimeoutError("join() waited 2 s for a child that was waiting for us to read its data")
    return received


if __name__ == "__main__":
    main()
