"""Run a snippet as a reader would, and render it with its real output for a page.

Each snippet is copied into an empty temporary folder and run there as
``python <file> [args]`` in a fresh interpreter (``sys.executable``), with stdout and stderr
on one pseudo-terminal, so the captured text is what a reader's terminal shows, child
processes included, in the order they printed it.
SVG files the snippet writes into its folder (plots) are shown beneath its output.

Results are cached by the snippet's content, its arguments and the interpreter, so a
rebuild in which nothing changed runs nothing. Environment variables:

- ``SNIPPETS_FRESH=1``: ignore cached results (fresh runs; CI sets it).
- ``SNIPPETS_RUN=off``: run nothing; pages show the source with a placeholder output.
- ``SNIPPETS_CACHE_DIR``: where results are cached (default ``.cache/snippets``).
"""

from __future__ import annotations

import base64
import fcntl
import hashlib
import html
import io
import json
import multiprocessing
import os
import platform
import pty
import re
import select
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
DEFAULT_TIMEOUT = 60.0
RUNNER_SOURCE = Path(__file__).read_text()  # a change to this file invalidates the cache
SHM = Path("/dev/shm")
SHM_PREFIXES = ("psm_", "wnsm_", "mp-", "sem.mp-")


class SnippetError(Exception):
    """A snippet did not end the way its page says it does."""


@dataclass(frozen=True)
class Run:
    """One run of a snippet, as a terminal would have shown it."""

    command: str
    exit_code: int | None  # None: killed on timeout
    output: str
    seconds: float
    python: str
    system: str
    start_method: str
    cpus: int
    figures: dict[str, str]  # SVG files the run wrote: file name -> SVG text

    @property
    def label(self) -> str:
        ended = "timed out" if self.exit_code is None else f"exit {self.exit_code}"
        return (
            f"CPython {self.python} on {self.system} · start method {self.start_method}"
            f" · {self.cpus} CPUs · {ended} · {self.seconds:.2f} s"
        )


def snippet_path(name: str) -> Path:
    """``"pool/map_squares.py"`` -> the file under ``snippets/``; it must exist."""
    path = SNIPPETS / name
    if not path.is_file():
        raise SnippetError(f"snippets/{name}: no such snippet")
    return path


def default_start_method() -> str:
    # The first method listed is the platform's default; asking this way sets nothing.
    return multiprocessing.get_all_start_methods()[0]


def run_snippet(name: str, args: tuple[str, ...] = (), timeout: float = DEFAULT_TIMEOUT) -> Run:
    """Run ``snippets/<name>`` (or reuse the cached run of the same content)."""
    source = snippet_path(name).read_bytes()
    cache_file = _cache_dir() / f"{_cache_key(source, args)}.json"
    if cache_file.is_file() and os.environ.get("SNIPPETS_FRESH") != "1":
        return Run(**json.loads(cache_file.read_text()))
    run = _run_fresh(name, source, args, timeout)
    if run.exit_code is not None:  # a timeout is never cached
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        partial = cache_file.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(asdict(run)))
        partial.replace(cache_file)
    return run


def check(name: str, run: Run, exit_code: int = 0, ends_with: str | None = None) -> None:
    """Raise SnippetError, naming the file, unless the run ended as declared."""
    problem = None
    if run.exit_code is None:
        problem = "timed out; its process tree was killed"
    elif run.exit_code != exit_code:
        problem = f"exited with {run.exit_code}, expected {exit_code}"
    elif ends_with is not None and not last_line(run.output).startswith(ends_with):
        problem = f"did not end with {ends_with!r}"
    if problem:
        raise SnippetError(f"snippets/{name} {problem}. Its output:\n{run.output}")


def last_line(output: str) -> str:
    lines = output.strip().splitlines()
    return lines[-1] if lines else ""


