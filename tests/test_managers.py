from helpers import main_result, script_output


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
