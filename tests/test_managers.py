import multiprocessing

import pytest
from helpers import main_result, script_output

START_METHODS = ["fork", "spawn", "forkserver"]


def test_manager_shared_types(start_method):
    assert main_result("managers/manager_shared_types.py", workers=3) == {
        "squares": {0: 0, 1: 1, 2: 4},
        "finished": [0, 1, 2],
        "counter": 3,
        "messages": ["worker 0 done", "worker 1 done", "worker 2 done"],
    }


def test_manager_shared_types_script():
    lines = script_output("managers/manager_shared_types.py").splitlines()
    assert lines[0] == "the manager runs in a process of its own: ['SyncManager-1']"
    assert [line.strip() for line in lines[1:7]] == [
        "DictProxy",
        "ListProxy",
        "NamespaceProxy",
        "AutoProxy[Queue]",
        "AcquirerProxy",
        "ValueProxy",
    ]
    assert lines[7:] == [
        "isinstance(squares, dict): False",
        "squares: {0: 0, 1: 1, 2: 4, 3: 9}",
        "finished: [0, 1, 2, 3]",
        "counter: 4",
        "messages: ['worker 0 done', 'worker 1 done', 'worker 2 done', 'worker 3 done']",
    ]


def test_nested_mutation_trap(start_method):
    assert main_result("managers/nested_mutation_trap.py", workers=3) == {
        "in place (the trap)": [],
        "fix 1: reassign under a lock": [0, 1, 2],
        "fix 2: nested manager.list()": [0, 1, 2],
    }


def test_nested_mutation_trap_script():
    lines = script_output("managers/nested_mutation_trap.py").splitlines()
    assert [line.split("d['items'] = ")[1] for line in lines] == [
        "[]",
        "[0, 1, 2, 3]",
        "[0, 1, 2, 3]",
    ]


def test_custom_base_manager(start_method):
    assert main_result("managers/custom_base_manager.py") == [("bob", 15), ("cy", 10), ("ada", 6)]


def test_custom_base_manager_script():
    lines = script_output("managers/custom_base_manager.py").splitlines()
    assert lines == [
        "proxy type: AutoProxy[Scoreboard]",
        "top 3: [('bob', 15), ('cy', 10), ('ada', 6)]",
        "proxy has .add: True, has .scores: False",
    ]


def test_exposed_methods(start_method):
    # Imported here, the class lives in this module under its package's name, whatever the method.
    assert main_result("managers/exposed_methods.py") == {
        "public_methods": ["increment", "reset", "value"],
        "without exposed=": ["increment", "reset", "value"],
        "with exposed=": ["increment", "value"],
        "refused": (
            "AttributeError: method 'reset' of <class 'snippets.managers.exposed_methods.Counter'>"
            " object is not in exposed={'increment', 'value'}"
        ),
        "value": 3,
    }


def test_exposed_methods_script():
    lines = script_output("managers/exposed_methods.py").splitlines()
    # Run as a script, the class is __main__'s under fork; spawn and forkserver import the
    # script as __mp_main__ in the manager's process.
    default_method = multiprocessing.get_all_start_methods()[0]
    module = "__main__" if default_method == "fork" else "__mp_main__"
    assert lines == [
        "public_methods(Counter()): ['increment', 'reset', 'value']",
        "without exposed=: AutoProxy[OpenCounter] offers ['increment', 'reset', 'value']",
        "open_counter.count -> AttributeError: 'AutoProxy[OpenCounter]' object has no attribute"
        " 'count'",
        "exposed=('increment', 'value'): AutoProxy[Counter] offers ['increment', 'value']",
        "increment() three times, then value(): 3",
        "counter.reset() -> AttributeError: 'AutoProxy[Counter]' object has no attribute 'reset'",
        "counter._callmethod('reset') -> RemoteError, with the manager's traceback:",
        f"  AttributeError: method 'reset' of <class '{module}.Counter'> object is not in"
        " exposed={'increment', 'value'}",
        "  KeyError: 'reset'",
        "value() is still 3",
    ]


def test_remote_manager(start_method):
    received, refused = main_result("managers/remote_manager.py", count=2)
    assert received == ["job 0", "job 1"]
    assert refused.startswith("AuthenticationError: ")


