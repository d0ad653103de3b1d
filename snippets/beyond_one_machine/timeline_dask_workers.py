"""The same eight unequal tasks as on the Pool page, on two Dask worker processes: which
worker ran which task, and when, drawn from the run."""

import logging
import os
import time

from dask.distributed import Client, LocalCluster

# Eight tasks of unequal length (seconds); sleeping stands for the work.
DURATIONS = [0.30, 0.05, 0.05, 0.20, 0.05, 0.10, 0.05, 0.05]


def task(n: int) -> tuple[int, int, int, int]:
    """Task n, and which process ran it from when to when. time.time_ns() is the system
    clock, which every process reads alike; perf_counter() is only comparable within one."""
    started = time.time_ns()
    time.sleep(DURATIONS[n])
    return n, os.getpid(), started, time.time_ns()


def main() -> dict[str, object]:
    with (
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",
        ) as cluster,
        Client(cluster) as client,
    ):
        worker_pids = client.run(os.getpid)  # {worker address: pid}
        origin = time.time_ns()
        futures = client.map(task, range(len(DURATIONS)), pure=False)
        done = client.gather(futures)
        client.run(ignore_shutdown_races)
    rows = {pid: f"worker {k}" for k, pid in enumerate(sorted(worker_pids.values()), 1)}
    spans = [(rows[pid], str(n), "busy", start, end) for n, pid, start, end in done]
    per_worker = {
        row: sorted(int(label) for name, label, *_ in spans if name == row) for row in rows.values()
    }
    most = most_at_once(spans)
    finished = (max(end for *_, end in done) - origin) / 1e6
    for row, tasks in per_worker.items():
        print(f"{row} ran tasks {' '.join(map(str, tasks))}")
    print(f"tasks running at once: at most {most}; all done at {finished:.0f} ms")
    summary = (
        f"{len(done)} tasks on {len(rows)} Dask worker processes, at most {most} running at"
        f" once; all done at {finished:.0f} ms (the scheduler started them as workers freed up)."
    )
    draw_timeline(
        "timeline_dask_workers.svg",
        "Dask: the same tasks on two worker processes",
        summary,
        spans,
        origin,
        legend={"busy": "running task n"},
    )
    return {"tasks": sorted(int(label) for _, label, *_ in spans), "most_at_once": most}


# The rest of this file counts overlapping tasks and draws the timeline (standard library only:
# the picture needs no plotting package), and quiets a harmless log line at shutdown.


def ignore_shutdown_races() -> None:
    """Run on every worker just before the cluster closes: while workers and scheduler stop,
    a worker's heartbeat can race the scheduler's goodbye and log a traceback that reports
    nothing wrong (dask/distributed#7105). Only those two messages are dropped."""
    benign = ("Failed to communicate with scheduler during heartbeat", "Scheduler was unaware")
    logging.getLogger("distributed.worker").addFilter(
        lambda record: not record.getMessage().startswith(benign)
    )


def most_at_once(spans: list[tuple]) -> int:
    """The largest number of spans in progress at the same moment."""
    return max(sum(start <= begin < end for *_, start, end in spans) for *_, begin, _ in spans)


