import re
import sys

from helpers import main_result, script_output


def test_value_and_array(start_method):
    assert main_result("shared_memory/value_and_array.py") == (10, [0.0, 1.0, 4.0, 9.0, 16.0])


def test_value_and_array_script():
    lines = script_output("shared_memory/value_and_array.py").splitlines()
    assert lines[0] == "total wraps a c_int: <Synchronized wrapper for c_int(0)>"
    assert lines[1] == "squares wraps a c_double_Array_5: [0.0, 0.0, 0.0, 0.0, 0.0]"
    assert "total.value = 10" in lines
    assert "squares[:] = [0.0, 1.0, 4.0, 9.0, 16.0]" in lines


def test_raw_values_one_lock(start_method):
    assert main_result("shared_memory/raw_values_one_lock.py") == (100, [10, 20, 30, 40])


def test_raw_values_one_lock_script():
    output = script_output("shared_memory/raw_values_one_lock.py")
    assert "RawValue:          c_long(0), has get_lock: False" in output
    assert "RawArray:          [0, 0, 0, 0], has get_lock: False" in output
    assert "get_lock() is lock: True" in output
    assert output.splitlines()[-1] == "balance 100, history [10, 20, 30, 40]"


def test_lost_updates(start_method):
    unlocked, locked, expected = main_result(
        "shared_memory/lost_updates.py", processes=2, times=1_000
    )
    assert expected == 2_000
    assert 0 < unlocked < expected  # without the lock, updates were lost, as the page says
    assert locked == expected  # with it, none


def test_lost_updates_script():
    lines = script_output("shared_memory/lost_updates.py").splitlines()
    assert lines[0] == "4 processes x 1,000 increments: expected 4,000"
    unlocked = re.fullmatch(r"without a lock: ([\d,]+) \(([\d,]+) updates lost\)", lines[1])
    counted, lost = (int(number.replace(",", "")) for number in unlocked.groups())
    assert lost > 0 and counted + lost == 4_000
    assert lines[2] == "with get_lock(): 4,000 (0 updates lost)"


def test_plain_objects_are_copied(start_method):
    assert main_result("shared_memory/plain_objects_are_copied.py") == ([], {})


def test_plain_objects_are_copied_script():
    lines = script_output("shared_memory/plain_objects_are_copied.py").splitlines()
    assert lines == [
        "child ant: its list ['ant'], its counter {'ant': 1}",
        "child bee: its list ['bee'], its counter {'bee': 1}",
        "child cat: its list ['cat'], its counter {'cat': 1}",
        "parent after join: list [], counter {}",
    ]


def test_create_and_attach(start_method):
    assert main_result("shared_memory/create_and_attach.py") == (b"hello", True, False)


def test_create_and_attach_script():
    lines = script_output("shared_memory/create_and_attach.py").splitlines()
    assert lines[0].startswith("created '") and lines[0].endswith(
        "first bytes b'\\x00\\x00\\x00\\x00\\x00'"
    )
    assert lines[1:] == [
        "after the child wrote: b'hello'",
        "exists after close(): True; after unlink(): False",
    ]


def test_shareable_list(start_method):
    result = main_result("shared_memory/shareable_list.py")
    assert result == ["antelope", 42, 0.5, True, None, b"\x01\x02"]


def test_shareable_list_script():
    lines = script_output("shared_memory/shareable_list.py").splitlines()
    assert lines[0].startswith("before: ['ant', 41, 0.5, True, None, b'\\x01\\x02'] (6 items")
    assert lines[1] == "after:  ['bee', 42, 0.5, True, None, b'\\x01\\x02']"
    assert lines[2] == "'antelope' (8 characters) fits where 'ant' was"
    assert lines[3] == (
        "'antelopes' (9 characters) does not fit:"
        " ValueError: bytes/str item exceeds available storage"
    )
    assert lines[4] == "has append(): False; index(True): 3"


def test_numpy_shared_array(start_method):
    total, expected = main_result("shared_memory/numpy_shared_array.py", workers=2)
    assert total == expected == 333_332_833_333_500_000


def test_numpy_shared_array_script():
    lines = script_output("shared_memory/numpy_shared_array.py").splitlines()
    assert lines[0] == "4 workers filled 1,000,000 int64 (8 MB) in place"
    assert lines[-1] == "sum matches the serial result: True"


def test_shared_memory_manager(start_method):
    partial_sums, still_there = main_result("shared_memory/shared_memory_manager.py", workers=2)
    assert partial_sums == [19_999_900_000, 59_999_900_000]
    assert still_there is False


def test_shared_memory_manager_script():
    lines = script_output("shared_memory/shared_memory_manager.py").splitlines()
    assert lines == [
        "partial sums [4999950000, 14999950000, 24999950000, 34999950000], total 79,999,800,000",
        "after the with block, a segment still exists: False",
    ]


def test_leaked_segment_warning():
    assert main_result("shared_memory/leaked_segment_warning.py") == (True, False)


def test_leaked_segment_warning_script():
    lines = script_output("shared_memory/leaked_segment_warning.py").splitlines()
    assert lines[0].startswith("never unlinks: created 'psm_")
    block = lines[0].split("'")[1]
    warning = (
        "  its stderr: UserWarning: resource_tracker: There appear to be 1 leaked"
        " shared_memory objects to clean up at shutdown"
    )
    # From 3.13 the warning also names the block it unlinked.
    named = f"{warning}: {{'/{block}'}}"
    assert lines[1] == (named if sys.version_info >= (3, 13) else warning)
    assert lines[2] == "  block still exists afterwards: False"
    assert lines[3].startswith("unlinks in finally: created 'psm_")
    assert lines[4:] == ["  its stderr: (nothing)", "  block still exists afterwards: False"]


def test_numpy_handoff_benchmark(start_method):
    results = main_result("shared_memory/numpy_handoff_benchmark.py", sizes_mb=(1, 2), repeats=1)
    assert results == [
        {"size_mb": 1, "queue_sum_ok": True, "shm_sum_ok": True},
        {"size_mb": 2, "queue_sum_ok": True, "shm_sum_ok": True},
    ]


def test_numpy_handoff_benchmark_script():
    lines = script_output("shared_memory/numpy_handoff_benchmark.py").splitlines()
    assert lines[0].split() == (
        ["size", "queue", "(pickled)", "shared", "memory", "ratio", "copy", "in", "ratio"]
        + ["with", "copy"]
    )
    rows = [line.split() for line in lines[1:4]]
    assert [row[:2] for row in rows] == [["1", "MB"], ["10", "MB"], ["100", "MB"]]
    assert all(row[-4].endswith("x") and row[-1].endswith("x") for row in rows)
    assert lines[4].startswith("median of 3 hand-offs")
    assert "warning" not in "\n".join(lines).lower()
    # The verdicts agree with the times printed in the table (in ms, one decimal).
    times = {f"{row[0]} MB": [float(row[i]) for i in (2, 6, 11)] for row in rows}
    faster = all(by_name < by_queue for by_queue, by_name, _ in times.values())
    assert lines[7] == f"shared memory faster than the queue at every size measured: {faster}"
    won = lines[8].removeprefix("with the copy in counted, shared memory was faster at: ")
    assert won == "no size" or set(won.split(", ")) <= set(times)
    for size, (by_queue, by_name, copy_in) in times.items():
        if abs(copy_in + by_name - by_queue) > 0.1:  # beyond the rounding of the printed times
            assert (size in won.split(", ")) == (copy_in + by_name < by_queue)
