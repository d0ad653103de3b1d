"""The runner: supervised runs, exact cache keys, records checked by build and tests alike.

Most tests call the runner directly on small demo snippets (seconds); two build a one-page
site, to show what a reader of the build log sees.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from dataclasses import replace
from multiprocessing import shared_memory
from pathlib import Path

import psutil
import pytest
import snippet_execution
import snippet_pages
import snippet_scheduling
from snippet_execution import SHM, Expected, SnippetError, obtain, problems, run, run_key

DEMOS = {
    "fails.py": """\
        def main():
            raise ValueError("this snippet fails on purpose")


        if __name__ == "__main__":
            main()
        """,
    "hangs.py": """\
        import multiprocessing
        import os
        import time
        from multiprocessing import shared_memory


        def sleep_forever():
            time.sleep(600)


        def main():
            block = shared_memory.SharedMemory(create=True, size=64)
            child = multiprocessing.get_context("spawn").Process(target=sleep_forever)
            child.start()
            print(f"pids {os.getpid()} {child.pid} segment {block.name}", flush=True)
            child.join()


        if __name__ == "__main__":
            main()
        """,
    "leaves_child.py": """\
        import subprocess
        import sys

        if __name__ == "__main__":
            subprocess.Popen([sys.executable, "-c", "import time; time.sleep(40)"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            print("started a child and did not wait for it")
        """,
    "child_holds_terminal.py": """\
        import subprocess
        import sys

        if __name__ == "__main__":
            subprocess.Popen([sys.executable, "-c", "import time; time.sleep(40)"])
            print("main exits with 3")
            sys.exit(3)
        """,
    "grandchild_new_session.py": """\
        import os
        import time

        if __name__ == "__main__":
            if os.fork() == 0:
                os.setsid()
                if os.fork() == 0:
                    os.closerange(0, 3)
                    time.sleep(40)
                os._exit(0)
            time.sleep(30)
        """,
    "prints_its_place.py": """\
        import os
        import signal

        if __name__ == "__main__":
            print(f"file {__file__}")
            print(f"SIGINT {signal.getsignal(signal.SIGINT).__name__}")
            print("environment " + " ".join(sorted(os.environ)))
        """,
    "uses_locks.py": """\
        import multiprocessing
        import time
        from multiprocessing import shared_memory


        def add_one(lock, name):
            block = shared_memory.SharedMemory(name=name)
            with lock:
                block.buf[0] += 1
            block.close()


        def main():
            context = multiprocessing.get_context("spawn")
            lock = context.Lock()
            block = shared_memory.SharedMemory(create=True, size=8)
            block.buf[0] = 0
            time.sleep(5)  # another run times out meanwhile and cleans up after itself
            workers = [context.Process(target=add_one, args=(lock, block.name)) for _ in range(2)]
            for worker in workers:
                worker.start()
            for worker in workers:
                worker.join()
            print(f"count {block.buf[0]}")
            block.close()
            block.unlink()


        if __name__ == "__main__":
            main()
        """,
    "folder_example/main.py": """\
        import multiprocessing

        from tasks import square

        if __name__ == "__main__":
            with multiprocessing.get_context("spawn").Pool(2) as pool:
                print(pool.map(square, range(4)))
        """,
    "folder_example/tasks.py": """\
        def square(x):
            return x * x
        """,
}


@pytest.fixture
def demos(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Demo snippets under a snippets/demo/ of their own, and a records folder of their own."""
    for name, source in DEMOS.items():
        path = tmp_path / "snippets" / "demo" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source))
    monkeypatch.setattr(snippet_execution, "SNIPPETS", tmp_path / "snippets")
    monkeypatch.setenv("SNIPPETS_CACHE_DIR", str(tmp_path / "records"))
    monkeypatch.setattr(snippet_execution, "REMEASURE_PAUSE", 0.0)
    return tmp_path


def alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_a_child_left_running_fails_the_run_and_is_killed(demos):
    record = run("demo/leaves_child.py")
    assert record.exit_code == 0
    assert len(record.left_behind) == 1 and "time.sleep(40)" in record.left_behind[0]
    assert problems(record, Expected())[0].startswith("left 1 processes behind: ")
    assert not alive(int(record.left_behind[0].split()[0]))


