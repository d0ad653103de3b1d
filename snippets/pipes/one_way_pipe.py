"""Pipe(duplex=False) returns (receive end, send end); each end works in one direction only."""

import multiprocessing


def count_up(send_end) -> None:
    for n in range(3):
        send_end.send(n)
    send_end.close()


def main() -> tuple[list[int], list[str]]:
    receive_end, send_end = multiprocessing.Pipe(duplex=False)  # note the order
    child = multiprocessing.Process(target=count_up, args=(send_end,))
    child.start()
    send_end.close()
    received = [receive_end.recv() for _ in range(3)]
    print(f"received {received}")
    child.join()

    errors = []
    try:
        receive_end.send("backwards")
    except OSError as error:
        errors.append(f"receive_end.send(): OSError: {error}")
    print(errors[-1])
    receive_end.close()
    return received, errors


if __name__ == "__main__":
    main()
