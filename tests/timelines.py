"""Reading a timeline a snippet drew: its bars, as the SVG on the page carries them.

Each bar is a ``<rect class="span">`` with the process, label, kind and times (ms from the
timeline's origin) that the snippet measured; the invariants are checked on these.
"""

from __future__ import annotations

import collections
import itertools
import xml.etree.ElementTree as ElementTree
from typing import NamedTuple

SVG = "{http://www.w3.org/2000/svg}"


class Span(NamedTuple):
    process: str
    label: str
    kind: str
    start: float
    end: float


def spans(svg: str, kind: str | None = None) -> list[Span]:
    """The timeline's bars (of one kind, if given), in the order drawn."""
    found = [
        Span(
            rect.get("data-process"),
            rect.get("data-label"),
            rect.get("data-kind"),
            float(rect.get("data-start-ms")),
            float(rect.get("data-end-ms")),
        )
        for rect in ElementTree.fromstring(svg).iter(f"{SVG}rect")
        if rect.get("class") == "span"
    ]
    assert found, "the timeline has no bars"
    return [span for span in found if kind is None or span.kind == kind]


def title(svg: str) -> str:
    return ElementTree.fromstring(svg).findtext(f"{SVG}title")


def most_at_once(bars: list[Span]) -> int:
    """The largest number of bars in progress at the same moment."""
    return max(sum(other.start <= bar.start < other.end for other in bars) for bar in bars)


def overlaps_within_a_process(bars: list[Span]) -> list[tuple[Span, Span]]:
    """Pairs of bars of one process that overlap in time."""
    by_process = collections.defaultdict(list)
    for bar in bars:
        by_process[bar.process].append(bar)
    pairs = []
    for row in by_process.values():
        row.sort(key=lambda bar: bar.start)
        pairs += [pair for pair in itertools.pairwise(row) if pair[1].start < pair[0].end]
    return pairs