def test_a_child_holding_the_terminal_keeps_the_exit_code_and_does_not_hold_the_run(demos):
    started = time.monotonic()
    record = run("demo/child_holds_terminal.py", timeout=20)
    assert time.monotonic() - started < snippet_execution.GRACE_SECONDS + 5
    assert (record.exit_code, record.timed_out) == (3, False)
    assert record.output == "main exits with 3\n"
    assert len(record.left_behind) == 1
    assert not alive(int(record.left_behind[0].split()[0]))


def test_a_grandchild_in_a_new_session_is_found_and_killed(demos):
    record = run("demo/grandchild_new_session.py", timeout=3)
    assert record.timed_out and record.exit_code is None
    assert problems(record, Expected(timeout=3)) == [
        "timed out after 3 s; its processes were killed"
    ]
    assert snippet_execution.run_processes(-1, record.run_id) == []  # found by its marker


def test_a_timed_out_run_removes_its_own_segments_and_no_one_elses(demos):
    others = shared_memory.SharedMemory(create=True, size=64)  # another program's, made during
    try:
        results = {}
        hanging = threading.Thread(
            target=lambda: results.update(hangs=run("demo/hangs.py", timeout=3))
        )
        hanging.start()
        results["locks"] = run("demo/uses_locks.py", timeout=30)
        hanging.join()
        assert (SHM / others.name.lstrip("/")).exists()
    finally:
        others.close()
        others.unlink()
    hangs, locks = results["hangs"], results["locks"]
    assert hangs.timed_out
    main_pid, child_pid, _, segment = hangs.output.split()[1:5]
    assert not alive(int(main_pid)) and not alive(int(child_pid))
    assert not (SHM / segment).exists()
    assert problems(locks, Expected()) == [] and locks.output == "count 2\n"


def test_the_run_starts_as_in_a_terminal_in_the_same_folder_every_time(demos, monkeypatch):
    monkeypatch.setenv("UNRELATED_SETTING", "1")
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # as a build in the background
    try:
        first, second = run("demo/prints_its_place.py"), run("demo/prints_its_place.py")
    finally:
        signal.signal(signal.SIGINT, previous)
    assert first.output == second.output
    lines = first.output.splitlines()
    assert lines[0].endswith("/parallel-python/demo/prints_its_place/prints_its_place.py")
    assert lines[1] == "SIGINT default_int_handler"
    passed = lines[2].split()[1:]
    assert "UNRELATED_SETTING" not in passed
    assert set(passed) <= {
        *snippet_execution.PASSED_ENVIRONMENT,
        *snippet_execution.FIXED_ENVIRONMENT,
        snippet_execution.RUN_MARKER,
    }


def test_a_folder_example_runs_with_its_modules_and_downloads_whole(demos):
    record = run("demo/folder_example/main.py")
    assert (record.exit_code, record.output) == (0, "[0, 1, 4, 9]\n")
    assert snippet_pages.download_link("demo/folder_example/main.py") == (
        '<p class="snippet-download">Download folder_example/:'
        ' <a download="main.py" href="snippets/demo/folder_example/main.py">main.py</a> ·'
        ' <a download="tasks.py" href="snippets/demo/folder_example/tasks.py">tasks.py</a></p>'
    )


def test_the_key_changes_with_what_changes_an_output(demos, monkeypatch):
    name = "demo/prints_its_place.py"
    key = run_key(name, ())
    assert run_key(name, ("spawn",)) != key
    starting = snippet_execution.STARTING_ENVIRONMENT
    monkeypatch.setattr(
        snippet_execution, "STARTING_ENVIRONMENT", {**starting, "PYTHONWARNINGS": "error"}
    )
    assert run_key(name, ()) != key
    monkeypatch.setattr(snippet_execution, "STARTING_ENVIRONMENT", starting)
    monkeypatch.setenv("UNRELATED_SETTING", "1")  # not passed to snippets: not in the key
    assert run_key(name, ()) == key
    # Set after the session started (as Dask's local cluster does, in a test that runs it in
    # this process): the tests' runs must keep the key the published build computes.
    monkeypatch.setenv("OMP_NUM_THREADS", "1")
    monkeypatch.setenv("PYTHONHASHSEED", "6640")
    assert run_key(name, ()) == key
    facts = snippet_execution.interpreter_facts(sys.executable)
    for change in ({"cpus": facts["cpus"] + 1}, {"distributions": ["matplotlib==0.1"]}):
        changed = {**facts, **change}
        monkeypatch.setattr(snippet_execution, "interpreter_facts", lambda python, c=changed: c)
        assert run_key(name, ()) != key
    monkeypatch.undo()
    monkeypatch.setattr(snippet_execution, "SNIPPETS", demos / "snippets")
    monkeypatch.setattr(snippet_execution, "THIS_SOURCE", b"a changed runner")
    assert run_key(name, ()) != key


