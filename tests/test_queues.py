import pytest
from helpers import main_result, script_output


def test_put_and_get(start_method):
    assert main_result("queues/put_and_get.py") == (["alpha", "beta", "gamma"], "queue.Empty")


def test_put_and_get_script():
    output = script_output("queues/put_and_get.py").splitlines()
    assert output == [
        "received ['alpha', 'beta', 'gamma']",
        "a fourth get(timeout=0.5) raised queue.Empty",
        "child exit code 0",
    ]


def test_maxsize_blocks_put(start_method):
    assert main_result("queues/maxsize_blocks_put.py") == (
        ["put(timeout=0.2)", "put_nowait()"],
        ["a", "b", "c"],
        True,
    )


def test_maxsize_blocks_put_script():
    output = script_output("queues/maxsize_blocks_put.py").splitlines()
    assert output == [
        "on the full queue, queue.Full from: ['put(timeout=0.2)', 'put_nowait()']",
        "put('c') blocked until the consumer made room: True",
        "the consumer got ['a', 'b', 'c']",
    ]


def test_sentinel_per_consumer(start_method):
    assert main_result("queues/sentinel_per_consumer.py") == [n * n for n in range(10)]


def test_sentinel_per_consumer_script():
    lines = script_output("queues/sentinel_per_consumer.py").splitlines()
    assert len(lines) == 5
    handled = [int(line.split()[3]) for line in lines[:3]]
    assert all(line.endswith("tasks, then a sentinel") for line in lines[:3])
    assert sum(handled) == 10
    assert lines[3] == "3 consumers took 10 tasks in all"
    assert lines[4] == f"squares: {[n * n for n in range(10)]}"


def test_many_producers_many_consumers(start_method):
    expected = sorted(f"p{p}-{n}" for p in range(2) for n in range(5))
    assert main_result("queues/many_producers_many_consumers.py") == expected


def test_many_producers_many_consumers_script():
    lines = script_output("queues/many_producers_many_consumers.py").splitlines()
    counts = eval(lines[0].removeprefix("items handled per consumer: "))
    assert set(counts) == {0, 1} and sum(counts.values()) == 10
    assert lines[1] == "10 items, each exactly once: True"


def test_joinable_queue_task_done(start_method):
    assert main_result("queues/joinable_queue_task_done.py") == [0, 10, 20, 30, 40, 50]


def test_joinable_queue_task_done_script():
    assert script_output("queues/joinable_queue_task_done.py").splitlines() == [
        "tasks.join() returned: all 6 tasks are done",
        "results: [0, 10, 20, 30, 40, 50]",
        "worker exit codes: [0, 0]",
    ]


def test_simple_queue_basics(start_method):
    assert main_result("queues/simple_queue_basics.py") == [0, 2, 4, 6, 8]


def test_simple_queue_basics_script():
    lines = script_output("queues/simple_queue_basics.py").splitlines()
    assert lines[0] == "doubled: [0, 2, 4, 6, 8]"
    assert lines[1:] == [
        f"SimpleQueue has {name}(): {present}"
        for name, present in [
            ("put", True),
            ("get", True),
            ("empty", True),
            ("close", True),
            ("qsize", False),
            ("put_nowait", False),
            ("join_thread", False),
        ]
    ]


def test_close_and_join_thread(start_method):
    assert main_result("queues/close_and_join_thread.py") == ([0, 1, 2], 0)


def test_close_and_join_thread_script():
    assert script_output("queues/close_and_join_thread.py").splitlines() == [
        "child: all 3 items flushed to the pipe",
        "parent got [0, 1, 2]",
        "child: put 4 MiB nobody will read, exiting anyway",
        "child exited by itself with code 0 (alive: False)",
        "it exited within the timeout: True",
    ]


NAIVE_DRAIN = "'while not q.empty(): q.get()' got 0 of 5 items"  # before the first put()


def test_empty_and_qsize_are_guesses(start_method, capsys):
    assert main_result("queues/empty_and_qsize_are_guesses.py") == {
        "empty_was_wrong": True,
        "naive_got_all": False,
        "counted": [0, 1, 2, 3, 4],
    }
    assert NAIVE_DRAIN in capsys.readouterr().out.splitlines()


