"""submit() every task, then take the results with as_completed(): in the order the tasks
end, not the order they were sent, drawn from the run."""

import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed

# Eight tasks of unequal length (seconds); sleeping stands for the work.
DURATIONS = [0.30, 0.05, 0.05, 0.20, 0.05, 0.10, 0.05, 0.05]


def task(n: int) -> tuple[int, int, int, int]:
    """Task n, and which process ran it from when to when. time.time_ns() is the system
    clock, which every process reads alike; perf_counter() is only comparable within one."""
    started = time.time_ns()
    time.sleep(DURATIONS[n])
    return n, os.getpid(), started, time.time_ns()


def main() -> list[int]:
    with ProcessPoolExecutor(max_workers=2) as executor:
        list(executor.map(time.sleep, [0.05, 0.05]))  # both workers up before the timing
        origin = time.time_ns()
        futures = [executor.submit(task, n) for n in range(len(DURATIONS))]
        received = [(*future.result(), time.time_ns()) for future in as_completed(futures)]
    by_start = sorted(received, key=lambda got: got[2])  # the bars, in the order they began
    pids = list(dict.fromkeys(pid for _, pid, *_ in by_start))
    workers = {pid: f"worker {number}" for number, pid in enumerate(pids, 1)}
    spans = [(workers[pid], str(n), "busy", start, end) for n, pid, start, end, _ in by_start]
    order = [n for n, *_ in received]
    print(f"submitted in the order {' '.join(map(str, range(len(DURATIONS))))}")
    print(f"received in the order  {' '.join(map(str, order))}")
    first = (received[0][-1] - origin) / 1e6
    summary = (
        f"{len(spans)} tasks on {len(pids)} workers; as_completed() gave the main process task"
        f" {order[0]} first, at {first:.0f} ms, and the long task 0 in place {order.index(0) + 1}."
    )
    draw_timeline(
        "timeline_as_completed.svg",
        "ProcessPoolExecutor: submit() and as_completed()",
        summary,
        spans + arrival_marks(received),
        origin,
        legend={"busy": "running task n"},
    )
    return order


# The rest of this file draws the timeline (standard library only: the picture needs no plotting
# package).


def arrival_marks(received: list[tuple]) -> list[tuple]:
    """Marks where the main process got results. Results under 5 ms apart share a mark,
    drawn when the last of them arrived."""
    marks: list[tuple[int, str]] = []
    for n, *_, got in received:
        if marks and got - marks[-1][0] < 5_000_000:
            marks[-1] = (got, f"{marks[-1][1]} {n}")
        else:
            marks.append((got, str(n)))
    return [("main process", tasks, "received", got, got) for got, tasks in marks]


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
