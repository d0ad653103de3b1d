"""Three processes take turns at one Lock: the time each spends waiting for it, drawn apart
from the time it holds it, from the run."""

import multiprocessing
import time

PROCESSES = 3
ROUNDS = 3
HOLD = 0.06  # seconds inside the critical section; sleeping stands for the work
OUTSIDE = 0.02  # seconds of work outside it, between two turns


def worker(lock, start, name: str, spans) -> None:
    """Take the lock ROUNDS times, and report when it asked, got and released it.
    time.time_ns() is the system clock, which every process reads alike."""
    start.wait(timeout=30)  # every process up before the first turn: they really compete
    for turn in range(1, ROUNDS + 1):
        time.sleep(OUTSIDE)
        asked = time.time_ns()
        with lock:
            got = time.time_ns()
            time.sleep(HOLD)
            released = time.time_ns()
        spans.put((name, str(turn), asked, got, released))


def main() -> dict[str, int]:
    lock = multiprocessing.Lock()
    start = multiprocessing.Barrier(PROCESSES)
    spans = multiprocessing.Queue()
    names = [f"process {n}" for n in range(1, PROCESSES + 1)]
    workers = [
        multiprocessing.Process(target=worker, args=(lock, start, name, spans)) for name in names
    ]
    for process in workers:
        process.start()
    turns = [spans.get(timeout=30) for _ in range(PROCESSES * ROUNDS)]  # before join()
    for process in workers:
        process.join()
    turns.sort(key=lambda turn: (names.index(turn[0]), turn[2]))
    holding = [(name, turn, "holding", got, released) for name, turn, _, got, released in turns]
    waiting = [(name, turn, "waiting", asked, got) for name, turn, asked, got, _ in turns]
    most = most_at_once(holding)
    longest = max(got - asked for _, _, asked, got, _ in turns) / 1e6
    waited = sum(1 for _, _, asked, got, _ in turns if got - asked > 1_000_000)
    print(f"{len(turns)} turns at the lock by {PROCESSES} processes")
    print(f"processes holding the lock at once: at most {most}")
    print(f"turns that waited over 1 ms for it: {waited} (the longest {longest:.0f} ms)")
    summary = (
        f"{PROCESSES} processes took the lock {len(turns)} times; at most {most} held it at"
        f" any moment, and {waited} turns waited for it, the longest {longest:.0f} ms."
    )
    draw_timeline(
        "timeline_lock.svg",
        "Lock: waiting drawn apart from holding",
        summary,
        [span for pair in zip(waiting, holding, strict=True) for span in pair],
        min(asked for _, _, asked, _, _ in turns),
        legend={"waiting": "waiting for the lock", "holding": "holding the lock (turn n)"},
    )
    return {"turns": len(turns), "most_at_once": most, "waited": waited}


# The rest of this file counts overlapping spans and draws the timeline (standard library only:
# the picture needs no plotting package).


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
