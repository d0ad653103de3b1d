"""The reader's experience, in headless Chromium over the built site served on 127.0.0.1.

Needs Debian's Chromium (`apt-get install -y chromium`); without it these tests skip, except
under CI (`CI=true`), where they fail.
Full-page screenshots land in `test-artifacts/screenshots/`.
"""

from __future__ import annotations

import os
from pathlib import Path

import psutil
import pytest
from conftest import LONG_LIVED
from local_server import QUIET_CHROMIUM, serving
from measure_pages import WEIGHT_LIMIT, gzipped_weight, visit_first_time
from playwright import sync_api
from snippet_execution import ROOT, snippet_path
from snippet_pages import FOLD_MARK
from test_site import DOCS, nav_pages, shown_snippets

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
NO_BROWSER = "no browser: install Debian's Chromium (apt-get install -y chromium) to run these"
if not CHROMIUM.exists():
    if os.environ.get("CI") == "true":
        raise RuntimeError(NO_BROWSER)  # CI must run the browser tests, never skip them
    pytest.skip(NO_BROWSER, allow_module_level=True)


@pytest.fixture(scope="module")
def site_url(built_site: Path):
    with serving(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    before = {child.pid for child in psutil.Process().children()}
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=QUIET_CHROMIUM)
        started = {child.pid for child in psutil.Process().children()} - before
        LONG_LIVED.update(started)  # the driver and its browser serve every test here
        yield browser
        browser.close()
    LONG_LIVED.difference_update(started)


@pytest.fixture
def page(browser, site_url: str):
    """A fresh page that records console errors and every request it makes."""
    context = browser.new_context(base_url=site_url)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    page.errors, page.requests, page.responses = [], [], []
    page.on("console", lambda message: message.type == "error" and page.errors.append(message))
    page.on("pageerror", lambda error: page.errors.append(error))
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("response", lambda response: page.responses.append(response))
    yield page
    context.close()


# A snippet inside a content tab is hidden until its tab is selected: select it.
SHOW_ITS_TAB = """snippet => {
    const block = snippet.closest(".tabbed-block");
    if (!block) return;
    const index = [...block.parentElement.children].indexOf(block);
    block.closest(".tabbed-set").querySelectorAll(":scope > .tabbed-labels > label")[index].click();
}"""


def page_url(page_file: str) -> str:
    return "" if page_file == "index.md" else page_file.removesuffix(".md") + "/"


@pytest.mark.parametrize("page_file", nav_pages())
def test_page_loads_locally_and_shows_every_run(page, site_url: str, page_file: str):
    visit_first_time(page, page_url(page_file))
    assert page.errors == []
    foreign = [url for url in page.requests if not url.startswith((site_url, "data:", "blob:"))]
    assert foreign == [], "requests to hosts other than the local server"
    served = [response.body() for response in page.responses if response.url.startswith(site_url)]
    assert gzipped_weight(served) <= WEIGHT_LIMIT, "a first visit transfers too much"
    snippets = page.locator(".snippet").all()
    assert len(snippets) == len(shown_snippets(DOCS / page_file))  # one block per show() call
    for snippet in snippets:
        labels = snippet.locator(".run-label").all()  # one per version tab, or one
        assert labels, "a snippet shown without its output"
        for label in labels:
            assert label.text_content().startswith("Output of python ")
        assert snippet.locator(".highlight").count() >= 2  # the source, then the output
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{page_file.removesuffix('.md')}.png", full_page=True)


@pytest.mark.parametrize("page_file", nav_pages())
def test_copy_buttons_copy_each_snippet_source(page, page_file: str):
    page.goto(page_url(page_file))
    snippets = page.locator(".snippet").all()
    assert len(snippets) == len(shown_snippets(DOCS / page_file))  # one block per show() call
    for snippet in snippets:
        snippet.evaluate(SHOW_ITS_TAB)
        source = snippet.locator(".highlight").first
        file_name = source.locator(".filename").inner_text()
        source.hover()
        source.locator("button[data-md-type=copy]").click()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.rstrip() == (ROOT / file_name).read_text().rstrip(), file_name


def test_palette_toggle_switches_between_light_and_dark(page):
    page.goto("")
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:visible").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") != scheme
    page.locator("form[data-md-component=palette] label:visible").click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == scheme


