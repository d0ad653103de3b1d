"""The site builds strictly, and every page shows exactly what its snippets printed."""

from __future__ import annotations

import ast
import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from snippet_runner import run_snippet

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
SNIPPETS = ROOT / "snippets"
MKDOCS = [sys.executable, "-m", "mkdocs"]
SHOWN = re.compile(
    r'<span class="filename">snippets/(?P<name>[^<]+)</span>.*?'
    r'<p class="run-label">Output of <code>python [^<]*?\.py(?P<args>[^<]*)</code>.*?</p>\s*'
    r'<div class="highlight"><pre><span></span><code>(?P<output>.*?)</code>',
    re.DOTALL,
)


def shown_snippets(page: Path) -> list[tuple[str, tuple[str, ...]]]:
    """The (snippet, command-line arguments) of every ``show(...)`` call on a page."""
    calls = []
    for line in page.read_text().splitlines():
        if line.strip().startswith("print(show("):
            call = ast.parse(line.strip()).body[0].value.args[0]
            name, *args = (ast.literal_eval(arg) for arg in call.args)
            calls.append((name, tuple(args)))
    return calls


def nav_pages() -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(), Loader=yaml.BaseLoader)
    pages = []

    def walk(entries):
        for entry in entries:
            value = next(iter(entry.values())) if isinstance(entry, dict) else entry
            if isinstance(value, list):
                walk(value)
            else:
                pages.append(value)

    walk(config["nav"])
    return pages


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    build = subprocess.run(
        [*MKDOCS, "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    return site


def test_every_page_is_in_the_nav():
    pages = sorted(str(page.relative_to(DOCS)) for page in DOCS.glob("*.md"))
    assert pages == sorted(nav_pages())


def test_every_snippet_is_shown_on_a_page_and_every_shown_snippet_exists():
    shown = {name for page in DOCS.glob("*.md") for name, _ in shown_snippets(page)}
    on_disk = {str(path.relative_to(SNIPPETS)) for path in SNIPPETS.rglob("*.py")}
    assert shown - on_disk == set(), "pages show snippets that do not exist"
    assert on_disk - shown == set(), "snippets shown on no page"


@pytest.mark.parametrize("page", nav_pages())
def test_page_shows_the_real_output_of_each_of_its_snippets(built_site: Path, page: str):
    built = (built_site / page.removesuffix(".md").replace("index", "") / "index.html").read_text()
    shown_on_page = {
        (match["name"], tuple(match["args"].split())): html.unescape(match["output"]).rstrip()
        for match in SHOWN.finditer(built)
    }
    for name, args in shown_snippets(DOCS / page):
        run = run_snippet(name, args)  # the cached run the build showed
        assert shown_on_page[(name, args)] == (run.output or "(no output)").rstrip(), name
