"""The "no children for a daemon" check is an assert: under python -O it is gone.

main() tries it here, then runs this same file again under python -O, with the same start
method, and shows what that run printed.
"""

import multiprocessing
import os
import subprocess
import sys


def grandchild(report, release) -> None:
    me = multiprocessing.current_process()
    report.put((os.getpid(), f"grandchild started, daemon={me.daemon}"))
    release.wait(timeout=10)  # until the main process has looked at it
    report.put((os.getpid(), "grandchild released, exiting"))


def daemon_target(report, release) -> None:
    grand = multiprocessing.Process(target=grandchild, args=(report, release))
    try:
        grand.start()
    except AssertionError as error:
        report.put((None, f"start() in the daemon raised AssertionError: {error}"))
        return
    grand.join()


def assertions_on() -> list[str]:
    report, release = multiprocessing.Queue(), multiprocessing.Event()
    daemon = multiprocessing.Process(target=daemon_target, args=(report, release), daemon=True)
    daemon.start()
    _, line = report.get(timeout=10)
    daemon.join()
    return [line, f"the daemon exited with code {daemon.exitcode}"]


def assertions_off() -> list[str]:
    report, release = multiprocessing.Queue(), multiprocessing.Event()
    daemon = multiprocessing.Process(target=daemon_target, args=(report, release), daemon=True)
    daemon.start()
    grandchild_pid, line = report.get(timeout=10)
    lines = [line]
    daemon.terminate()  # what the daemon's parent does to it when the parent exits
    daemon.join()
    lines.append(f"daemon terminated, exit code {daemon.exitcode}")
    try:
        os.kill(grandchild_pid, 0)  # signal 0 sends nothing: it only asks if the pid exists
        still_running = True
    except ProcessLookupError:
        still_running = False
    lines.append(f"the grandchild is still running: {still_running}")
    release.set()  # let it finish, so that this example leaves nothing behind
    lines.append(report.get(timeout=10)[1])
    return lines


def main(method: str | None = None) -> dict:
    method = method or multiprocessing.get_start_method()
    checked = assertions_on()
    print(f"python (start method {method}):")
    for line in checked:
        print(f"  {line}")

    optimized = subprocess.run(
        [sys.executable, "-O", __file__, "assertions-off", method],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=30,
    )
    print("python -O:")
    print(optimized.stdout, end="")
    unchecked = [line.strip() for line in optimized.stdout.splitlines()]
    return {"python": checked, "python -O": unchecked}


if __name__ == "__main__":
    if sys.argv[1:2] == ["assertions-off"]:
        multiprocessing.set_start_method(sys.argv[2])
        for line in assertions_off():
            print(f"  {line}")
    else:
        main()
