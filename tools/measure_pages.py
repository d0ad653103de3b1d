"""Measure each built page in headless Chromium from a local server: bytes and time to usable.

Usage: python tools/measure_pages.py SITE_DIR   (build it first: mkdocs build -d SITE_DIR)
Bytes are what the browser transferred for a first visit with an empty cache, by kind; the
last column is their total as a server compressing with gzip (level 6) would send them, the
figure held to ``WEIGHT_LIMIT``.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

from local_server import QUIET_CHROMIUM, serving
from playwright.sync_api import sync_playwright

KINDS = {".css": "CSS", ".js": "JS", ".svg": "SVG", ".json": "JSON"}
COLUMNS = ["HTML", "CSS", "JS", "SVG", "JSON", "other"]
WEIGHT_LIMIT = 250_000  # bytes a first visit to any page may transfer, gzipped
SEARCH_INDEX = "/search/search_index.json"
SEARCH_WORKER = "/assets/javascripts/workers/search."


def visit_first_time(page, url: str) -> None:
    """Open a page and wait until Material's search worker and index have arrived too.

    A first visit transfers both, but on a heavy page they are requested after the network
    has gone idle once, so waiting for ``networkidle`` alone can leave them uncounted."""
    with (
        page.expect_response(lambda response: SEARCH_INDEX in response.url),
        page.expect_response(lambda response: SEARCH_WORKER in response.url),
    ):
        page.goto(url, wait_until="networkidle")
    page.wait_for_load_state("networkidle")


def gzipped_weight(bodies: list[bytes]) -> int:
    """What the given response bodies weigh, compressed as a gzip-serving host would."""
    return sum(len(gzip.compress(body, compresslevel=6)) for body in bodies)


def page_paths(site: Path) -> list[str]:
    pages = sorted(site.glob("**/index.html"))
    return [str(page.parent.relative_to(site)).replace(".", "") for page in pages]


def measure(site: Path) -> list[dict]:
    rows = []
    with serving(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=QUIET_CHROMIUM
        )
        for path in page_paths(site):
            page = browser.new_context().new_page()
            responses = []
            page.on("response", lambda response, kept=responses: kept.append(response))
            visit_first_time(page, base + (path + "/" if path else ""))
            timing = page.evaluate(
                """() => {
                const nav = performance.getEntriesByType("navigation")[0];
                const resources = performance.getEntriesByType("resource")
                    .map(r => [r.name, r.transferSize]);
                return {html: nav.transferSize, usable: nav.domContentLoadedEventEnd,
                        load: nav.loadEventEnd, resources};
            }"""
            )
            row = {column: 0 for column in COLUMNS}
            row["HTML"] = timing["html"]
            for url, size in timing["resources"]:
                suffix = Path(url.split("?")[0]).suffix
                row[KINDS.get(suffix, "other")] += size
            bodies = [response.body() for response in responses if response.url.startswith(base)]
            row.update(page=path or "(home)", usable=timing["usable"], load=timing["load"])
            row["gzipped"] = gzipped_weight(bodies)
            rows.append(row)
            page.context.close()
        browser.close()
    return rows


def main(site: str) -> list[dict]:
    rows = measure(Path(site))
    columns = "".join(f"{c + ' kB':>9}" for c in COLUMNS)
    print(f"{'page':28}{columns}  usable ms  load ms  gzipped kB")
    for row in rows:
        sizes = "".join(f"{row[c] / 1000:9.1f}" for c in COLUMNS)
        over = "  over the limit" if row["gzipped"] > WEIGHT_LIMIT else ""
        print(
            f"{row['page']:28}{sizes}  {row['usable']:9.0f}  {row['load']:7.0f}"
            f"  {row['gzipped'] / 1000:10.1f}{over}"
        )
    print(f"limit: {WEIGHT_LIMIT / 1000:.0f} kB gzipped per page, assets and search index included")
    return rows


if __name__ == "__main__":
    main(sys.argv[1])
