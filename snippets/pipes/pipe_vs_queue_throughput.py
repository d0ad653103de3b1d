"""Messages per second and MB/s from one process to another through a Pipe and a Queue."""

import multiprocessing
import statistics
import time

MESSAGES = {100: 20_000, 10_000: 5_000, 1_000_000: 100}  # message size in bytes: messages per run


def label(size: int) -> str:
    return {100: "100 B", 10_000: "10 KB", 1_000_000: "1 MB"}.get(size, f"{size} B")


def pipe_sender(send_end, go, size: int, count: int) -> None:
    payload = b"x" * size
    send_end.send("ready")
    go.wait()
    for _ in range(count):
        send_end.send(payload)
    send_end.close()


def queue_sender(q, go, size: int, count: int) -> None:
    payload = b"x" * size
    q.put("ready")
    go.wait()
    for _ in range(count):
        q.put(payload)


def timed_run(kind: str, size: int, count: int) -> tuple[float, int]:
    """Send count messages of size bytes from a child; return (seconds, bytes received)."""
    go = multiprocessing.Event()
    if kind == "pipe":
        receive_end, send_end = multiprocessing.Pipe(duplex=False)
        sender = multiprocessing.Process(target=pipe_sender, args=(send_end, go, size, count))
        receive = receive_end.recv
    else:
        q = multiprocessing.Queue()
        sender = multiprocessing.Process(target=queue_sender, args=(q, go, size, count))
        receive = q.get
    sender.start()
    receive()  # "ready": the child is up, so its start-up is not timed
    started = time.perf_counter()
    go.set()
    received = sum(len(receive()) for _ in range(count))
    seconds = time.perf_counter() - started
    sender.join()
    if kind == "pipe":
        send_end.close()
        receive_end.close()
    else:
        q.close()
    return seconds, received


def main(messages: dict[int, int] = MESSAGES, repeats: int = 3) -> list[dict]:
    results = []
    print(f"{'size':>6} {'channel':>7} {'messages/s':>12} {'MB/s':>8}")
    for size, count in messages.items():
        row = {"size": size, "messages": count}
        runs = {"pipe": [], "queue": []}
        for kind in runs:
            timed_run(kind, size, min(count, 100))  # warm-up, not counted
        for _ in range(repeats):  # alternated, so a busy moment slows both alike
            for kind, kind_runs in runs.items():
                kind_runs.append(timed_run(kind, size, count))
        for kind, kind_runs in runs.items():
            seconds = statistics.median(s for s, _ in kind_runs)
            row[f"{kind}_bytes"] = [received for _, received in kind_runs]
            row[f"{kind}_messages_per_s"] = count / seconds
            row[f"{kind}_MB_per_s"] = count * size / seconds / 1e6
            print(
                f"{label(size):>6} {kind:>7} {count / seconds:>12,.0f}"
                f" {count * size / seconds / 1e6:>8,.1f}"
            )
        row["ratio"] = row["pipe_messages_per_s"] / row["queue_messages_per_s"]
        results.append(row)
    for row in results:
        print(
            f"pipe/queue throughput ratio at {label(row['size'])}: {row['ratio']:.2f}x,"
            f" {verdict(row['ratio'])}"
        )
    faster = all(verdict(row["ratio"]) == "Pipe faster" for row in results)
    print(f"Pipe faster than Queue at every size measured: {faster}")
    print(f"(median of {repeats} alternated runs after a warm-up; messages per run: ", end="")
    print(", ".join(f"{row['messages']:,} of {label(row['size'])}" for row in results) + ")")
    return results


def verdict(ratio: float) -> str:
    """Read off the ratio as printed: within 5% of 1, neither was faster."""
    shown = round(ratio, 2)
    if shown >= 1.05:
        return "Pipe faster"
    if shown <= 0.95:
        return "Queue faster"
    return "about as fast"


if __name__ == "__main__":
    main()
