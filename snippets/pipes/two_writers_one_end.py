"""Two processes sending through one end at once garble the messages; a Lock fixes it."""

import multiprocessing

MESSAGES = 20
SIZE = 256 * 1024  # larger than the pipe's buffer, so one send() takes several writes


def write(receive_end, send_end, start, lock, byte: int) -> None:
    receive_end.close()  # only the parent reads: then a reader that stops makes send() fail
    message = bytes([byte]) * SIZE
    start.wait()  # both writers begin together
    try:
        for _ in range(MESSAGES):
            if lock is None:
                send_end.send_bytes(message)
            else:
                with lock:
                    send_end.send_bytes(message)
    except BrokenPipeError:
        pass  # the parent stopped reading after a garbled message
    send_end.close()


def read_all(receive_end) -> tuple[int, str]:
    """Count whole, uncorrupted messages until EOF or the first garbled one."""
    intact = 0
    while True:
        try:
            message = receive_end.recv_bytes(maxlength=SIZE)
        except EOFError:
            return intact, "EOF after the last message"
        except OSError as error:  # a length header read from the middle of a message
            return intact, f"OSError: {error}"
        if len(message) != SIZE or len(set(message)) != 1:
            return intact, f"a {len(message):,}-byte message mixing both writers' bytes"
        intact += 1


def run(use_lock: bool) -> tuple[int, str]:
    receive_end, send_end = multiprocessing.Pipe(duplex=False)
    start = multiprocessing.Event()
    lock = multiprocessing.Lock() if use_lock else None
    writers = [
        multiprocessing.Process(target=write, args=(receive_end, send_end, start, lock, byte))
        for byte in (ord("A"), ord("B"))
    ]
    for writer in writers:
        writer.start()
    send_end.close()  # EOF once both writers have closed theirs
    start.set()
    intact, ending = read_all(receive_end)
    receive_end.close()  # a writer still sending now gets BrokenPipeError, so it cannot hang
    for writer in writers:
        writer.join()
    return intact, ending


def main(attempts: int = 10) -> tuple[bool, int]:
    attempt = 0
    while True:  # a race: if the two writers happened not to overlap, try again
        attempt += 1
        intact, ending = run(use_lock=False)
        if intact < 2 * MESSAGES or attempt == attempts:
            break
    print(f"no lock:   {intact} of {2 * MESSAGES} messages intact, then {ending}")
    print(f"           (attempt {attempt})")
    garbled = intact < 2 * MESSAGES
    intact_with_lock, ending = run(use_lock=True)
    print(f"with lock: {intact_with_lock} of {2 * MESSAGES} messages intact, then {ending}")
    return garbled, intact_with_lock


if __name__ == "__main__":
    main()
