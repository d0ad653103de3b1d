"""Request/response over one duplex Pipe: a server process answers until it gets None."""

import math
import multiprocessing


def serve(conn) -> None:
    while (request := conn.recv()) is not None:
        operation, number = request
        if operation == "sqrt":
            conn.send(("ok", math.sqrt(number)))
        else:
            conn.send(("error", f"unknown operation {operation!r}"))
    conn.close()


def main() -> list[tuple[str, object]]:
    client_end, server_end = multiprocessing.Pipe()
    server = multiprocessing.Process(target=serve, args=(server_end,))
    server.start()
    server_end.close()
    replies = []
    for request in [("sqrt", 16), ("sqrt", 2), ("cube", 3)]:
        client_end.send(request)
        reply = client_end.recv()  # one request, one reply: they cannot get out of step
        print(f"{request} -> {reply}")
        replies.append(reply)
    client_end.send(None)
    server.join()
    client_end.close()
    return replies


if __name__ == "__main__":
    main()
