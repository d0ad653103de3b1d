"""The fix: get() everything the child sends, then join() it."""

import multiprocessing

PAYLOAD = 4 * 1024 * 1024


def produce(results) -> None:
    results.put(b"x" * PAYLOAD)


def main() -> int:
    results = multiprocessing.Queue()
    child = multiprocessing.Process(target=produce, args=(results,))
    child.start()
    received = len(results.get(timeout=30))
    child.join()
    print(f"received {received:,} bytes, then joined: exit code {child.exitcode}")
    return received


if __name__ == "__main__":
    main()
