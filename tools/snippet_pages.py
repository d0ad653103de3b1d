"""Show a snippet on a page: its source, then the record of its run, labelled.

Rendering only reads records (``snippet_execution`` makes them), so a change here re-runs
nothing. What a run must show is declared once, in the page's ``show(...)`` call; the tests
read the same declarations (``declared_runs``) and check the same records.

- ``SNIPPETS_RUN=off``: run nothing; pages show the source with a placeholder output.
- ``SNIPPETS_REQUIRE_TESTED=1``: run nothing either; show only records the tests asserted
  (``mark_tested``), and fail on any run without one. The published site is built this way.
"""

from __future__ import annotations

import ast
import functools
import html
import itertools
import os
import re
import sys
import textwrap
import urllib.parse
from pathlib import Path

from snippet_execution import (
    ROOT,
    SNIPPETS,
    Expected,
    Record,
    SnippetError,
    example_files,
    interpreters,
    load,
    problems,
    run_key,
    snippet_path,
    tested_marks,
)
from snippet_scheduling import Run, obtain_planned

DOCS = ROOT / "docs"
# A snippet's source and output stay out of the search index: it holds the prose, and the
# Errors page holds every message a run printed. (The index is part of every page's weight.)
SNIPPET_OPENS = '<div class="snippet" markdown data-search-exclude>'
# In a long program, the lines from a comment starting with this one on are plumbing (timing,
# tables, drawing): the page opens on the lines above, the lesson, and folds the rest.
FOLD_MARK = "# The rest of this file"


def show(name: str, *args: str, **declared) -> str:
    """Markdown for a page: the snippet's source, then its output and how it was produced.

    ``args`` are passed on the command line; ``declared`` are the fields of ``Expected``. A
    snippet shown to fail declares how: ``exit_code`` and the start of its last line of output
    (``ends_with``, for example ``"RuntimeError"``); any other ending fails the build. Each
    sentence of the prose that reads an outcome off the output is a claim:
    ``claims={"sentence": r"regular expression a line of output matches"}``.
    """
    output = shown_output(name, args, Expected(**declared), sys.executable)
    return "\n".join([*source_block(name), download_link(name), output, "</div>"])


def show_versions(name: str, *args: str, **declared) -> str:
    """As ``show``, with one tab per Python version the build has, each run by that version.

    For snippets whose output depends on the version. The tabs are the versions that ran:
    a version the build machine lacks gets no tab.
    """
    tabs = []
    for version, python in interpreters().items():
        output = shown_output(name, args, Expected(**declared), python)
        tabs.append(f'=== "Python {version}"\n\n{textwrap.indent(output, "    ")}\n')
    return "\n".join([*source_block(name), download_link(name), *tabs, "</div>"])


def source_block(name: str) -> list[str]:
    """The snippet's opening tag and its whole source as one code block (what the copy button
    copies). A long program with a ``FOLD_MARK`` comment opens on the lines above it; the
    rest stays in the block, folded, with a control that unfolds it."""
    text = snippet_path(name).read_text()
    source = fence("python", text, f"snippets/{name}")
    lines = text.rstrip().splitlines()
    folded_at = next((n for n, line in enumerate(lines) if line.startswith(FOLD_MARK)), None)
    if folded_at is None:
        return [SNIPPET_OPENS, source]
    opens = SNIPPET_OPENS.replace(
        '"snippet"', f'"snippet snippet-folded" style="--lesson-lines: {folded_at}"'
    )
    comment = itertools.takewhile(lambda line: line.startswith("#"), lines[folded_at:])
    why = " ".join(line.removeprefix("#").strip() for line in comment).rstrip(".")
    control = (
        f'<details class="snippet-fold"><summary>Show the {len(lines) - folded_at} folded'
        f" lines: {html.escape(why[0].lower() + why[1:])}</summary></details>"
    )
    return [opens, source, control]


def shown_output(name: str, args: tuple[str, ...], expected: Expected, python: str) -> str:
    """The run's output, labelled, with its figures; or a placeholder when nothing runs."""
    command = " ".join(["python", Path(name).name, *args])
    if os.environ.get("SNIPPETS_RUN") == "off":
        output, label, figures = "(not run: SNIPPETS_RUN=off)", "not run", []
    else:
        record = shown_record(name, args, expected, python)
        output, label = record.output or "(no output)", run_label(record)
        label += f" · {compatibility_link(name, args)}"
        figures = [figure(file_name, svg) for file_name, svg in record.figures.items()]
    return "\n".join(
        [
            '<div class="snippet-run" markdown data-search-exclude>',
            f'<p class="run-label">Output of <code>{command}</code> · {label}</p>',
            fence("text", output),
            *figures,
            "</div>",
        ]
    )


