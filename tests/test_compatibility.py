"""The Compatibility page: every run shown on the site, on each Python the tests ran."""

from __future__ import annotations

import snippet_compatibility
from snippet_pages import declarations


def test_the_page_shows_each_sessions_outcomes_and_why_a_cell_failed(tmp_path, monkeypatch):
    monkeypatch.setenv("SNIPPETS_CACHE_DIR", str(tmp_path))
    assert "No test run has been kept" in snippet_compatibility.compatibility_page()
    facts = {"python": "3.12.1", "system": "Linux"}
    snippet_compatibility.keep_outcomes(
        facts,
        "/py312/bin/python",
        {
            "pool/map_squares.py|script": {"outcome": "passed", "detail": ""},
            "pool/map_squares.py|spawn": {"outcome": "failed", "detail": "PicklingError: no"},
            "pool/worker_exception.py|script": {"outcome": "passed", "detail": ""},
        },
    )
    snippet_compatibility.keep_outcomes(
        {"python": "3.11.7", "system": "Linux"},
        "/py311/bin/python",
        {"pool/map_squares.py|fork": {"outcome": "passed", "detail": ""}},
    )
    page = snippet_compatibility.compatibility_page()
    assert page.index("CPython 3.11.7 on Linux") < page.index("CPython 3.12.1 on Linux")
    row = page[page.index('<tr id="snippet-pool-map_squares-py">') :].split("</tr>")[0]
    assert "<td>✓ main() under fork</td>" in row
    assert "<td>✓ as a script<br>✗ failed main() under spawn: PicklingError: no</td>" in row
    failing_on_purpose = page[page.index('id="snippet-pool-worker_exception-py"') :]
    assert "✓ as a script (fails on purpose, as its page shows: exit 1)" in failing_on_purpose
    assert page.count("<tr id=") == len(declarations())  # every run the site shows, once
