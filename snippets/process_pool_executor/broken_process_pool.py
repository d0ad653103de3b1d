"""A worker that dies abruptly breaks the executor: its futures raise BrokenProcessPool."""

import os
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def die() -> None:
    os._exit(1)  # like a crash or the OOM killer: no exception, no clean-up


def nap(seconds: float) -> float:
    time.sleep(seconds)
    return seconds


def main() -> list[str]:
    seen = []
    with ProcessPoolExecutor(max_workers=1) as executor:
        doomed = executor.submit(die)
        queued = executor.submit(nap, 1.0)  # waits for the one worker
        for name, future in (("die()", doomed), ("nap(1.0), queued behind it", queued)):
            try:
                future.result(timeout=10)
                seen.append(f"{name}: finished")
            except BrokenProcessPool as error:
                seen.append(f"{name}: BrokenProcessPool: {error}")
        try:
            executor.submit(nap, 0)
        except BrokenProcessPool as error:
            seen.append(f"submit() afterwards: BrokenProcessPool: {error}")
    for line in seen:
        print(line)
    return [line.split(":")[1].strip() for line in seen]


if __name__ == "__main__":
    main()
