from helpers import main_result, script_output


def test_start_and_join(start_method):
    assert main_result("process/start_and_join.py") == [0, 0, 0]


def test_start_and_join_script():
    output = script_output("process/start_and_join.py")
    assert sorted(line.split()[2] for line in output.splitlines()[:3]) == ["alice", "bob", "carol"]
    assert output.splitlines()[-1].endswith("exit codes [0, 0, 0]")
