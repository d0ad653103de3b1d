"""Snippets stand alone, so a few helpers are copied into several of them: the copies agree."""

from __future__ import annotations

import ast
import collections

import pytest
from snippet_execution import SNIPPETS

# Helpers written once and copied into every snippet that needs them.
COPIED_HELPERS = [
    "compared",
    "draw_timeline",
    "interleaved_medians",
    "most_at_once",
    "ignore_shutdown_races",
    "plot_seconds",
    "press_ctrl_c",
    "usable_cpus",
]


def definitions(name: str) -> dict[str, str]:
    """Each snippet's top-level definition of ``name``: snippet path -> source."""
    found = {}
    for path in sorted(SNIPPETS.rglob("*.py")):
        source = path.read_text()
        for node in ast.parse(source).body:
            if isinstance(node, ast.FunctionDef) and node.name == name:
                found[str(path.relative_to(SNIPPETS))] = ast.get_source_segment(source, node)
    return found


@pytest.mark.parametrize("helper", COPIED_HELPERS)
def test_every_copy_of_a_helper_is_the_same(helper: str):
    copies = definitions(helper)
    assert len(copies) >= 2, f"{helper} is no longer copied: take it off the list"
    variants = collections.Counter(copies.values())
    assert len(variants) == 1, f"copies of {helper} differ: {sorted(copies)}"