def test_the_usable_cpu_count_is_what_the_affinity_allows(demos):
    if not hasattr(os, "sched_setaffinity") or len(os.sched_getaffinity(0)) < 2:
        pytest.skip("needs CPU affinity and at least 2 CPUs")
    everything = os.sched_getaffinity(0)
    key = run_key("demo/prints_its_place.py", ())
    os.sched_setaffinity(0, {min(everything)})  # as `taskset -c 0` would
    snippet_execution.interpreter_facts.cache_clear()
    try:
        assert snippet_execution.interpreter_facts(sys.executable)["cpus"] == 1
        assert run_key("demo/prints_its_place.py", ()) != key
    finally:
        os.sched_setaffinity(0, everything)
        snippet_execution.interpreter_facts.cache_clear()


def test_a_kept_failed_run_is_tried_again_and_the_error_says_so(demos):
    kept = run("demo/fails.py")
    assert obtain("demo/fails.py", expected=Expected(1, "ValueError")).run_id == kept.run_id
    with pytest.raises(SnippetError, match=r"exited with 1, expected 0 \(a fresh run; the kept"):
        obtain("demo/fails.py")  # the kept record fails this declaration: it runs again
    assert snippet_execution.load(kept.key).run_id != kept.run_id


def test_records_made_before_a_fresh_start_are_run_again(demos, monkeypatch):
    first = obtain("demo/prints_its_place.py")
    monkeypatch.setenv("SNIPPETS_FRESH_AFTER", str(time.time()))
    assert obtain("demo/prints_its_place.py").run_id != first.run_id


def test_a_build_that_requires_tested_records_refuses_others(demos, monkeypatch):
    monkeypatch.setenv("SNIPPETS_REQUIRE_TESTED", "1")
    with pytest.raises(SnippetError, match="no record of a run; run the tests first"):
        snippet_pages.show("demo/prints_its_place.py")
    record = obtain("demo/prints_its_place.py")
    with pytest.raises(SnippetError, match="not asserted by the tests"):
        snippet_pages.show("demo/prints_its_place.py")
    snippet_execution.mark_tested(record, "test_x", passed=True)
    assert "asserted by the tests" in snippet_pages.show("demo/prints_its_place.py")
    snippet_execution.mark_tested(record, "test_y", passed=False)
    with pytest.raises(SnippetError, match=r"not asserted by the tests \(test_y\)"):
        snippet_pages.show("demo/prints_its_place.py")
    again = snippet_execution.run("demo/prints_its_place.py")  # a new run: unmarked
    assert snippet_execution.tested_marks(again) == {"passed": [], "failed": []}


def test_declarations_are_read_from_the_pages(tmp_path: Path):
    page = tmp_path / "page.md"
    page.write_text(
        textwrap.dedent("""\
            ```python exec="on"
            --8<-- "tools/snippet_directive.py"
            print(show("pool/a.py", "spawn", exit_code=1, ends_with="ValueError", timeout=9))
            ```

            === "in a tab"

                ```python exec="on"
                --8<-- "tools/snippet_directive.py"
                print(
                    show(
                        "pool/b.py",
                        attempts=3,
                        claims={"two beat one": r"^verdict: faster"},
                    )
                )
                ```
            """)
    )
    assert snippet_pages.declared_runs(page) == [
        ("pool/a.py", ("spawn",), Expected(1, "ValueError", 9)),
        ("pool/b.py", (), Expected(claims={"two beat one": r"^verdict: faster"}, attempts=3)),
    ]


