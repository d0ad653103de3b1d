"""Joining a child before reading the large item it put on a queue hangs: shown with a timeout."""

import multiprocessing

PAYLOAD = 10 * 1024 * 1024  # 10 MiB: far more than the pipe under the queue can hold


def send_result(q) -> None:
    q.put(b"r" * PAYLOAD)
    print("child: put() returned, send_result() is done")
    # The process cannot exit until its feeder thread has written all of it to the pipe.


def main() -> tuple[bool, int, int]:
    q = multiprocessing.Queue()
    child = multiprocessing.Process(target=send_result, args=(q,))
    child.start()

    child.join(timeout=2)  # join() without a timeout would wait here forever
    stuck = child.is_alive()
    print(f"after join(timeout=2): child alive {stuck}, exit code {child.exitcode}")

    result = q.get(timeout=30)  # reading empties the pipe, so the child can finish
    child.join()
    print(f"after get(): {len(result):,} bytes received, child exit code {child.exitcode}")
    return stuck, child.exitcode, len(result)


if __name__ == "__main__":
    main()
