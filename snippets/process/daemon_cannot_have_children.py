"""A daemon process may not start children: Process.start() raises AssertionError in it."""

import multiprocessing


def grandchild() -> None:
    print("grandchild: never runs")


def daemon_target() -> None:
    multiprocessing.Process(target=grandchild).start()


def main() -> int:
    daemon = multiprocessing.Process(target=daemon_target, daemon=True, name="the-daemon")
    daemon.start()
    daemon.join()
    print(f"{daemon.name} exited with code {daemon.exitcode}")
    return daemon.exitcode


if __name__ == "__main__":
    main()