def build(project: Path, directive: str, **env: str) -> subprocess.CompletedProcess:
    """Build a one-page site whose page shows the demo snippets with ``directive``."""
    if not (project / "tools").exists():
        shutil.copytree(snippet_execution.ROOT / "tools", project / "tools")
        config = (snippet_execution.ROOT / "mkdocs.yml").read_text().split("\nnav:")[0]
        (project / "mkdocs.yml").write_text(config.replace("stylesheets/extra.css", ""))
        (project / "docs").mkdir()
    block = f'```python exec="on"\n--8<-- "tools/snippet_directive.py"\nprint({directive})\n```'
    (project / "docs" / "index.md").write_text(f"# Demo\n\n{block}\n")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_failing_snippet_fails_the_build_naming_its_file(demos):
    result = build(demos, 'show("demo/fails.py")')
    assert result.returncode != 0
    assert "snippets/demo/fails.py exited with 1, expected 0 (a fresh run)" in result.stderr
    assert "ValueError: this snippet fails on purpose" in result.stderr


def test_a_change_to_rendering_reruns_nothing(demos):
    directive = 'show("demo/fails.py", exit_code=1, ends_with="ValueError")'
    assert build(demos, directive).returncode == 0
    records = sorted((demos / "records").glob("*.json"))
    before = [json.loads(path.read_text())["run_id"] for path in records]
    pages = demos / "tools" / "snippet_pages.py"
    pages.write_text(pages.read_text().replace('class="run-label"', 'class="run-label new"'))
    result = build(demos, directive)
    assert result.returncode == 0, result.stderr
    assert 'class="run-label new"' in (demos / "site" / "index.html").read_text()
    assert [json.loads(path.read_text())["run_id"] for path in records] == before


def test_a_claim_the_output_does_not_bear_out_is_measured_again_then_fails(demos):
    claims = {"the file is in its own folder": r"^file .*/prints_its_place\.py$"}
    assert obtain("demo/prints_its_place.py", expected=Expected(claims=claims)).measurement == 1
    wrong = {"the snippet prints a verdict": r"^verdict: faster$"}
    with pytest.raises(SnippetError) as raised:
        obtain("demo/prints_its_place.py", expected=Expected(claims=wrong, attempts=3))
    message = str(raised.value)
    assert message.startswith("snippets/demo/prints_its_place.py claim not borne out: ")
    assert "'the snippet prints a verdict' (no line matches '^verdict: faster$')" in message
    assert "(in each of 3 fresh measurements). Its output:\nfile " in message


def test_a_noisy_measurement_shows_which_run_it_is(demos):
    counter = demos / "runs.txt"
    source = f"""\
        from pathlib import Path

        if __name__ == "__main__":
            runs = Path({str(counter)!r})
            count = int(runs.read_text()) + 1 if runs.exists() else 1
            runs.write_text(str(count))
            print("verdict: faster" if count == 2 else "verdict: slower")
        """
    (demos / "snippets" / "demo" / "noisy.py").write_text(textwrap.dedent(source))
    expected = Expected(claims={"it is faster": r"^verdict: faster$"}, attempts=3)
    record = obtain("demo/noisy.py", expected=expected)
    assert (record.measurement, record.output) == (2, "verdict: faster\n")
    label = snippet_pages.run_label(record)
    assert "measured 2 times, this is the last: the earlier run did not bear out" in label
    assert snippet_execution.load(record.key).measurement == 2  # kept as shown


def test_a_measurement_is_taken_again_only_after_a_longer_pause_each_time(demos, monkeypatch):
    monkeypatch.setattr(snippet_execution, "REMEASURE_PAUSE", 0.5)
    starts = demos / "starts.txt"
    source = f"""\
        import time

        if __name__ == "__main__":
            with open({str(starts)!r}, "a") as starts:
                print(time.time(), file=starts)
            print("verdict: slower")
        """
    (demos / "snippets" / "demo" / "slower.py").write_text(textwrap.dedent(source))
    expected = Expected(claims={"it is faster": r"^verdict: faster$"}, attempts=3)
    with pytest.raises(SnippetError, match=r"\(in each of 3 fresh measurements\)"):
        obtain("demo/slower.py", expected=expected)
    first, second, third = (float(line) for line in starts.read_text().split())
    assert second - first >= 0.5  # the pause, plus the first run
    assert third - second >= 1.0  # twice the pause, plus the second run


