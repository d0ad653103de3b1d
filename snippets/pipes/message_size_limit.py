"""How large a message can one send() carry? Growing messages through a Pipe, each checked."""

import multiprocessing
import pickle
import zlib

MIB = 1024 * 1024
SIZES_MIB = [1, 32, 64, 256]
DOCUMENTED_CAVEAT_MIB = 32  # "approximately 32 MiB+, though it depends on the OS"


def report_each_message(conn) -> None:
    # Answer every message with its length and checksum, so the sender can tell it is intact.
    try:
        while (payload := conn.recv()) is not None:
            conn.send((len(payload), zlib.crc32(payload)))
    except (EOFError, OSError, pickle.UnpicklingError):
        pass  # the sender gave up mid-stream and closed its end
    conn.close()


def send_and_check(conn, size_mib: int) -> str:
    payload = bytes(range(256)) * (size_mib * MIB // 256)
    try:
        conn.send(payload)  # pickled in full, then written as one message
        length, checksum = conn.recv()
    except (ValueError, OSError, EOFError) as error:
        return f"failed: {type(error).__name__}: {error}"
    if length == len(payload) and checksum == zlib.crc32(payload):
        return "arrived intact"
    return f"arrived damaged: {length:,} bytes"


def main(sizes_mib: list[int] = SIZES_MIB) -> dict[int, str]:
    parent_end, child_end = multiprocessing.Pipe()
    child = multiprocessing.Process(target=report_each_message, args=(child_end,))
    child.start()
    child_end.close()
    outcomes = {}
    for size_mib in sizes_mib:
        outcomes[size_mib] = send_and_check(parent_end, size_mib)
        print(f"send() of {size_mib:>4} MiB: {outcomes[size_mib]}")
        if outcomes[size_mib] != "arrived intact":
            break  # after a failed send the stream cannot be trusted
    else:
        parent_end.send(None)  # tell the child to stop
    parent_end.close()
    child.join(timeout=30)
    if child.is_alive():
        child.terminate()
        child.join()

    intact = [size for size, outcome in outcomes.items() if outcome == "arrived intact"]
    if len(intact) == len(sizes_mib):
        verdict = f"every size arrived intact, up to {max(intact)} MiB in one send()"
        if max(intact) > DOCUMENTED_CAVEAT_MIB:
            verdict += f" (past the documented ~{DOCUMENTED_CAVEAT_MIB} MiB caveat)"
    else:
        failed = next(size for size in outcomes if size not in intact)
        largest = f"{max(intact)} MiB" if intact else "nothing"
        verdict = f"largest message that arrived intact: {largest}; {failed} MiB failed"
    print(f"conclusion: {verdict}")
    return outcomes


if __name__ == "__main__":
    main()
