import re

import timelines
from helpers import main_result, script_output, script_record

EXPECTED_TOTAL = 4 * 1_000


def test_lock_counter(start_method):
    unlocked, locked = main_result("synchronization/lock_counter.py")
    assert 0 < unlocked < EXPECTED_TOTAL  # without the lock, increments were lost
    assert locked == EXPECTED_TOTAL  # with it, none


def test_lock_counter_script():
    lines = script_output("synchronization/lock_counter.py").splitlines()
    unlocked = re.fullmatch(rf"without a lock: (\d+) of {EXPECTED_TOTAL} \((\d+) lost\)", lines[0])
    counted, lost = (int(number) for number in unlocked.groups())
    assert lost > 0 and counted + lost == EXPECTED_TOTAL
    assert lines[1] == f"with a lock:    {EXPECTED_TOTAL} of {EXPECTED_TOTAL} (0 lost)"


RLOCK_LOGS = {
    "RLock": ["transfer: holds the lock", "audit: acquired it again"],
    "Lock": [
        "transfer: holds the lock",
        "audit: acquire(timeout=0.5) returned False: it would wait for itself",
    ],
}


def test_rlock_reentry(start_method):
    assert main_result("synchronization/rlock_reentry.py") == RLOCK_LOGS


def test_rlock_reentry_script():
    output = script_output("synchronization/rlock_reentry.py")
    assert output.splitlines() == [
        "RLock:",
        *(f"  {line}" for line in RLOCK_LOGS["RLock"]),
        "Lock:",
        *(f"  {line}" for line in RLOCK_LOGS["Lock"]),
    ]


def test_semaphore_limit(start_method):
    assert main_result("synchronization/semaphore_limit.py") == 2


def test_semaphore_limit_script():
    lines = script_output("synchronization/semaphore_limit.py").splitlines()
    assert lines[0] == "6 workers, Semaphore(2): at most 2 inside at once"
    seconds = float(lines[1].split(" took ")[1].split()[0])
    assert seconds >= 0.6  # three rounds of 0.2 s cannot take less
    assert lines[1].endswith("(at least 3 rounds of 0.2 s)")


OVER_RELEASE = {
    "Semaphore": ("second release() accepted", 3),
    "BoundedSemaphore": (
        "second release() raised ValueError: semaphore or lock released too many times",
        2,
    ),
}


def test_bounded_semaphore_over_release(start_method):
    assert main_result("synchronization/bounded_semaphore_over_release.py") == OVER_RELEASE


def test_bounded_semaphore_over_release_script():
    output = script_output("synchronization/bounded_semaphore_over_release.py")
    assert output.splitlines() == [
        "Semaphore(2): second release() accepted",
        "  free slots afterwards: 3",
        "BoundedSemaphore(2): second release() raised ValueError:"
        " semaphore or lock released too many times",
        "  free slots afterwards: 2",
    ]


def test_event_wait_set_clear(start_method):
    assert main_result("synchronization/event_wait_set_clear.py") == [
        ("impatient", False),
        ("worker-1", True),
        ("worker-2", True),
        ("worker-3", True),
        ("after clear()", False),
    ]


def test_event_wait_set_clear_script():
    output = script_output("synchronization/event_wait_set_clear.py")
    assert output.splitlines() == [
        "new Event: is_set() = False",
        "impatient worker, wait(0.2) before set(): False",
        "worker-1: wait(10) returned True",
        "worker-2: wait(10) returned True",
        "worker-3: wait(10) returned True",
        "after clear(): is_set() = False, wait(0.1) = False",
    ]


CONDITION_ROUNDS = [
    (1, "notify()", 1, 0),
    (2, "notify()", 1, 1),
    (1, "notify_all()", 2, 0),
    (1, "notify_all()", 1, 0),
]


def test_condition_notify(start_method):
    assert main_result("synchronization/condition_notify.py") == CONDITION_ROUNDS


def test_condition_notify_script():
    lines = script_output("synchronization/condition_notify.py").splitlines()
    assert lines[1] == (
        "add 2 ticket(s), notify()    : 1 got a ticket, 1 ticket(s) unclaimed,"
        " 3 worker(s) still asleep"
    )
    assert lines[-1].endswith("0 worker(s) still asleep")
    assert len(lines) == len(CONDITION_ROUNDS)


def test_barrier_parties(start_method):
    assert main_result("synchronization/barrier_parties.py") == [0, 1, 2]


def test_barrier_parties_script():
    lines = script_output("synchronization/barrier_parties.py").splitlines()
    parent_pid = lines[0].split()[2].rstrip(":")
    assert lines[0].endswith("parties = 3, broken = False")
    assert lines[1].startswith("action: all parties arrived (run in pid ")
    assert parent_pid not in lines[1]  # the action ran in a worker, not in the parent
    assert lines[-1] == "indices: [0, 1, 2]"


