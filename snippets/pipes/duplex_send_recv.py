"""Pipe() is duplex by default: each end can send() and recv() Python objects."""

import multiprocessing


def shout_back(conn) -> None:
    message = conn.recv()  # blocks until the parent sends
    conn.send({"echo": message.upper(), "length": len(message)})
    conn.close()


def main() -> dict[str, object]:
    parent_end, child_end = multiprocessing.Pipe()  # duplex=True
    child = multiprocessing.Process(target=shout_back, args=(child_end,))
    child.start()
    child_end.close()  # the parent never uses the child's end
    parent_end.send("hello pipe")
    reply = parent_end.recv()
    print(f"parent sent 'hello pipe', received {reply}")
    child.join()
    parent_end.close()
    return reply


if __name__ == "__main__":
    main()