def shown_record(
    name: str, args: tuple[str, ...], expected: Expected, python: str = sys.executable
) -> Record:
    """The record a page shows: the tests' (``SNIPPETS_REQUIRE_TESTED=1``), or a run's."""
    try:
        if require_tested():
            return tested_record(name, args, expected, python)
        return obtain_planned((name, args, expected, python), runs_the_pages_show)
    except SnippetError as error:
        raise SnippetError(f"{page_showing(name, args)}: {error}") from None


def require_tested() -> bool:
    return os.environ.get("SNIPPETS_REQUIRE_TESTED") == "1"


def tested_record(
    name: str, args: tuple[str, ...], expected: Expected, python: str = sys.executable
) -> Record:
    """The record the tests asserted, or SnippetError saying why there is none."""
    record = load(run_key(name, args, python))
    where = f"snippets/{name} {' '.join(args)}".rstrip()
    if record is None:
        raise SnippetError(f"{where}: no record of a run; run the tests first (pytest)")
    found = problems(record, expected)
    if found:
        raise SnippetError(
            f"{where} {'; '.join(found)} (the tests' run). Its output:\n{record.output}"
        )
    marks = tested_marks(record)
    if marks["failed"] or not marks["passed"]:
        failed = ", ".join(marks["failed"]) or "none asserted it"
        raise SnippetError(f"{where}: its run was not asserted by the tests ({failed})")
    return record


def compatibility_link(name: str, args: tuple[str, ...]) -> str:
    """A link to this run's row on the Compatibility page, from the page that shows it."""
    up = "" if page_showing(name, args) == "docs/index.md" else "../"
    return f'<a href="{up}compatibility/#{compatibility_row(name, args)}">on other Pythons</a>'


def compatibility_row(name: str, args: tuple[str, ...]) -> str:
    return "snippet-" + "-".join([name, *args]).replace("/", "-").replace(".", "-")


def run_label(record: Record) -> str:
    ended = "timed out" if record.timed_out else f"exit {record.exit_code}"
    asserted = " · asserted by the tests" if tested_marks(record)["passed"] else ""
    interpreter = Path(record.interpreter)
    if interpreter.is_relative_to(ROOT):
        interpreter = interpreter.relative_to(ROOT)
    label = (
        f"CPython {record.python} (<code>{html.escape(str(interpreter))}</code>) on"
        f" {record.system} · start method {record.start_method}"
        f" · {record.cpus} CPUs · {ended} · {record.seconds:.2f} s{asserted}"
    )
    if record.alone:
        label += " · measured with no other snippet running"
    if record.measurement > 1:
        earlier = "; ".join(html.escape(reason) for reason in record.not_shown)
        label += (
            f" · measured {record.measurement} times, this is the last: the earlier"
            f" {'run' if record.measurement == 2 else 'runs'} did not bear out the page ({earlier})"
        )
    return label


SHOWING = ("show", "show_versions")
EXECUTED_BLOCK = re.compile(
    r'^(?P<indent>[ \t]*)```python exec="on"\n(?P<code>.*?)^(?P=indent)```',
    re.DOTALL | re.MULTILINE,
)


def declared_runs(page: Path) -> list[tuple[str, tuple[str, ...], Expected]]:
    """Every ``show(...)`` call on a page: (snippet, arguments, how it must end)."""
    return [(name, args, expected) for _, name, args, expected in show_calls(page)]


def shown_by_version(page: Path) -> set[tuple[str, tuple[str, ...]]]:
    """The runs a page shows with ``show_versions``: one run per Python the build has."""
    return {(name, args) for call, name, args, _ in show_calls(page) if call == "show_versions"}


def show_calls(page: Path) -> list[tuple[str, str, tuple[str, ...], Expected]]:
    """Each ``show``/``show_versions`` call in the page's executed blocks, as written."""
    calls = []
    for block in EXECUTED_BLOCK.finditer(page.read_text()):
        code = textwrap.dedent(block["code"])
        code = "\n".join(line for line in code.splitlines() if "--8<--" not in line)
        for node in ast.walk(ast.parse(code)):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in SHOWING:
                name, *args = (ast.literal_eval(arg) for arg in node.args)
                declared = {word.arg: ast.literal_eval(word.value) for word in node.keywords}
                calls.append((node.func.id, name, tuple(args), Expected(**declared)))
    return calls


