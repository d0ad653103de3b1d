"""The site builds strictly, and every page shows exactly what its snippets printed."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml
from snippet_execution import ROOT, SNIPPETS, load, run_key
from snippet_pages import declared_runs

DOCS = ROOT / "docs"
SHOWN = re.compile(
    r'<span class="filename">snippets/(?P<name>[^<]+)</span>.*?'
    r'<p class="run-label">Output of <code>python [^<]*?\.py(?P<args>[^<]*)</code>.*?</p>\s*'
    r'<div class="highlight"><pre><span></span><code>(?P<output>.*?)</code>',
    re.DOTALL,
)


def shown_snippets(page: Path) -> list[tuple[str, tuple[str, ...]]]:
    """The (snippet, command-line arguments) of every ``show(...)`` call on a page."""
    return [(name, args) for name, args, _ in declared_runs(page)]


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


def test_every_page_is_in_the_nav():
    pages = sorted(str(page.relative_to(DOCS)) for page in DOCS.glob("*.md"))
    assert pages == sorted(nav_pages())


def test_every_snippet_is_shown_on_a_page_and_every_shown_snippet_exists():
    shown = {name for page in DOCS.glob("*.md") for name, _ in shown_snippets(page)}
    on_disk = {str(path.relative_to(SNIPPETS)) for path in SNIPPETS.rglob("*.py")}
    assert shown - on_disk == set(), "pages show snippets that do not exist"
    folders = {str(Path(name).parent) for name in on_disk if len(Path(name).parts) > 2}
    shown_folders = {str(Path(name).parent) for name in shown if len(Path(name).parts) > 2}
    assert {name for name in on_disk if len(Path(name).parts) == 2} - shown == set(), (
        "snippets shown on no page"
    )
    assert folders == shown_folders, "example folders shown on no page"


def built_page(site: Path, page: str) -> Path:
    return site / page.removesuffix(".md").replace("index", "") / "index.html"


def assert_page_shows_its_runs(built: Path, page: str) -> None:
    """Each snippet the page names is shown with exactly the output of its run."""
    shown_on_page = {
        (match["name"], tuple(match["args"].split())): html.unescape(match["output"]).rstrip()
        for match in SHOWN.finditer(built.read_text())
    }
    for name, args in shown_snippets(DOCS / page):
        record = load(run_key(name, args))  # the record the build showed
        assert record is not None, f"no record of {name} {args}"
        printed = blank_lines_emptied(record.output or "(no output)").rstrip()
        assert shown_on_page[(name, args)] == printed, name


def blank_lines_emptied(text: str) -> str:
    """Markdown turns a line of spaces into an empty line, even in a code block."""
    return re.sub(r"(?m)^[ \t]+$", "", text)


@pytest.mark.parametrize("page", nav_pages())
def test_page_shows_the_real_output_of_each_of_its_snippets(built_site: Path, page: str):
    assert_page_shows_its_runs(built_page(built_site, page), page)


@pytest.mark.parametrize("page", nav_pages())
def test_headings_are_in_order_and_images_have_text(built_site: Path, page: str):
    built = built_page(built_site, page).read_text()
    content = built[built.index('<article class="md-content__inner') : built.index("</article>")]
    levels = [int(level) for level in re.findall(r"<h([1-6])\b", content)]
    assert levels[0] == 1 and levels.count(1) == 1, "one <h1>, first"
    jumps = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    assert jumps == [], "a heading skips a level"
    assert re.findall(r'<img(?![^>]*\balt="[^"]+")[^>]*>', content) == [], "image without alt"


DOWNLOAD = re.compile(r'<a download="(?P<file>[^"]+)" href="(?P<href>[^"]+)">')


@pytest.mark.parametrize("page", nav_pages())
def test_every_download_is_a_file_the_site_serves_and_the_snippet_itself(
    built_site: Path, page: str
):
    built = built_page(built_site, page)
    downloads = DOWNLOAD.findall(built.read_text())
    shows = shown_snippets(DOCS / page)
    assert len(downloads) >= len({name for name, _ in shows}), "a shown snippet has no download"
    for file, href in downloads:
        served = (built.parent / html.unescape(href)).resolve()
        source = SNIPPETS / served.relative_to((built_site / "snippets").resolve())
        assert served.name == file and served.read_bytes() == source.read_bytes(), href


def test_home_links_every_snippet_file(built_site: Path):
    hrefs = {href for _, href in DOWNLOAD.findall((built_site / "index.html").read_text())}
    files = {
        f"snippets/{path.relative_to(SNIPPETS).as_posix()}"
        for path in SNIPPETS.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert hrefs == files
