"""Measure each built page in headless Chromium from a local server: bytes and time to usable.

Usage: python tools/measure_pages.py SITE_DIR   (build it first: mkdocs build -d SITE_DIR)
Bytes are what the browser transferred for a first visit with an empty cache, by kind.
"""

from __future__ import annotations

import sys
from pathlib import Path

from local_server import QUIET_CHROMIUM, serving
from playwright.sync_api import sync_playwright

KINDS = {".css": "CSS", ".js": "JS", ".svg": "SVG", ".json": "JSON"}
COLUMNS = ["HTML", "CSS", "JS", "SVG", "JSON", "other"]


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
            page.goto(base + (path + "/" if path else ""), wait_until="load")
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
            row.update(page=path or "(home)", usable=timing["usable"], load=timing["load"])
            rows.append(row)
            page.context.close()
        browser.close()
    return rows


def main(site: str) -> list[dict]:
    rows = measure(Path(site))
    print(f"{'page':28}" + "".join(f"{c + ' kB':>9}" for c in COLUMNS) + "  usable ms  load ms")
    for row in rows:
        sizes = "".join(f"{row[c] / 1000:9.1f}" for c in COLUMNS)
        print(f"{row['page']:28}{sizes}  {row['usable']:9.0f}  {row['load']:7.0f}")
    return rows


if __name__ == "__main__":
    main(sys.argv[1])
