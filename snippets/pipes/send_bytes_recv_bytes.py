"""send_bytes()/recv_bytes() move raw bytes without pickling; recv_bytes_into() fills a buffer."""

import multiprocessing


def send_raw(conn) -> None:
    conn.send_bytes(b"raw bytes, not pickled")
    data = bytearray(b"0123456789")
    conn.send_bytes(data, 2, 5)  # offset 2, size 5: sends b"23456"
    conn.send_bytes(bytes(range(8)))
    conn.close()


def main() -> tuple[bytes, bytes, list[int]]:
    receive_end, send_end = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.Process(target=send_raw, args=(send_end,))
    child.start()
    send_end.close()
    first = receive_end.recv_bytes()
    second = receive_end.recv_bytes(maxlength=100)  # a longer message would raise OSError
    buffer = bytearray(16)
    size = receive_end.recv_bytes_into(buffer)  # returns the message's length
    third = list(buffer[:size])
    print(f"recv_bytes(): {first!r}")
    print(f"recv_bytes(maxlength=100): {second!r}")
    print(f"recv_bytes_into(buffer) filled {size} bytes: {third}")
    child.join()
    receive_end.close()
    return first, second, third


if __name__ == "__main__":
    main()