def runs_the_pages_show() -> list[Run]:
    """Every run a build makes: each ``show``, and each ``show_versions`` on every Python."""
    runs = []
    for page in sorted(DOCS.glob("*.md")):
        for call, name, args, expected in show_calls(page):
            pythons = interpreters().values() if call == "show_versions" else [sys.executable]
            runs += [(name, args, expected, python) for python in pythons]
    return runs


def declaration(name: str, args: tuple[str, ...]) -> Expected:
    """How the page that shows this run declares it ends (a run no page shows: exit 0)."""
    return declarations().get((name, args), ("", Expected()))[1]


def page_showing(name: str, args: tuple[str, ...]) -> str:
    return declarations().get((name, args), ("a page not in docs/",))[0]


def declarations() -> dict[tuple[str, tuple[str, ...]], tuple[str, Expected]]:
    """Every run shown on the site: (snippet, arguments) -> (page, how it must end)."""
    pages = sorted(DOCS.glob("*.md"))
    return declarations_of(tuple((page, page.stat().st_mtime_ns) for page in pages))


@functools.cache
def declarations_of(pages: tuple[tuple[Path, int], ...]) -> dict:
    """``declarations()`` for these pages as they were at these modification times."""
    return {
        (name, args): (f"docs/{page.name}", expected)
        for page, _ in pages
        for name, args, expected in declared_runs(page)
    }


def download_all() -> str:
    """Home's list of every snippet file, each a link to the file the site serves."""
    folders: dict[str, list[str]] = {}
    for path in sorted(SNIPPETS.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            folder = path.parent.relative_to(SNIPPETS).as_posix()
            folders.setdefault(folder, []).append(path.relative_to(SNIPPETS).as_posix())
    count = sum(len(files) for files in folders.values())
    items = [
        f"<li><code>{html.escape(folder)}/</code>: "
        + " · ".join(served_link(file, "docs/index.md", Path(file).name) for file in files)
        + "</li>"
        for folder, files in folders.items()
    ]
    intro = f'<p class="snippet-download">All {count} snippet files, by folder:</p>'
    return "\n".join([intro, "<ul>", *items, "</ul>"])


def download_link(name: str) -> str:
    """A link to the snippet's file as the site serves it; for an example folder, each file."""
    page = next((page for (shown, _), (page, _) in declarations().items() if shown == name), "")
    if len(Path(name).parts) == 2:
        link = served_link(name, page, f"Download {Path(name).name}")
        return f'<p class="snippet-download">{link}</p>'
    folder = Path(name).parent
    links = " · ".join(
        served_link(f"{folder.as_posix()}/{relative}", page, relative)
        for relative in example_files(name)
    )
    return f'<p class="snippet-download">Download {folder.name}/: {links}</p>'


def served_link(file: str, page: str, label: str) -> str:
    """A link from the page to ``snippets/<file>``, which the site serves as it is.

    (``docs/snippets`` is a link to ``snippets/``, so the builder copies the files.)
    """
    source = Path(page or "docs/index.md").relative_to("docs").with_suffix("")
    to_root = "../" * (len(source.parts) - (source.name == "index"))
    address = html.escape(f"{to_root}snippets/{file}")
    return f'<a download="{Path(file).name}" href="{address}">{html.escape(label)}</a>'


def figure(file_name: str, svg: str) -> str:
    """An SVG figure the run drew, with its text alternative: its title (a timeline's
    ``<title>`` and ``<desc>``, or matplotlib's ``metadata={"Title": ...}``).

    The SVG goes into the page as text in a ``data:`` address, not base64, so that the
    page's compression shrinks it.
    """
    found = re.search(r"<dc:title>(.*?)</dc:title>|<title>(.*?)</title>", svg, re.DOTALL)
    alt = html.unescape(next(filter(None, found.groups())).strip()) if found else file_name
    summary = re.search(r"<desc>(.*?)</desc>", svg, re.DOTALL)
    if summary:
        alt = f"{alt}. {html.unescape(summary.group(1).strip())}"
    address = "data:image/svg+xml;charset=utf-8," + urllib.parse.quote(svg, safe="/:=;,.-_()")
    return (
        f'<figure class="snippet-figure"><img alt="{html.escape(alt)}" src="{address}">'
        f"<figcaption>{html.escape(file_name)}, drawn by this run</figcaption></figure>"
    )


def fence(language: str, text: str, title: str | None = None) -> str:
    ticks = "`" * max(4, longest_backtick_run(text) + 1)
    header = f'{ticks}{language} title="{title}"' if title else f"{ticks}{language}"
    return f"{header}\n{text.rstrip()}\n{ticks}"


def longest_backtick_run(text: str) -> int:
    return max((len(run) for run in re.findall(r"`+", text)), default=0)