BROKEN = [("worker-1", "BrokenBarrierError"), ("worker-2", "BrokenBarrierError")]


def test_barrier_timeout_abort(start_method):
    assert main_result("synchronization/barrier_timeout_abort.py") == {
        "timeout": BROKEN,
        "abort": BROKEN,
    }


def test_barrier_timeout_abort_script():
    output = script_output("synchronization/barrier_timeout_abort.py")
    assert output.splitlines() == [
        "Barrier(3, timeout=0.3), 2 arrive: broken = True",
        "  worker-1: BrokenBarrierError",
        "  worker-2: BrokenBarrierError",
        "Barrier(3), abort() from the parent: broken = True",
        "  worker-1: BrokenBarrierError",
        "  worker-2: BrokenBarrierError",
        "after reset(): broken = False",
    ]


REFUSED = "RuntimeError: Lock objects should only be shared between processes through inheritance"


def test_lock_as_task_argument(start_method):
    assert main_result("synchronization/lock_as_task_argument.py") == (
        REFUSED,
        [0, 1, 4, 9, 16, 25],
    )


def test_lock_as_task_argument_script():
    output = script_output("synchronization/lock_as_task_argument.py")
    assert output.splitlines() == [
        f"as a task argument: {REFUSED}",
        "through the initializer: [0, 1, 4, 9, 16, 25]",
    ]


def test_timeline_lock_queue(start_method):
    outcome = main_result("synchronization/timeline_lock_queue.py")
    assert outcome["turns"] == 9 and outcome["most_at_once"] == 1


def test_timeline_lock_queue_script():
    record = script_record("synchronization/timeline_lock_queue.py")
    lines = record.output.splitlines()
    assert lines[:2] == [
        "9 turns at the lock by 3 processes",
        "processes holding the lock at once: at most 1",
    ]
    svg = record.figures["timeline_lock.svg"]
    holding, waiting = timelines.spans(svg, "holding"), timelines.spans(svg, "waiting")
    # Every turn appears once, and holds never overlap, even across processes.
    assert sorted((bar.process, bar.label) for bar in holding) == [
        (f"process {p}", str(turn)) for p in (1, 2, 3) for turn in (1, 2, 3)
    ]
    assert timelines.most_at_once(holding) == 1
    # Each wait ends where its hold starts.
    starts = {(bar.process, bar.label): bar.start for bar in holding}
    assert [starts[bar.process, bar.label] - bar.end for bar in waiting] == [0.0] * 9
    waited = sum(bar.end - bar.start > 1 for bar in waiting)
    assert re.fullmatch(
        rf"turns that waited over 1 ms for it: {waited} \(the longest \d+ ms\)", lines[2]
    )


def test_timeline_semaphore_cap(start_method):
    outcome = main_result("synchronization/timeline_semaphore_cap.py")
    assert outcome == {"turns": 10, "most_at_once": 2}


def test_timeline_semaphore_cap_script():
    record = script_record("synchronization/timeline_semaphore_cap.py")
    assert record.output.splitlines() == [
        "10 turns inside by 5 processes, Semaphore(2)",
        "processes inside at once: at most 2",
    ]
    svg = record.figures["timeline_semaphore.svg"]
    inside, waiting = timelines.spans(svg, "holding"), timelines.spans(svg, "waiting")
    assert sorted((bar.process, bar.label) for bar in inside) == [
        (f"process {p}", str(turn)) for p in (1, 2, 3, 4, 5) for turn in (1, 2)
    ]
    assert timelines.most_at_once(inside) == 2  # the cap held, and it was reached
    assert timelines.overlaps_within_a_process(inside) == []
    # Each wait ends where its turn inside starts.
    starts = {(bar.process, bar.label): bar.start for bar in inside}
    assert [starts[bar.process, bar.label] - bar.end for bar in waiting] == [0.0] * 10


def test_timeline_barrier_phases(start_method):
    assert main_result("synchronization/timeline_barrier_phases.py") == {
        "phases": 9,
        "in_order": True,
    }


def test_timeline_barrier_phases_script():
    record = script_record("synchronization/timeline_barrier_phases.py")
    lines = record.output.splitlines()
    assert [line.split(":")[0] for line in lines[:3]] == ["phase 1", "phase 2", "phase 3"]
    assert lines[3] == "no process started a phase before every process had ended the one before"
    work = timelines.spans(record.figures["timeline_barrier.svg"], "busy")
    assert sorted((bar.process, bar.label) for bar in work) == [
        (f"process {p}", f"phase {k}") for p in (1, 2, 3) for k in (1, 2, 3)
    ]
    for phase in (1, 2):
        ended = max(bar.end for bar in work if bar.label == f"phase {phase}")
        started = min(bar.start for bar in work if bar.label == f"phase {phase + 1}")
        assert started >= ended, f"phase {phase + 1} began before phase {phase} ended"
