"""freeze_support() under the guard; set_executable() names what spawn runs; fork ignores it."""

import multiprocessing
import multiprocessing.spawn
import os
import sys
import tempfile


def describe_interpreter(results) -> None:
    results.put((sys.executable, os.path.realpath(sys.executable), sys.path))


def child_started_with(method: str, executable: str) -> tuple[str, str, list[str]]:
    """What a child started by `method` runs, while set_executable() names `executable`."""
    context = multiprocessing.get_context(method)
    previous = multiprocessing.spawn.get_executable()  # one setting, shared by every context
    context.set_executable(executable)
    try:
        results = context.Queue()
        child = context.Process(target=describe_interpreter, args=(results,))
        child.start()
        described = results.get(timeout=30)
        child.join()
    finally:
        context.set_executable(previous)  # put it back, as a library must
    return described


def main() -> dict[str, object]:
    frozen = getattr(sys, "frozen", False)
    print(f"sys.frozen: {frozen}, so freeze_support() had no child process to run")
    fixed = multiprocessing.get_start_method(allow_none=True)
    print(f"start method fixed so far: {fixed}")

    with tempfile.TemporaryDirectory() as folder:
        link = os.path.join(folder, "python-link")
        os.symlink(sys.executable, link)  # another path to this same interpreter
        executable, binary, path = child_started_with("spawn", link)
        runs_link = executable == link
        same_binary = binary == os.path.realpath(sys.executable)
        # spawn sends the parent's sys.path (its '' entry made absolute) to the child
        same_path = {entry for entry in sys.path if entry} <= set(path)
        print(f"spawn child's sys.executable is the link: {runs_link}")
        print(f"  the same interpreter as this one: {same_binary}")
        print(f"  every folder on this sys.path is on the child's: {same_path}")
        fork_ignores = None
        if "fork" in multiprocessing.get_all_start_methods():
            executable, _, _ = child_started_with("fork", link)
            fork_ignores = executable == sys.executable
            print(f"fork child, the link still set, has this sys.executable: {fork_ignores}")
        else:
            print("fork child: fork is not available on this platform")
    restored = os.fsdecode(multiprocessing.spawn.get_executable()) == sys.executable
    print(f"set_executable() put back to sys.executable: {restored}")
    return {
        "frozen": frozen,
        "start method fixed": fixed,
        "spawn runs the link": runs_link,
        "same interpreter": same_binary,
        "same sys.path": same_path,
        "fork ignores it": fork_ignores,
        "restored": restored,
    }


if __name__ == "__main__":
    multiprocessing.freeze_support()  # first thing under the guard
    main()