def test_empty_and_qsize_are_guesses_script():
    lines = script_output("queues/empty_and_qsize_are_guesses.py").splitlines()
    wrong = int(lines[0].split(" in ")[1].split()[0])
    assert lines[0].startswith("right after put(): empty() said True in ") and wrong > 0
    assert lines[1] == "and qsize() in those trials said: ['1']"
    assert lines[2] == NAIVE_DRAIN
    assert lines[3] == "receiving exactly 5 items got [0, 1, 2, 3, 4]"


def test_join_before_drain_deadlock(start_method):
    assert main_result("queues/join_before_drain_deadlock.py") == (True, 0, 10 * 1024 * 1024)


def test_join_before_drain_deadlock_script():
    assert script_output("queues/join_before_drain_deadlock.py").splitlines() == [
        "child: put() returned, send_result() is done",
        "after join(timeout=2): child alive True, exit code None",
        "after get(): 10,485,760 bytes received, child exit code 0",
    ]


def test_drain_then_join(start_method):
    expected = [(worker, 10 * 1024 * 1024) for worker in range(3)]
    assert main_result("queues/drain_then_join.py") == expected


def test_drain_then_join_script():
    assert script_output("queues/drain_then_join.py").splitlines() == [
        "received (worker, bytes): [(0, 10485760), (1, 10485760), (2, 10485760)]",
        "exit codes: [0, 0, 0]",
    ]


LOCK_ERROR = "TypeError: cannot pickle '_thread.lock' object"


def test_unpicklable_item_dropped(start_method, capsys):
    assert main_result("queues/unpicklable_item_dropped.py") == (
        "raised queue.Empty",
        "next item",
        LOCK_ERROR,
    )
    assert LOCK_ERROR in capsys.readouterr().err.splitlines()  # the feeder thread's traceback


def test_unpicklable_item_dropped_script():
    lines = script_output("queues/unpicklable_item_dropped.py").splitlines()
    feeder_traceback = lines[: lines.index(LOCK_ERROR) + 1]
    assert feeder_traceback[0] == "Traceback (most recent call last):"
    assert feeder_traceback[1].endswith(", in _feed")
    assert feeder_traceback[2] == "    obj = _ForkingPickler.dumps(obj)"
    assert lines[-4:] == [
        "q.put(lock) returned normally",
        "the consumer's get(timeout=1) raised queue.Empty",
        "the next put() arrived: 'next item'",
        f"put_checked(q, lock) raised at the call: {LOCK_ERROR}",
    ]


def test_mutated_after_put(start_method):
    assert main_result("queues/mutated_after_put.py") == (
        ["milk", "eggs", "changed after put()"],
        ["milk", "eggs"],
    )


def test_mutated_after_put_script():
    assert script_output("queues/mutated_after_put.py").splitlines() == [
        "put(order), then order.append(...): the consumer got "
        "['milk', 'eggs', 'changed after put()']",
        "put(list(order)), then order.append(...): the consumer got ['milk', 'eggs']",
    ]


def test_pool_gets_manager_queue(start_method):
    squares = [n * n for n in range(5)]
    assert main_result("queues/pool_gets_manager_queue.py") == (squares, squares)


def test_pool_gets_manager_queue_script():
    assert script_output("queues/pool_gets_manager_queue.py").splitlines() == [
        "a Manager().Queue() passed to apply_async(): [0, 1, 4, 9, 16]",
        "a Queue passed once, through initargs: [0, 1, 4, 9, 16]",
    ]


INHERITANCE_ONLY = "Queue objects should only be shared between processes through inheritance"


def test_queue_as_pool_task_argument(start_method, capsys):
    with pytest.raises(RuntimeError, match=f"^{INHERITANCE_ONLY}$"):
        main_result("queues/queue_as_pool_task_argument.py")
    assert capsys.readouterr().out.splitlines() == [
        "apply_async() returned normally",
        f"its get() raised RuntimeError: {INHERITANCE_ONLY}",
    ]


def test_queue_as_pool_task_argument_script():
    lines = script_output("queues/queue_as_pool_task_argument.py").splitlines()
    assert lines[:3] == [
        "apply_async() returned normally",
        f"its get() raised RuntimeError: {INHERITANCE_ONLY}",
        "Traceback (most recent call last):",
    ]
    assert lines[-1] == f"RuntimeError: {INHERITANCE_ONLY}"
    frames = [line.split(", in ")[1] for line in lines if line.startswith('  File "')]
    assert frames[frames.index("get") :] == [
        "get",
        "_handle_tasks",
        "send",
        "dumps",
        "__getstate__",
        "assert_spawning",
    ]
