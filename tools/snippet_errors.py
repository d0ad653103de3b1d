"""The Error messages page: every exception and warning a snippet on the site really printed.

Read from the runs the pages show (the same records), grouped by type, each message as
printed, with a link to the section of the page that shows and explains it. Nothing typed in.
"""

from __future__ import annotations

import collections
import html
import os
import re
import sys
from pathlib import Path

from markdown.extensions.toc import slugify
from snippet_execution import interpreters
from snippet_pages import DOCS, declared_runs, shown_by_version, shown_record

# "ValueError: message", "multiprocessing.context.TimeoutError", "KeyboardInterrupt"
EXCEPTION = re.compile(
    r"^(?P<type>(?:[a-z_][\w]*\.)*(?:[A-Z]\w*(?:Error|Exception|Interrupt)|BrokenProcessPool))"
    r"(?::[ \t]*(?P<message>.*))?$"
)
# "/path/file.py:12: DeprecationWarning: message"
WARNING = re.compile(r"^\S+:\d+: (?P<type>[A-Z]\w*Warning): (?P<message>.*)$")
# A warning a snippet caught and quoted: "  its stderr: UserWarning: resource_tracker: ..."
QUOTED_WARNING = re.compile(r"\b(?P<type>[A-Z]\w*Warning): (?P<message>.*)$")
HEADING = re.compile(r"^(#{2,6}) +(?P<title>.+?)(?: +\{#(?P<id>[\w-]+)\})?$", re.MULTILINE)


def printed_errors(output: str) -> list[tuple[str, str]]:
    """(type, message) of each exception or warning line in an output, in order."""
    found = []
    lines = output.splitlines()
    for number, line in enumerate(lines):
        match = WARNING.match(line) or EXCEPTION.match(line) or QUOTED_WARNING.search(line)
        if not match:
            continue
        message = (match["message"] or "").strip()
        if not message:  # RuntimeError's message may start on the next, indented line
            following = lines[number + 1 : number + 2]
            if following and following[0].startswith((" ", "\t")) and match.re is EXCEPTION:
                message = following[0].strip()
        found.append((match["type"], message))
    return found


def section_of(page: Path, name: str) -> tuple[str, str]:
    """The title and anchor of the section of ``page`` whose block shows ``name``."""
    text = page.read_text()
    shown_at = text.index(f'"{name}"')
    headings = [match for match in HEADING.finditer(text) if match.start() < shown_at]
    if not headings:
        return page.stem, ""
    title = headings[-1]["title"]
    return title.replace("`", ""), headings[-1]["id"] or slugify(title.replace("`", ""), "-")


def errors_page() -> str:
    """Markdown: one section per type, one line per distinct message."""
    if os.environ.get("SNIPPETS_RUN") == "off":
        return "(Not listed: this build ran no snippet, `SNIPPETS_RUN=off`.)"
    by_type: dict[str, dict[str, list[str]]] = collections.defaultdict(dict)
    for page in sorted(DOCS.glob("*.md")):
        by_version = shown_by_version(page)
        for name, args, expected in declared_runs(page):
            title, anchor = section_of(page, name)
            # A link as the built site has it: markdown-exec's output is not rewritten by MkDocs.
            url = "../" if page.stem == "index" else f"../{page.stem}/"
            where = f"[{title}]({url}#{anchor})" if anchor else f"[{title}]({url})"
            shown = f"`snippets/{name}` on {where}"
            pythons = interpreters() if (name, args) in by_version else {"": sys.executable}
            for version, python in pythons.items():
                record = shown_record(name, args, expected, python)
                for error_type, message in printed_errors(record.output):
                    places = by_type[error_type].setdefault(message, [])
                    place = f"{shown} (Python {version})" if version else shown
                    if place not in places:
                        places.append(place)
    sections = []
    for error_type in sorted(by_type, key=lambda name: (name.rsplit(".", 1)[-1], name)):
        module, _, name = error_type.rpartition(".")
        sections.append(f"## {name}\n")  # the bare name: the one a reader searches for
        if module:
            sections.append(f"Printed as `{error_type}`.\n")
        for message, places in sorted(by_type[error_type].items()):
            text = f"<code>{html.escape(message)}</code>" if message else "(no message)"
            sections.append(f"- {text}: {'; '.join(places)}")
        sections.append("")
    return "\n".join(sections)
