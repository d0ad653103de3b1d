"""Checks that a benchmark's verdict agrees with the times it printed beside it.

The snippets call a difference of less than 20% either way "about as fast as" (their
``compared()``). These checks read only the printed times, and leave a margin for their
rounding: a verdict says "faster than" only if the time printed is lower, "slower than" only
if it is higher, and a difference of more than 30% is never called "about as fast as".
"""

from __future__ import annotations

import re

VERDICTS = ("faster than", "slower than", "about as fast as")


def verdict_word(text: str) -> str:
    """The one comparison a verdict makes."""
    found = [word for word in VERDICTS if word in text]
    assert len(found) == 1, f"not one comparison in {text!r}"
    return found[0]


def assert_agrees(text: str, baseline_s: float, measured_s: float) -> None:
    """``text`` compares ``measured_s`` with ``baseline_s`` (both as printed)."""
    word = verdict_word(text)
    if word == "faster than":
        assert measured_s < baseline_s, text
    elif word == "slower than":
        assert measured_s > baseline_s, text
    if measured_s * 1.3 < baseline_s:
        assert word == "faster than", text
    if measured_s > baseline_s * 1.3:
        assert word == "slower than", text


def seconds_in(line: str) -> list[float]:
    """Every number printed with three decimals on a line (the snippets' seconds)."""
    return [float(number) for number in re.findall(r"(?<![\d.])\d+\.\d{3}(?![\d.])", line)]
