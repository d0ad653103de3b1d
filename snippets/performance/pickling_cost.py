"""What sending data to a worker costs: pickling alone, and a round trip, against payload size."""

import pickle
import statistics
import time
from concurrent.futures import ProcessPoolExecutor

SIZES = [1_000, 10_000, 100_000, 1_000_000, 4_000_000]  # pickled size in bytes, roughly


def payload(kind: str, size: int) -> bytes | list[float]:
    if kind == "bytes":
        return bytes(size)
    return [i * 0.5 for i in range(size // 9)]  # a float pickles to 9 bytes


def pickle_round_trip(data) -> int:
    return len(pickle.loads(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)))


def median_seconds(job, repeats: int) -> float:
    """Median time of one call over `repeats` measurements, after a warm-up that is not counted.

    A measurement repeats the call until 20 ms have passed, so tiny payloads are timed too.
    """
    job()
    times = []
    for _ in range(repeats):
        calls, started = 0, time.perf_counter()
        while (elapsed := time.perf_counter() - started) < 0.02:
            job()
            calls += 1
        times.append(elapsed / calls)
    return statistics.median(times)


def plot(rows: list[dict[str, object]]) -> None:
    # Imported here, not at the top: spawn and forkserver workers re-import this module,
    # and none of them needs matplotlib.
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6.4, 3.8), layout="constrained")
    axes = fig.subplots()
    styles = {"bytes": "#3f51b5", "list of floats": "#e65100"}
    for kind, color in styles.items():
        mine = [row for row in rows if row["kind"] == kind]
        sizes = [row["pickled_bytes"] for row in mine]
        axes.plot(
            sizes,
            [row["pickle_s"] * 1e3 for row in mine],
            "o--",
            color=color,
            label=f"{kind}: pickle + unpickle",
        )
        axes.plot(
            sizes,
            [row["worker_s"] * 1e3 for row in mine],
            "s-",
            color=color,
            label=f"{kind}: sent to a worker",
        )
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("pickled payload size (bytes, log scale)")
    axes.set_ylabel("time per payload (ms, log scale)")
    axes.grid(alpha=0.3, which="both")
    axes.legend()
    axes.set_title("The cost of moving data to a worker grows with its size")
    title = (
        "Log-log line chart of milliseconds per payload against pickled size in bytes, for"
        " bytes and for a list of floats, pickled in-process and sent to a worker process."
    )
    fig.savefig("pickling_cost.svg", facecolor="white", metadata={"Title": title, "Date": None})


def main(sizes: list[int] = SIZES, repeats: int = 3) -> list[dict[str, object]]:
    print(f"median of {repeats} measurements after a warm-up; worker started before timing")
    print(f"{'payload':<16}{'pickled':>12}{'pickle ms':>11}{'to worker ms':>14}{'MB/s':>8}")
    rows = []
    with ProcessPoolExecutor(max_workers=1) as pool:
        for kind in ("bytes", "list of floats"):
            for size in sizes:
                data = payload(kind, size)
                pickled = len(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL))
                pickle_s = median_seconds(lambda d=data: pickle_round_trip(d), repeats)
                # The worker returns only the length, so this is the cost of sending `data`.
                received = pool.submit(len, data).result()
                worker_s = median_seconds(lambda d=data: pool.submit(len, d).result(), repeats)
                rows.append(
                    {
                        "kind": kind,
                        "items": len(data),
                        "received": received,
                        "pickled_bytes": pickled,
                        "pickle_s": pickle_s,
                        "worker_s": worker_s,
                    }
                )
                print(
                    f"{kind:<16}{pickled:>12,}{pickle_s * 1e3:>11.3f}{worker_s * 1e3:>14.3f}"
                    f"{pickled / worker_s / 1e6:>8.0f}"
                )
    plot(rows)
    return rows


if __name__ == "__main__":
    main()
