"""Which snippet ran on which Python, and how: kept from the test runs, shown as one table.

Every test session (`pytest`, and `nox` on each installed Python) keeps its outcomes: for
each snippet, its run as a script (the default start method) and its ``main()`` under each
start method the tests made the default. The Compatibility page reads what all sessions kept;
nothing here runs a snippet.
"""

from __future__ import annotations

import datetime
import hashlib
import html
import json
import time
from pathlib import Path

from snippet_execution import records_dir
from snippet_pages import compatibility_row, declarations

COLUMNS = ["script", "fork", "spawn", "forkserver"]


def outcomes_file(interpreter: str) -> Path:
    name = hashlib.sha256(interpreter.encode()).hexdigest()[:16]
    return records_dir() / "compatibility" / f"{name}.json"


def keep_outcomes(facts: dict, interpreter: str, cells: dict[str, dict]) -> None:
    """Merge one session's outcomes (``"snippet|column" -> {outcome, detail}``) into its file."""
    path = outcomes_file(interpreter)
    try:
        kept = json.loads(path.read_text())
    except (OSError, ValueError):
        kept = {"cells": {}}
    now = time.time()
    kept["cells"].update({cell: {**value, "at": now} for cell, value in cells.items()})
    kept.update(python=facts["python"], system=facts["system"], interpreter=interpreter)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".tmp")
    partial.write_text(json.dumps(kept, indent=1, sort_keys=True))
    partial.replace(path)


def compatibility_page() -> str:
    """The table: one row per run shown on the site, one column per Python tested."""
    sessions = []
    for path in sorted((records_dir() / "compatibility").glob("*.json")):
        sessions.append(json.loads(path.read_text()))
    if not sessions:
        return (
            "No test run has been kept on this machine yet: run `pytest` (and `nox` for the"
            " other installed Pythons), then build again."
        )
    sessions.sort(key=lambda session: [int(part) for part in session["python"].split(".")])
    header = "".join(
        f"<th>CPython {html.escape(session['python'])} on {html.escape(session['system'])}</th>"
        for session in sessions
    )
    rows = []
    for (name, args), (page, expected) in sorted(declarations().items()):
        where = " ".join([name, *args])
        cells = "".join(
            f"<td>{cell(session['cells'], where, expected.exit_code)}</td>" for session in sessions
        )
        link = f'<a href="../{page.removeprefix("docs/").removesuffix(".md")}/">{page}</a>'
        rows.append(
            f'<tr id="{compatibility_row(name, args)}"><td><code>{html.escape(where)}</code>'
            f"<br>{link}</td>{cells}</tr>"
        )
    return "\n".join(
        [
            summary(sessions),
            '<table class="compatibility">',
            f"<thead><tr><th>snippet</th>{header}</tr></thead>",
            "<tbody>",
            *rows,
            "</tbody></table>",
        ]
    )


def summary(sessions: list[dict]) -> str:
    times = [value["at"] for session in sessions for value in session["cells"].values()]
    first, last = (
        datetime.datetime.fromtimestamp(moment, datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
        for moment in (min(times), max(times))
    )
    return (
        f"<p>From the test runs kept on the machine that built this site, between {first} and"
        f" {last}: {len(sessions)} Python versions.</p>"
    )


def cell(cells: dict[str, dict], where: str, declared_exit: int) -> str:
    """One snippet on one Python: each way it ran, passed or failed, and why it failed."""
    parts = []
    for column in COLUMNS:
        value = cells.get(f"{where}|{column}")
        if value is None:
            continue
        passed = value["outcome"] == "passed"
        mark = "✓" if passed else "✗ failed"
        what = "as a script" if column == "script" else f"main() under {column}"
        note = ""
        if column == "script" and passed and declared_exit:
            note = f" (fails on purpose, as its page shows: exit {declared_exit})"
        if not passed and value.get("detail"):
            note = f": {html.escape(value['detail'])}"
        parts.append(f"{mark} {what}{note}")
    return "<br>".join(parts) or "not run"
