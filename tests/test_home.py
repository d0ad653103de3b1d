import multiprocessing
import os
import platform

from helpers import main_result, script_output


def test_this_machine(start_method):
    facts = main_result("home/this_machine.py")
    assert facts["python"] == platform.python_version()
    assert facts["default start method"] == multiprocessing.get_all_start_methods()[0]
    assert set(facts["available start methods"]) >= {"spawn"}
    assert facts["cpu_count"] == os.cpu_count()


def test_this_machine_script():
    output = script_output("home/this_machine.py")
    assert f"python: {platform.python_version()}" in output
    assert f"cpu_count: {os.cpu_count()}" in output
