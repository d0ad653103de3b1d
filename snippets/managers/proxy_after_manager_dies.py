"""What a proxy raises once its manager is gone: after shutdown(), and after its process died."""

import multiprocessing
import os
import tempfile
import threading
from multiprocessing.managers import SyncManager


def read(progress) -> str:
    """One call through the proxy; a manager that is gone makes it raise OSError or EOFError."""
    try:
        return f"progress['step'] = {progress['step']}"
    except (OSError, EOFError) as error:
        return f"{type(error).__name__}: {error}"


def read_in_new_thread(progress) -> str:
    """A thread's first call through a proxy opens that thread's own connection to the manager."""
    outcome = []
    reader = threading.Thread(target=lambda: outcome.append(read(progress)))
    reader.start()
    reader.join()
    return outcome[0]


def main() -> dict[str, list[str]]:
    outcomes = {}
    with tempfile.TemporaryDirectory() as folder:
        # Manager() would put its socket in a temporary folder of its own, which a killed manager
        # cannot remove: these listen in a folder that we remove ourselves.
        stopped = SyncManager(address=os.path.join(folder, "stopped.sock"))
        killed = SyncManager(address=os.path.join(folder, "killed.sock"))
        # Both start before any thread does: forking a process that runs threads is unsafe.
        killed.start()
        [killed_process] = multiprocessing.active_children()  # its process, our only child
        stopped.start()
        try:
            for ending, manager in [("shutdown", stopped), ("kill", killed)]:
                progress = manager.dict(step=1)
                print(f"a new manager: {read(progress)}")
                if ending == "shutdown":
                    manager.shutdown()
                    print("manager.shutdown(); then, through the same proxy:")
                else:
                    killed_process.kill()
                    killed_process.join()
                    print("the manager's process killed (SIGKILL); then, through the same proxy:")
                outcomes[ending] = [read(progress), read_in_new_thread(progress)]
                print(f"  from this thread (connected already): {outcomes[ending][0]}")
                print(f"  from a new thread (connects first):   {outcomes[ending][1]}")
        finally:
            stopped.shutdown()  # a second call does nothing
            killed.shutdown()  # after the kill, it only records that the manager is gone
    return {ending: [line.split(":")[0] for line in lines] for ending, lines in outcomes.items()}


if __name__ == "__main__":
    main()
