"""Start-up time and memory per worker: threads against processes, under a given start method."""

import multiprocessing
import os
import queue
import statistics
import sys
import threading
import time
from pathlib import Path

WORKERS = 8
THREAD_ROUNDS = 5  # starting threads takes well under a millisecond: one pause of the machine
# would swamp a single round, so they are timed several times and the median is kept


def wait_until_stopped(ready, stop) -> None:
    """A worker that reports it is running, then idles until told to stop."""
    ready.put(os.getpid())
    stop.wait(timeout=30)  # bounded, so a lost parent can never leave it waiting forever


def memory_kib(pid: int | str = "self") -> dict[str, int] | None:
    """Resident set size and private (unshared) memory in KiB, from /proc on Linux."""
    status, rollup = Path(f"/proc/{pid}/status"), Path(f"/proc/{pid}/smaps_rollup")
    if not status.exists():
        return None
    fields = dict(line.split(":", 1) for line in status.read_text().splitlines())
    memory = {"rss": int(fields["VmRSS"].split()[0])}
    if rollup.exists():  # Linux 4.14+; private pages are the ones this process alone holds
        rows = [line.split() for line in rollup.read_text().splitlines()[1:]]
        kib = {row[0].rstrip(":"): int(row[1]) for row in rows}
        memory["private"] = kib["Private_Clean"] + kib["Private_Dirty"]
    return memory


def in_units(kib: float) -> str:
    return f"{kib / 1024:.1f} MiB" if abs(kib) >= 1024 else f"{kib:.0f} KiB"


def start_threads(count: int) -> tuple[float, dict[str, int] | None, int]:
    ready, stop = queue.Queue(), threading.Event()
    before = memory_kib()
    started = time.perf_counter()
    workers = [
        threading.Thread(target=wait_until_stopped, args=(ready, stop)) for _ in range(count)
    ]
    for worker in workers:
        worker.start()
    running = [ready.get(timeout=10) for _ in range(count)]
    seconds = time.perf_counter() - started
    after = memory_kib()
    stop.set()
    for worker in workers:
        worker.join()
    # Threads share the process: their cost is what the whole process grew by.
    grown = None if before is None else {key: after[key] - before[key] for key in after}
    return seconds, grown, len(running)


def start_processes(count: int, method: str) -> tuple[float, dict[str, int] | None, int]:
    context = multiprocessing.get_context(method)
    ready, stop = context.Queue(), context.Event()
    started = time.perf_counter()
    workers = [context.Process(target=wait_until_stopped, args=(ready, stop)) for _ in range(count)]
    for worker in workers:
        worker.start()
    pids = [ready.get(timeout=30) for _ in range(count)]
    seconds = time.perf_counter() - started
    measured = [memory_kib(pid) for pid in pids]
    stop.set()
    for worker in workers:
        worker.join()
    if None in measured:
        return seconds, None, len(pids)
    # Each process is a whole interpreter of its own: its cost is its own memory.
    total = {key: sum(memory[key] for memory in measured) for key in measured[0]}
    return seconds, total, len(pids)


def main(method: str | None = None, workers: int = WORKERS) -> dict[str, object]:
    method = method or multiprocessing.get_start_method()
    print(f"start method {method}; {workers} workers of each kind; each worker idles once running")
    print(f"(threads started {THREAD_ROUNDS} times, the median kept; memory from the first time)")
    rounds = [start_threads(workers) for _ in range(THREAD_ROUNDS)]
    thread_seconds = statistics.median(seconds for seconds, _, _ in rounds)
    _, thread_memory, threads_ran = rounds[0]
    process_seconds, process_memory, processes_ran = start_processes(workers, method)
    print(f"{'per worker':<22}{'threads':>12}{'processes':>12}{'ratio':>9}")
    ratio = process_seconds / thread_seconds
    print(
        f"{'start-up (ms)':<22}{thread_seconds / workers * 1000:>12.3f}"
        f"{process_seconds / workers * 1000:>12.3f}{ratio:>8.0f}x"
    )
    memory_measured = thread_memory is not None and process_memory is not None
    if not memory_measured:
        print(f"memory not measured: no /proc on {sys.platform}")
    else:
        for key, label in (("rss", "resident set (KiB)"), ("private", "private (KiB)")):
            if key in process_memory:
                per_thread = thread_memory[key] / workers
                per_process = process_memory[key] / workers
                ratio = f"{per_process / per_thread:>8.0f}x" if per_thread > 0 else f"{'-':>9}"
                print(f"{label:<22}{per_thread:>12.0f}{per_process:>12.0f}{ratio}")
    # The verdicts, read off this run's own numbers.
    ratio = process_seconds / thread_seconds
    longer = "longer than" if round(ratio, 1) >= 1.2 else "no longer than"
    print(f"verdict: starting a process took {longer} starting a thread ({ratio:.1f}x)")
    if memory_measured and "private" in process_memory:
        per_thread, per_process = (
            memory["private"] / workers for memory in (thread_memory, process_memory)
        )
        print(
            f"verdict: per worker, a thread added {in_units(per_thread)} of private memory,"
            f" a process {in_units(per_process)}"
        )
        own = process_memory["private"] / process_memory["rss"]
        print(f"verdict: {own:.0%} of a process's resident set was its own; it shared the rest")
    return {
        "method": method,
        "threads_ran": threads_ran,
        "processes_ran": processes_ran,
        "memory_measured": memory_measured,
    }


if __name__ == "__main__":
    main(*sys.argv[1:2])
