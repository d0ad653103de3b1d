"""What sending data to a worker costs: pickling alone, and a round trip, against payload size."""

import pickle
import statistics
import time
from concurrent.futures import ProcessPoolExecutor

SIZES = [1_000, 10_000, 100_000, 1_000_000, 4_000_000]  # pickled size in bytes, roughly
KINDS = ("bytes", "list of floats")


def payload(kind: str, size: int) -> bytes | list[float]:
    if kind == "bytes":
        return bytes(size)
    return [i * 0.5 for i in range(size // 9)]  # a float pickles to 9 bytes


def pickle_round_trip(data) -> int:
    return len(pickle.loads(pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)))


def main(sizes: list[int] = SIZES, repeats: int = 3) -> list[dict[str, object]]:
    print(f"median of {repeats} measurements after a warm-up; worker started before timing")
    print(f"{'payload':<16}{'pickled':>12}{'pickle ms':>11}{'to worker ms':>14}{'MB/s':>8}")
    rows = []
    with ProcessPoolExecutor(max_workers=1) as pool:
        for kind in KINDS:
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
    verdicts(rows)
    plot(rows)
    return rows


# The rest of this file times the runs, words the verdicts and draws the plot: plumbing, not the
# lesson.


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


def verdicts(rows: list[dict[str, object]]) -> None:
    """What this run's numbers say, for the smallest and the largest payloads."""
    by_kind = {kind: [row for row in rows if row["kind"] == kind] for kind in KINDS}
    trip = {kind: mine[0]["worker_s"] / mine[0]["pickle_s"] for kind, mine in by_kind.items()}
    cost = "the round trip, not pickling, is the cost"
    if min(trip.values()) < 10:
        cost = "pickling is much of the cost"
    print(
        f"smallest: sending took {trip['bytes']:.0f}x (bytes), {trip['list of floats']:.0f}x"
        f" (list) as long as pickling: {cost}"
    )
    if len(rows) < 2 * len(KINDS):
        return
    size_ratio = by_kind["bytes"][-1]["pickled_bytes"] / by_kind["bytes"][-2]["pickled_bytes"]
    grew = {kind: mine[-1]["worker_s"] / mine[-2]["worker_s"] for kind, mine in by_kind.items()}
    grows = "the time grows with the size"
    if min(grew.values()) < size_ratio / 2:
        grows = "the time grows much less than the size"
    print(
        f"largest: {size_ratio:.1f}x the size took {grew['bytes']:.1f}x (bytes),"
        f" {grew['list of floats']:.1f}x (list) as long to send: {grows}"
    )
    per_byte = {
        kind: mine[-1]["worker_s"] / mine[-1]["pickled_bytes"] for kind, mine in by_kind.items()
    }
    ratio = round(per_byte["list of floats"] / per_byte["bytes"], 2)  # as printed
    more = "more than" if ratio >= 1.2 else "less than" if ratio <= 0.83 else "about as much as"
    print(f"per byte sent at the largest size: a list of floats cost {more} bytes ({ratio:.2f}x)")


def plot(rows: list[dict[str, object]]) -> None:
    # Imported here, not at the top: spawn and forkserver workers re-import this module,
    # and none of them needs matplotlib.
    try:
        import matplotlib
        from matplotlib.figure import Figure
    except ImportError:
        print("matplotlib is not installed: no plot (pip install matplotlib to draw it)")
        return

    fig = Figure(figsize=(6.4, 3.8), layout="constrained")
    axes = fig.subplots()
    styles = dict(zip(KINDS, ("#3f51b5", "#e65100"), strict=True))
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
    with matplotlib.rc_context({"svg.fonttype": "none"}):  # text as text: a smaller file
        fig.savefig("pickling_cost.svg", facecolor="white", metadata={"Title": title, "Date": None})


if __name__ == "__main__":
    main()