def test_a_run_can_make_another_start_method_the_default(demos):
    source = """\
        import multiprocessing

        if __name__ == "__main__":
            print(multiprocessing.get_start_method())
            multiprocessing.set_start_method("fork", force=True)
            print(multiprocessing.get_start_method())
        """
    (demos / "snippets" / "demo" / "default_method.py").write_text(textwrap.dedent(source))
    for method in ("spawn", "forkserver"):
        record = run("demo/default_method.py", start_method=method)
        assert (record.output, record.start_method) == (f"{method}\nfork\n", method)
    assert run_key("demo/default_method.py", (), start_method="spawn") != run_key(
        "demo/default_method.py", ()
    )


PRINTS_ITS_TIMES = """\
    import time

    if __name__ == "__main__":
        started = time.time()
        time.sleep(1.5)
        print(f"ran from {started:.3f} to {time.time():.3f}")
    """


def test_a_build_makes_its_runs_together_and_each_measurement_alone(demos):
    if snippet_execution.interpreter_facts(sys.executable)["cpus"] < 2:
        pytest.skip("one usable CPU: runs are made one at a time")
    for name in ("first.py", "second.py", "measures.py"):
        (demos / "snippets" / "demo" / name).write_text(textwrap.dedent(PRINTS_ITS_TIMES))
    directive = (
        'show("demo/first.py") + show("demo/second.py") + show("demo/measures.py", alone=True)'
    )
    result = build(demos, directive)
    assert result.returncode == 0, result.stderr
    records = {
        record["name"]: record
        for record in (json.loads(path.read_text()) for path in (demos / "records").glob("*.json"))
    }
    spans = {
        name: [float(time) for time in record["output"].split()[2::2]]
        for name, record in records.items()
    }
    first, second, measures = (
        spans["demo/first.py"],
        spans["demo/second.py"],
        spans["demo/measures.py"],
    )
    assert first[0] < second[1] and second[0] < first[1]  # ran at the same time
    assert measures[0] >= max(first[1], second[1])  # alone, after them
    assert [records[name]["alone"] for name in sorted(records)] == [False, True, False]
    page = (demos / "site" / "index.html").read_text()
    assert page.count("measured with no other snippet running") == 1
    log = result.stderr
    cpus = snippet_execution.interpreter_facts(sys.executable)["cpus"]
    at_once = cpus * snippet_scheduling.RUNS_PER_CPU
    planned = f"3 snippet runs to make, {at_once} at a time, 1 of them measurements, each run alone"
    assert planned in log
    assert "3/3 snippet runs made in " in log


def test_progress_names_the_runs_under_way_and_counts_those_waiting_their_turn():
    has_its_turn, finished = threading.Event(), threading.Event()

    def measure() -> None:
        with snippet_execution.RUNS.admit(alone=True):
            has_its_turn.set()
            finished.wait()

    measuring = threading.Thread(target=measure)
    measuring.start()
    try:
        assert has_its_turn.wait(5)
        asked = {"demo/measures.py": measuring.ident, "demo/waits.py": threading.get_ident()}
        line = snippet_scheduling.under_way(asked)
    finally:
        finished.set()
        measuring.join()
    assert line == "under way: demo/measures.py (0 s); 1 waiting"
    assert snippet_scheduling.under_way(asked) == "under way: none; 2 waiting"


def test_a_session_runs_its_own_python_fresh_and_keeps_another_pythons_runs(demos, monkeypatch):
    record = run("demo/prints_its_place.py")
    other = replace(record, key="another-python", interpreter="/other/bin/python")
    snippet_execution.keep(other)
    monkeypatch.setenv("SNIPPETS_FRESH_AFTER", str(time.time()))  # a later test session
    assert snippet_execution.load(record.key) is None  # this Python's: run again
    assert snippet_execution.load("another-python") == other  # asserted by its own session
