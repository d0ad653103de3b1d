import hashlib
import importlib
import multiprocessing
import random
import re
from collections import Counter

import pytest
from helpers import main_result, script_output
from speed_verdicts import assert_agrees, seconds_in


def primes_below(limit: int) -> int:
    """Sieve of Eratosthenes: an independent check of the snippets' trial division."""
    sieve = bytearray([1]) * limit
    sieve[:2] = b"\0\0"
    for n in range(2, int(limit**0.5) + 1):
        if sieve[n]:
            sieve[n * n :: n] = bytearray(len(range(n * n, limit, n)))
    return sum(sieve)


TIMING_LINE = re.compile(r"^(serial|\d+ threads|\d+ processes) +\d+\.\d{3} s +speedup +\d+\.\d+x$")


def test_hash_files_in_folder(start_method):
    rng = random.Random(2024)  # the files the snippet writes, hashed here in memory
    expected = {
        f"file_{index:03d}.bin": hashlib.sha256(rng.randbytes(64 * 1024) * 16).hexdigest()
        for index in range(4)
    }
    result = main_result("recipes/hash_files_in_folder.py", n_files=4, mib_per_file=1, repeats=1)
    assert result == {"all_runs_agree": True, "digests": expected}


def test_hash_files_in_folder_script():
    lines = script_output("recipes/hash_files_in_folder.py").splitlines()
    assert re.fullmatch(r"64 files of 2 MiB each in a temporary folder, \d+ workers", lines[0])
    assert lines[1] == "median of 3 rounds after a warm-up, the three ways taking turns"
    assert [bool(TIMING_LINE.match(line)) for line in lines[2:5]] == [True, True, True]
    serial_s, threads_s, processes_s = (seconds_in(line)[0] for line in lines[2:5])
    assert lines[5] == "same 64 digests from all three: True"
    assert lines[6].startswith("file_000.bin  sha256 ")
    # Each verdict is the one the printed times give.
    workers = lines[0].rsplit(", ", 1)[1].removesuffix(" workers")
    assert lines[7].startswith(f"verdict: {workers} threads were ")
    assert lines[7].endswith("x)") and " serial (" in lines[7]
    assert_agrees(lines[7], serial_s, threads_s)
    assert lines[8].startswith(f"verdict: {workers} processes were ")
    assert lines[8].endswith("x)") and f" {workers} threads (" in lines[8]
    assert_agrees(lines[8], threads_s, processes_s)
    assert lines[-1] == "folder removed: True"
    assert len(lines) == 10


def test_word_count_map_reduce(start_method):
    snippet = importlib.import_module("snippets.recipes.word_count_map_reduce")
    documents = snippet.make_corpus(40, 200, seed=7)
    counted_here = Counter(re.findall(r"[a-z]+", " ".join(documents).lower()))
    result = main_result("recipes/word_count_map_reduce.py", n_documents=40, words_per_document=200)
    assert result == {
        "same_counts": True,
        "total_words": 8000,
        "distinct_words": len(counted_here),
        "top": counted_here.most_common(5),
    }


def test_word_count_map_reduce_script():
    lines = script_output("recipes/word_count_map_reduce.py").splitlines()
    assert len(lines) == 12  # the five most common words sit between the counts and the verdict
    workers = int(lines[0].removeprefix("1000 documents, 1,000,000 words, ").split()[0])
    assert lines[1] == "median of 3 rounds after a warm-up, serial and map-reduce taking turns"
    assert lines[2].startswith("serial ")
    assert lines[3].startswith("pool start-up ")
    assert lines[3].endswith(f"(once, until it answered {workers} empty tasks)")
    assert lines[4].startswith("map-reduce ") and lines[4].endswith("on the running pool")
    serial_s, startup_s, parallel_s = (seconds_in(line)[0] for line in lines[2:5])
    assert lines[5].startswith("same counts: True; ")
    # The verdict is the one the printed times give, without and with the start-up.
    running, with_startup = lines[11].split("; counting the start-up too, ")
    assert running.startswith("verdict: on the running pool, the map-reduce was ")
    assert running.endswith("x)") and with_startup.endswith("x)")
    assert_agrees(running, serial_s, parallel_s)
    assert_agrees(with_startup, serial_s, startup_s + parallel_s)


def test_url_checker_local_server(start_method):
    result = main_result("recipes/url_checker_local_server.py", n_urls=20, workers=4, repeats=1)
    assert result == {"all_runs_agree": True, "statuses": {200: 16, 404: 2, 500: 2}}


@pytest.mark.parametrize("args", [(), ("spawn",)])
def test_url_checker_local_server_script(args):
    lines = script_output("recipes/url_checker_local_server.py", *args).splitlines()
    assert lines[0] == "20 URLs, a server answering in 20 ms each"
    method = args[0] if args else multiprocessing.get_all_start_methods()[0]
    assert lines[1] == f"start method for the processes: {method}"
    labels = [line.split(" s ")[0].rsplit(maxsplit=1)[0] for line in lines[2:5]]
    assert labels == ["serial", "8 threads", "8 processes"]
    assert all("speedup" in line for line in lines[2:5])
    serial_s, threads_s, processes_s = (seconds_in(line)[0] for line in lines[2:5])
    assert lines[5] == "statuses {200: 16, 404: 2, 500: 2}; same from all three: True"
    assert lines[6] == "server stopped: True"
    # Each verdict is the one the printed times give.
    assert lines[7].startswith("verdict: 8 threads were ") and " serial (" in lines[7]
    assert_agrees(lines[7], serial_s, threads_s)
    assert lines[8].startswith("verdict: 8 processes were ") and " 8 threads (" in lines[8]
    assert_agrees(lines[8], threads_s, processes_s)
    assert len(lines) == 9


def test_progress_bar_tqdm(start_method):
    expected = sorted(primes_below(2000 + 250 * i) for i in range(6))
    assert main_result("recipes/progress_bar_tqdm.py", n_tasks=6, base=2000) == expected


def test_progress_bar_tqdm_script():
    lines = script_output("recipes/progress_bar_tqdm.py").splitlines()
    assert lines[0].startswith("serial  : 100%|") and "| 40/40 [" in lines[0]
    assert lines[1].startswith("parallel: 100%|") and "| 40/40 [" in lines[1]
    assert max(len(line) for line in lines[:2]) <= 80  # ncols=80: the bar fits the page
    assert lines[2].startswith("serial ") and "speedup" in lines[2]
    assert lines[3] == "same results (compared sorted): True"


def test_progress_done_lines(start_method, capsys):
    expected = sorted(primes_below(2000 + 250 * i) for i in range(6))
    assert (
        main_result("recipes/progress_done_lines.py", n_tasks=6, base=2000, reports=3) == expected
    )
    done = [line.split(" after ")[0] for line in capsys.readouterr().out.splitlines()[:3]]
    assert done == ["done 2/6", "done 4/6", "done 6/6"]


def test_progress_done_lines_script():
    lines = script_output("recipes/progress_done_lines.py").splitlines()
    assert [line.split(" after ")[0] for line in lines[:4]] == [
        "done 10/40",
        "done 20/40",
        "done 30/40",
        "done 40/40",
    ]
    assert lines[5] == "same results (compared sorted): True"
