"""Close the ends a process does not use: then recv() raises EOFError when the sender is done."""

import multiprocessing


def send_three(receive_end, send_end) -> None:
    receive_end.close()  # this process only sends
    for n in range(3):
        send_end.send(n)
    send_end.close()


def read_until_eof(receive_end) -> tuple[list[int], bool]:
    """Read until EOFError; poll() bounds each wait so a missing EOF shows instead of hanging."""
    received = []
    while receive_end.poll(2):
        try:
            received.append(receive_end.recv())
        except EOFError:
            return received, True
    return received, False  # two seconds with nothing to read and no EOF


def run(parent_closes_send_end: bool) -> tuple[list[int], bool]:
    receive_end, send_end = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.Process(target=send_three, args=(receive_end, send_end))
    child.start()
    if parent_closes_send_end:
        send_end.close()
    received, saw_eof = read_until_eof(receive_end)
    child.join()
    receive_end.close()
    send_end.close()
    return received, saw_eof


def main() -> list[tuple[list[int], bool]]:
    closed = run(parent_closes_send_end=True)
    print(f"parent closed its send end: received {closed[0]}, then EOFError: {closed[1]}")
    kept = run(parent_closes_send_end=False)
    print(f"parent kept its send end:   received {kept[0]}, then EOFError: {kept[1]}")
    print("(without poll's timeout, that recv() would have waited forever)")
    return [closed, kept]


if __name__ == "__main__":
    main()