def draw_timeline(file_name, title, summary, spans, origin_ns, axis_ms=None, legend=None):
    """Write `spans` as an SVG timeline: one row per process, one bar per span, and time on
    the x axis in milliseconds from `origin_ns`. A span is (process, label, kind, start_ns,
    end_ns), timed with time.time_ns(); kind is "busy", "waiting", "holding" or "received"
    (a result reaching the main process: a mark, not a bar). `legend` names what each kind
    means here. Only the standard library: the picture needs no plotting package."""
    import textwrap
    from xml.sax.saxutils import escape, quoteattr

    styles = {  # fill, text colour, outline: the kinds differ in more than colour
        "busy": ("#3f51b5", "#ffffff", ""),
        "waiting": ("url(#hatch)", "#1a1a1a", ' stroke="#555555" stroke-dasharray="4 2"'),
        "holding": ("#ffb74d", "#1a1a1a", ' stroke="#8a4b00"'),
        "received": ("#1a1a1a", "#1a1a1a", ""),
    }
    names = {"busy": "running a task", "waiting": "waiting", "holding": "holding"}
    names |= {"received": "result received"} | (legend or {})
    rows = list(dict.fromkeys(process for process, *_ in spans))
    end_ms = axis_ms or max(end - origin_ns for *_, end in spans) / 1e6
    tick = next(t for t in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000) if end_ms / t <= 8)
    left, width, row_height = 130, 620, 30
    summary_lines = textwrap.wrap(summary, 110)
    top = 34 + 16 * len(summary_lines)
    height = top + row_height * len(rows) + 56

    def x(ns: int) -> float:
        return left + width * (ns - origin_ns) / 1e6 / end_ms

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 20}" height="{height}"'
        f' viewBox="0 0 {left + width + 20} {height}" role="img" font-family="sans-serif">',
        f"<title>{escape(title)}</title><desc>{escape(summary)}</desc>",
        '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse"'
        ' patternTransform="rotate(45)"><rect width="6" height="6" fill="#eeeeee"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#999999" stroke-width="2"/></pattern></defs>',
        '<rect width="100%" height="100%" fill="#ffffff"/>',
        f'<text x="10" y="22" font-size="15" font-weight="bold">{escape(title)}</text>',
    ]
    for n, line in enumerate(summary_lines):
        out.append(f'<text x="10" y="{42 + 16 * n}" font-size="12">{escape(line)}</text>')
    for row, process in enumerate(rows):
        y = top + row * row_height
        out.append(
            f'<text x="{left - 8}" y="{y + 19}" font-size="12" text-anchor="end">'
            f"{escape(process)}</text>"
        )
        label_end = 0.0
        for owner, label, kind, start, end in spans:
            if owner != process:
                continue
            fill, ink, outline = styles[kind]
            bar_x, bar_width = x(start), max(x(end) - x(start) - 1, 3)  # a gap between bars
            times = f"{(start - origin_ns) / 1e6:.1f} to {(end - origin_ns) / 1e6:.1f} ms"
            out.append(
                f'<rect class="span" x="{bar_x:.1f}" y="{y + 4}" width="{bar_width:.1f}"'
                f' height="22" fill="{fill}"{outline} data-process={quoteattr(process)}'
                f' data-label={quoteattr(label)} data-kind="{kind}"'
                f' data-start-ms="{(start - origin_ns) / 1e6:.3f}"'
                f' data-end-ms="{(end - origin_ns) / 1e6:.3f}">'
                f"<title>{escape(f'{process}: {label}, {names[kind]}, {times}')}</title></rect>"
            )
            text_x = bar_x + bar_width + 3 if kind == "received" else bar_x + 4
            fits = kind == "received" or 7 * len(label) + 6 <= bar_width
            if fits and text_x >= label_end:
                out.append(
                    f'<text x="{text_x:.1f}" y="{y + 19}" font-size="12" fill="{ink}">'
                    f"{escape(label)}</text>"
                )
                label_end = text_x + 7 * len(label) + 4
    axis_y = top + row_height * len(rows) + 6
    out.append(
        f'<line x1="{left}" y1="{axis_y}" x2="{left + width}" y2="{axis_y}" stroke="#1a1a1a"/>'
    )
    for n in range(int(end_ms // tick) + 1):
        tick_x = left + width * n * tick / end_ms
        out.append(
            f'<line x1="{tick_x:.1f}" y1="{axis_y}" x2="{tick_x:.1f}" y2="{axis_y + 5}"'
            f' stroke="#1a1a1a"/><text x="{tick_x:.1f}" y="{axis_y + 18}" font-size="11"'
            f' text-anchor="middle">{n * tick}</text>'
        )
    out.append(f'<text x="{left - 8}" y="{axis_y + 18}" font-size="11" text-anchor="end">ms</text>')
    legend_x = left
    for kind in dict.fromkeys(kind for _, _, kind, _, _ in spans):
        fill, _, outline = styles[kind]
        out.append(
            f'<rect x="{legend_x}" y="{axis_y + 32}" width="{6 if kind == "received" else 18}"'
            f' height="14" fill="{fill}"{outline}/><text x="{legend_x + 24}" y="{axis_y + 43}"'
            f' font-size="12">{escape(names[kind])}</text>'
        )
        legend_x += 36 + 7 * len(names[kind])
    out.append("</svg>")
    with open(file_name, "w", encoding="utf-8") as svg:
        svg.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
