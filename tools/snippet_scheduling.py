"""A build's runs, made ahead of the pages that show them, sharing the CPUs.

When a page first asks for a run that is neither kept nor planned, every run the pages declare
is looked up, and those without a kept record that ends as declared start at once: up to
``RUNS_PER_CPU`` per usable CPU at a time, and each measurement (declared ``alone=True``) with
no other run beside it, after the others. A page then waits only for its own runs. The same
happens under ``mkdocs build``, ``mkdocs serve`` and ``zensical build``: markdown-exec runs
the pages' blocks in the builder's process, and the first block that shows a snippet starts
the plan. After an edit, ``mkdocs serve`` plans again and runs only what changed.

Progress goes to the build's log: what is to run, then a line every few seconds saying how
many are done and what is running, for how long.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor, wait

from snippet_execution import (
    RUNS,
    Expected,
    Record,
    interpreter_facts,
    load,
    obtain,
    problems,
    run_key,
)

Run = tuple[str, tuple[str, ...], Expected, str]  # snippet, arguments, declared ending, python

PROGRESS_EVERY = 5.0  # seconds between two progress lines
# Most snippets spend their run waiting (on the sleeps, joins and timeouts their lessons need:
# a typical one used 0.1 s of CPU in 2 s), so runs that are not measurements share each CPU.
# On 2 CPUs, the 151 of them took 46 s one per CPU, 32 s two per CPU, 24 s four per CPU.
RUNS_PER_CPU = 4
PLANNED: dict[str, Future] = {}  # key -> the run under way or made
KEPT: set[str] = set()  # keys whose kept record ends as declared: nothing to run
LOG = logging.getLogger("mkdocs.snippets")


def obtain_planned(run: Run, every_run: Callable[[], Iterable[Run]]) -> Record:
    """The record of ``run``, made with the others the pages declare if it is not kept."""
    name, args, expected, python = run
    key = run_key(name, args, python)
    if key not in PLANNED and key not in KEPT:
        plan(every_run())
    if key not in PLANNED:
        return obtain(name, args, expected, python)
    made = PLANNED[key]
    if made.exception() is not None:
        del PLANNED[key]  # the next build runs it again
    return made.result()


def plan(every_run: Iterable[Run]) -> None:
    """Start each declared run that has no kept record ending as declared."""
    to_make: list[tuple[str, Run]] = []
    for run in every_run:
        name, args, expected, python = run
        key = run_key(name, args, python)
        if key in PLANNED or key in KEPT or key in (planned for planned, _ in to_make):
            continue
        kept = load(key)
        if kept is not None and not problems(kept, expected):
            KEPT.add(key)
        else:
            to_make.append((key, run))
    if not to_make:
        return
    cpus = interpreter_facts(sys.executable)["cpus"]
    progress = Progress([run for _, run in to_make], cpus * RUNS_PER_CPU)
    shared = ThreadPoolExecutor(max_workers=cpus * RUNS_PER_CPU, thread_name_prefix="snippet-run")
    one_by_one = ThreadPoolExecutor(max_workers=1, thread_name_prefix="snippet-measurement")
    others = []
    for key, run in to_make:
        if not run[2].alone:
            PLANNED[key] = shared.submit(progress.make, run)
            others.append(PLANNED[key])
    for key, run in to_make:
        if run[2].alone:  # after the others, one by one
            PLANNED[key] = one_by_one.submit(progress.make_after, others, run)
    shared.shutdown(wait=False)
    one_by_one.shutdown(wait=False)
    progress.start()


class Progress:
    """Says in the build's log how many runs are to make, how many are made, what is running."""

    def __init__(self, runs: list[Run], at_once: int) -> None:
        self.total = len(runs)
        self.measurements = sum(run[2].alone for run in runs)
        self.at_once = at_once
        self.made = 0
        self.running: dict[str, int] = {}  # "snippet args" -> the thread making it
        self.lock = threading.Lock()
        self.all_made = threading.Event()

    def make_after(self, others: list[Future], run: Run) -> Record:
        wait(others)
        return self.make(run)

    def make(self, run: Run) -> Record:
        name, args, expected, python = run
        label = " ".join([name, *args])
        if python != sys.executable:
            label += f" (Python {interpreter_facts(python)['python']})"
        with self.lock:
            self.running[label] = threading.get_ident()
        try:
            return obtain(name, args, expected, python)
        finally:
            with self.lock:
                del self.running[label]
                self.made += 1
                if self.made == self.total:
                    self.all_made.set()

    def start(self) -> None:
        alone = f", {self.measurements} of them measurements, each run alone" * bool(
            self.measurements
        )
        say(f"{self.total} snippet runs to make, {self.at_once} at a time{alone}")
        threading.Thread(target=self.report, name="snippet-progress", daemon=True).start()

    def report(self) -> None:
        started = time.monotonic()
        while not self.all_made.wait(PROGRESS_EVERY):
            with self.lock:
                asked = dict(self.running)
                made = self.made
            say(f"{made}/{self.total} snippet runs made; {under_way(asked)}")
        say(f"{self.total}/{self.total} snippet runs made in {time.monotonic() - started:.1f} s")


def under_way(asked: dict[str, int]) -> str:
    """The runs holding their turn, each with how long it has run, and how many wait for
    theirs (a measurement waits until no other run is under way)."""
    now, admitted = time.monotonic(), dict(RUNS.admitted)
    running = [
        f"{label} ({now - admitted[thread]:.0f} s)"
        for label, thread in asked.items()
        if thread in admitted
    ]
    waiting = len(asked) - len(running)
    return f"under way: {', '.join(running) or 'none'}" + f"; {waiting} waiting" * bool(waiting)


def say(line: str) -> None:
    """One line in the build's log (MkDocs' own; standard error under another builder)."""
    if logging.getLogger("mkdocs").handlers:
        LOG.info(line)
    else:
        print(f"INFO    -  {line}", file=sys.stderr, flush=True)