def test_remote_manager_script():
    lines = script_output("managers/remote_manager.py").splitlines()
    assert lines[0].startswith("server listening on 127.0.0.1 (port ")
    assert lines[1:] == [
        "client exit code: 0",
        "received: ['job 0', 'job 1', 'job 2']",
        "a client with another key: AuthenticationError: digest sent was rejected",
        "processes still running after shutdown(): []",
    ]


def test_proxy_after_manager_dies(start_method):
    assert main_result("managers/proxy_after_manager_dies.py") == {
        "shutdown": ["BrokenPipeError", "FileNotFoundError"],
        "kill": ["BrokenPipeError", "ConnectionRefusedError"],
    }


def test_proxy_after_manager_dies_script():
    lines = script_output("managers/proxy_after_manager_dies.py").splitlines()
    assert lines == [
        "a new manager: progress['step'] = 1",
        "manager.shutdown(); then, through the same proxy:",
        "  from this thread (connected already): BrokenPipeError: [Errno 32] Broken pipe",
        "  from a new thread (connects first):   FileNotFoundError: [Errno 2] No such file or"
        " directory",
        "a new manager: progress['step'] = 1",
        "the manager's process killed (SIGKILL); then, through the same proxy:",
        "  from this thread (connected already): BrokenPipeError: [Errno 32] Broken pipe",
        "  from a new thread (connects first):   ConnectionRefusedError: [Errno 111] Connection"
        " refused",
    ]


# The snippet sends SIGINT to its own process group. Called in this process, main() would
# signal pytest itself, so it is tested only as a script, in a group of its own.
@pytest.mark.parametrize("args", [(), *[(method,) for method in START_METHODS]])
def test_ctrl_c_and_the_manager_script(args):
    lines = script_output("managers/ctrl_c_and_the_manager.py", *args).splitlines()
    method = args[0] if args else multiprocessing.get_all_start_methods()[0]
    interrupted = "  Ctrl-C after 5 of 10 steps: KeyboardInterrupt in the main process"
    assert lines == [
        f"start method {method}",
        "Manager():",
        interrupted,
        "  the manager's process after join(timeout=1): running",
        "  saved through the proxy: {0: 0, 1: 1, 2: 4, 3: 9, 4: 16}",
        "SyncManager().start(initializer) that restores Ctrl-C in the manager:",
        interrupted,
        "  the manager's process after join(timeout=1): exited with code 0",
        "  nothing saved: BrokenPipeError: [Errno 32] Broken pipe",
    ]


def test_proxy_vs_shared_value(start_method):
    finals = main_result(
        "managers/proxy_vs_shared_value.py", proxy_times=100, shared_times=1_000, repeats=1
    )
    assert finals == {  # each run: one warm-up increment, then the timed ones
        "Manager().Value proxy": 101,
        "Manager().list proxy item": 101,
        "Value (synchronized)": 1_001,
        "Array item (synchronized)": 1_001,
        "RawValue (no lock)": 1_001,
    }


def test_proxy_vs_shared_value_script():
    lines = script_output("managers/proxy_vs_shared_value.py").splitlines()
    kinds = [line.split("  ")[0] for line in lines[:5]]
    assert kinds == [
        "Manager().Value proxy",
        "Manager().list proxy item",
        "Value (synchronized)",
        "Array item (synchronized)",
        "RawValue (no lock)",
    ]
    assert all(line.endswith(" increments/s") for line in lines[:5])
    # Each verdict and the ranking agree with the rates printed in the table.
    rates = {
        kind: int(line.split()[-2].replace(",", ""))
        for kind, line in zip(kinds, lines[:5], strict=True)
    }
    pairs = [
        ("Value (synchronized)", "Manager().Value proxy"),
        ("Array item (synchronized)", "Manager().list proxy item"),
        ("RawValue (no lock)", "Value (synchronized)"),
    ]
    for line, (first, second) in zip(lines[5:8], pairs, strict=True):
        verdict = "faster" if rates[first] > rates[second] else "not faster"
        assert line.startswith(f"{first} / {second}: ") and line.endswith(f"x, {verdict}")
    ranking = ", ".join(sorted(rates, key=rates.get, reverse=True))
    assert lines[8] == f"fastest first: {ranking}"
    assert lines[9] == "median of 3 runs, one process each, one warm-up increment per run"
