"""A manager served on 127.0.0.1 with a random authkey, and a client that connects to it."""

import multiprocessing
import queue
import secrets
from multiprocessing.managers import BaseManager

jobs: queue.Queue = queue.Queue()  # the server's queue: it lives in the server process


def get_jobs() -> queue.Queue:
    return jobs


class JobServer(BaseManager):
    pass


class JobClient(BaseManager):
    pass


# The server registers what to serve; a client registers only the name it will ask for.
JobServer.register("get_jobs", callable=get_jobs)
JobClient.register("get_jobs")


def client(address: tuple[str, int], authkey: bytes, count: int) -> None:
    manager = JobClient(address=address, authkey=authkey)
    manager.connect()  # authenticates with the key, or raises AuthenticationError
    shared_jobs = manager.get_jobs()
    for number in range(count):
        shared_jobs.put(f"job {number}")


def main(count: int = 3) -> tuple[list[str], str]:
    authkey = secrets.token_bytes(32)  # random for each run: never a fixed word
    server = JobServer(address=("127.0.0.1", 0), authkey=authkey)  # port 0: any free port
    server.start()  # serves in a child process until shutdown()
    try:
        host, port = server.address
        print(f"server listening on {host} (port {port} chosen by the OS)")

        producer = multiprocessing.Process(target=client, args=(server.address, authkey, count))
        producer.start()
        producer.join()
        print(f"client exit code: {producer.exitcode}")

        reader = JobClient(address=server.address, authkey=authkey)
        reader.connect()
        shared_jobs = reader.get_jobs()
        received = [shared_jobs.get(timeout=5) for _ in range(count)]
        print(f"received: {received}")

        intruder = JobClient(address=server.address, authkey=secrets.token_bytes(32))
        try:
            intruder.connect()
            refused = "connected"
        except multiprocessing.AuthenticationError as error:
            refused = f"AuthenticationError: {error}"
        print(f"a client with another key: {refused}")
        del shared_jobs
    finally:
        server.shutdown()
    print(f"processes still running after shutdown(): {multiprocessing.active_children()}")
    return received, refused


if __name__ == "__main__":
    main()