def show(
    name: str,
    *args: str,
    exit_code: int = 0,
    ends_with: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> str:
    """Markdown for a page: the snippet's source, then its output and how it was produced.

    ``args`` are passed on the command line. A snippet shown to fail declares how:
    ``exit_code`` and the start of its last line of output (``ends_with``, for example
    ``"RuntimeError"``); any other ending fails the build.
    """
    path = snippet_path(name)
    source = path.read_bytes()
    command = " ".join(["python", path.name, *args])
    if os.environ.get("SNIPPETS_RUN") == "off":
        output, label, figures = "(not run: SNIPPETS_RUN=off)", "not run", []
    else:
        run = run_snippet(name, args, timeout)
        check(name, run, exit_code, ends_with)
        output, label = run.output or "(no output)", run.label
        figures = [_figure(file_name, svg) for file_name, svg in run.figures.items()]
    return "\n".join(
        [
            '<div class="snippet" markdown>',
            _fence("python", source.decode(), f"snippets/{name}"),
            _download_link(path.name, source, "text/x-python", f"Download {path.name}"),
            f'<p class="run-label">Output of <code>{command}</code> · {label}</p>',
            _fence("text", output),
            *figures,
            "</div>",
        ]
    )


def download_all() -> str:
    """A link to a zip of every snippet, made during the build (same bytes for the same files)."""
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted(SNIPPETS.rglob("*.py")):
            entry = zipfile.ZipInfo(str(path.relative_to(ROOT)), date_time=(2020, 1, 1, 0, 0, 0))
            zipped.writestr(entry, path.read_bytes(), zipfile.ZIP_DEFLATED)
        count = len(zipped.namelist())
    label = f"Download all {count} snippets (snippets.zip)"
    return _download_link("snippets.zip", archive.getvalue(), "application/zip", label)


def _download_link(file_name: str, content: bytes, media_type: str, label: str) -> str:
    data = base64.b64encode(content).decode()
    return (
        f'<p class="snippet-download"><a download="{file_name}"'
        f' href="data:{media_type};base64,{data}">{html.escape(label)}</a></p>'
    )


def _figure(file_name: str, svg: str) -> str:
    """An SVG plot, with its title (matplotlib's ``metadata={"Title": ...}``) as alt text."""
    title = re.search(r"<dc:title>(.*?)</dc:title>", svg, re.DOTALL)
    alt = title.group(1).strip() if title else file_name
    data = base64.b64encode(svg.encode()).decode()
    return (
        f'<figure class="snippet-figure"><img alt="{html.escape(alt)}"'
        f' src="data:image/svg+xml;base64,{data}">'
        f"<figcaption>{html.escape(file_name)}: {html.escape(alt)}</figcaption></figure>"
    )


def _fence(language: str, text: str, title: str | None = None) -> str:
    ticks = "`" * max(4, _longest_backtick_run(text) + 1)
    header = f'{ticks}{language} title="{title}"' if title else f"{ticks}{language}"
    return f"{header}\n{text.rstrip()}\n{ticks}"


def _longest_backtick_run(text: str) -> int:
    longest = current = 0
    for char in text:
        current = current + 1 if char == "`" else 0
        longest = max(longest, current)
    return longest


def _cache_dir() -> Path:
    return Path(os.environ.get("SNIPPETS_CACHE_DIR", ROOT / ".cache" / "snippets"))


def _cache_key(source: bytes, args: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for part in (RUNNER_SOURCE, sys.executable, sys.version, platform.platform(), *args):
        digest.update(part.encode() + b"\0")
    digest.update(f"{default_start_method()}\0{os.cpu_count()}\0".encode())
    digest.update(source)
    return digest.hexdigest()


def _run_fresh(name: str, source: bytes, args: tuple[str, ...], timeout: float) -> Run:
    shm_before = _shm_entries()
    with tempfile.TemporaryDirectory(prefix="snippet-") as folder:
        script = Path(folder) / Path(name).name
        script.write_bytes(source)
        started = time.perf_counter()
        output, exit_code = _run_in_terminal([sys.executable, script.name, *args], folder, timeout)
        seconds = time.perf_counter() - started
        if exit_code is None:
            _remove_leaked_shm(shm_before)
        figures = {svg.name: svg.read_text() for svg in sorted(Path(folder).glob("*.svg"))}
    return Run(
        command=" ".join(["python", script.name, *args]),
        exit_code=exit_code,
        output=as_terminal_shows(output.decode(errors="replace")),
        seconds=seconds,
        python=platform.python_version(),
        system=platform.system(),
        start_method=default_start_method(),
        cpus=os.cpu_count() or 1,
        figures=figures,
    )


def _run_in_terminal(command: list[str], folder: str, timeout: float) -> tuple[bytes, int | None]:
    """Run with stdout and stderr on a pseudo-terminal, as in a reader's terminal.

    Output is then line-buffered exactly as it is there, so parent and children interleave
    whole lines in the order a terminal shows them. Returns the output and the exit code,
    or None for the exit code if the run timed out and its process group was killed.
    """
    reader, terminal = pty.openpty()
    settings = termios.tcgetattr(terminal)
    settings[1] &= ~termios.ONLCR  # keep "\n" as it was written, not "\r\n"
    termios.tcsetattr(terminal, termios.TCSANOW, settings)
    fcntl.ioctl(terminal, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
    env = {**os.environ, "NO_COLOR": "1", "PYTHON_COLORS": "0"}
    # As in a reader's terminal: with PYTHONUNBUFFERED, print() writes a line's text and its
    # newline separately, so lines printed at once by two processes could mix mid-line.
    for setting in ("PYTHONUNBUFFERED", "SNIPPETS_FRESH"):
        env.pop(setting, None)
    process = subprocess.Popen(
        command,
        cwd=folder,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=terminal,
        stderr=terminal,
        start_new_session=True,  # its own process group, so the whole tree can be killed
        preexec_fn=_as_in_a_terminal,
    )
    os.close(terminal)
    chunks = []
    deadline = time.monotonic() + timeout
    timed_out = False
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            timed_out = True
            break
        if select.select([reader], [], [], remaining)[0]:
            try:
                chunk = os.read(reader, 65536)
            except OSError:  # EIO: every process holding the terminal has closed it
                break
            if not chunk:
                break
            chunks.append(chunk)
    _kill_group(process.pid)  # on a timeout the whole tree; otherwise anything left behind
    os.close(reader)
    exit_code = process.wait()
    return b"".join(chunks), None if timed_out else exit_code


def _as_in_a_terminal() -> None:
    # A build started in the background inherits SIGINT ignored; a terminal's program does not.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def as_terminal_shows(output: str) -> str:
    """Apply carriage returns as a terminal does: a progress bar keeps only its last state."""
    return "\n".join(line.rstrip("\r").rsplit("\r", 1)[-1] for line in output.split("\n"))


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _shm_entries() -> set[str]:
    return {entry.name for entry in SHM.iterdir()} if SHM.is_dir() else set()


def _remove_leaked_shm(before: set[str]) -> None:
    """Remove the segments and semaphores of a killed snippet, whose tracker died with it."""
    for entry in _shm_entries() - before:
        if entry.startswith(SHM_PREFIXES):
            path = SHM / entry
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