@pytest.mark.parametrize(
    ("query", "expected_page"),
    [
        ("imap_unordered", "pool/"),
        ("BrokenProcessPool", "process-pool-executor/"),
        ("authkey", "managers/"),
        ("Can't pickle", "errors/"),
        ("BrokenProcessPool", "errors/"),
        ("leaked shared_memory", "errors/"),
    ],
)
def test_search_finds_the_page(page, query: str, expected_page: str):
    page.goto("")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(query)
    results = page.locator(".md-search-result__item a")
    results.first.wait_for()
    hrefs = [link.get_attribute("href") for link in results.all()]
    assert any(expected_page in href for href in hrefs), hrefs


def pages_showing(wanted) -> list[str]:
    """The nav pages that show at least one snippet for which ``wanted(path)`` is true."""
    return [
        page_file
        for page_file in nav_pages()
        if any(wanted(snippet_path(name)) for name, _ in shown_snippets(DOCS / page_file))
    ]


def draws_timelines(path: Path) -> bool:
    return path.name.startswith("timeline_")


def folds(path: Path) -> bool:
    return any(line.startswith(FOLD_MARK) for line in path.read_text().splitlines())


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page_file", pages_showing(draws_timelines))
def test_timelines_show_in_both_palettes(page, page_file: str, scheme: str):
    page.emulate_media(color_scheme=scheme)
    page.goto(page_url(page_file), wait_until="load")
    palette = page.locator("body").get_attribute("data-md-color-scheme")
    assert palette == {"light": "default", "dark": "slate"}[scheme]
    timelines = page.locator("figure.snippet-figure").filter(has_text="timeline_").all()
    drawn = sum(draws_timelines(snippet_path(name)) for name, _ in shown_snippets(DOCS / page_file))
    assert len(timelines) >= drawn
    for timeline in timelines:
        timeline.evaluate(SHOW_ITS_TAB)
        timeline.scroll_into_view_if_needed()
        image = timeline.locator("img")
        assert image.evaluate("img => img.complete && img.naturalWidth") > 300
        assert image.bounding_box()["width"] > 300
        # The drawing carries its own white ground, so its dark ink reads on either palette.
        assert (
            image.evaluate("img => getComputedStyle(img).backgroundColor") == "rgb(255, 255, 255)"
        )
        assert image.get_attribute("alt").count(". ") >= 1  # its title, then its summary
    timelines[0].screenshot(
        path=SCREENSHOTS / f"timeline-{page_url(page_file).strip('/')}-{scheme}.png"
    )


@pytest.mark.parametrize("page_file", pages_showing(folds))
def test_long_programs_open_on_their_lesson_and_unfold(page, page_file: str):
    page.goto(page_url(page_file))
    folded = page.locator(".snippet-folded").all()
    shown = shown_snippets(DOCS / page_file)  # one block per show() call
    assert len(folded) == sum(folds(snippet_path(name)) for name, _ in shown)
    for snippet in folded:
        snippet.evaluate(SHOW_ITS_TAB)
        code = snippet.locator(".highlight").first.locator("pre > code")
        size = "code => [code.clientHeight, code.scrollHeight]"
        shown, whole = code.evaluate(size)
        assert shown < whole  # folded: the lesson shows, the rest is out of sight
        assert code.evaluate("code => getComputedStyle(code).overflowY") == "auto"  # yet reachable
        snippet.locator("details.snippet-fold > summary").click()
        shown, whole = code.evaluate(size)
        assert shown == whole  # unfolded: every line in sight


@pytest.mark.parametrize("page_file", nav_pages())
def test_no_code_block_is_cut_off(page, page_file: str):
    page.goto(page_url(page_file))
    column = page.locator("article").bounding_box()
    for code in page.locator("pre > code").all():
        box = code.bounding_box()
        if box is None:  # in a tab not selected
            continue
        assert box["x"] + box["width"] <= column["x"] + column["width"] + 1
        wider, overflow_x = code.evaluate(
            "code => [code.scrollWidth > code.clientWidth, getComputedStyle(code).overflowX]"
        )
        assert not wider or overflow_x in ("auto", "scroll"), "a line is cut off, with no scroll"
