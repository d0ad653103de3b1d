"""A server and its client over a TCP socket with multiprocessing.connection and an authkey."""

import multiprocessing
import secrets
from multiprocessing.connection import Client, Listener


def count_primes_below(limit: int) -> int:
    return sum(all(n % d for d in range(2, int(n**0.5) + 1)) for n in range(2, limit))


def serve(authkey: bytes, address_sender) -> None:
    """Answer requests until one says "shutdown"; reply to it with what was served."""
    stats = {"clients": 0, "requests": 0, "refused": 0}
    # Port 0: the operating system picks a free port; listener.address says which.
    with Listener(("127.0.0.1", 0), authkey=authkey) as listener:
        address_sender.send(listener.address)
        address_sender.close()
        while True:
            try:
                connection = listener.accept()  # the authkey handshake happens here
            except multiprocessing.AuthenticationError:
                stats["refused"] += 1
                continue
            stats["clients"] += 1
            with connection:
                while True:
                    try:
                        request = connection.recv()
                    except EOFError:  # the client closed its end
                        break
                    if request == "shutdown":
                        connection.send(stats)
                        return
                    stats["requests"] += 1
                    connection.send(count_primes_below(request))


def main() -> dict:
    authkey = secrets.token_bytes(32)  # shared by server and client, never sent over the socket
    address_receiver, address_sender = multiprocessing.Pipe(duplex=False)
    server = multiprocessing.Process(target=serve, args=(authkey, address_sender), name="server")
    server.start()
    address_sender.close()
    if not address_receiver.poll(timeout=10):
        server.terminate()
        server.join()
        raise RuntimeError("the server did not start")
    address = address_receiver.recv()
    print(f"server pid {server.pid} listening on {address[0]}, port {address[1]}")

    answers = {}
    with Client(address, authkey=authkey) as connection:
        for limit in (10, 100, 1_000, 10_000):
            connection.send(limit)
            answers[limit] = connection.recv()
            print(f"client: primes below {limit:>6}: {answers[limit]}")

    try:
        Client(address, authkey=b"a guess")
        wrong_key_refused = False
    except multiprocessing.AuthenticationError as error:
        wrong_key_refused = True
        print(f"client with a wrong key: AuthenticationError: {error}")

    with Client(address, authkey=authkey) as connection:
        connection.send("shutdown")
        stats = connection.recv()
    server.join(timeout=10)
    if server.is_alive():  # never expected; bounds the example so it cannot hang
        server.terminate()
        server.join()
    print(f"server stats {stats}, exit code {server.exitcode}")
    return {
        "answers": answers,
        "wrong_key_refused": wrong_key_refused,
        "stats": stats,
        "exitcode": server.exitcode,
    }


if __name__ == "__main__":
    main()
