"""multiprocessing.connection.wait() returns whichever connections are ready, as they become so."""

import multiprocessing
import time
from multiprocessing.connection import wait


def work(send_end, worker: int, seconds: float) -> None:
    time.sleep(seconds)
    send_end.send((worker, seconds))
    send_end.close()


def main() -> list[tuple[int, float]]:
    durations = {0: 0.6, 1: 0.2, 2: 0.4}
    readers, workers = [], []
    for worker, seconds in durations.items():
        receive_end, send_end = multiprocessing.Pipe(duplex=False)
        process = multiprocessing.Process(target=work, args=(send_end, worker, seconds))
        process.start()
        send_end.close()  # so that the worker's exit shows as EOF on receive_end
        readers.append(receive_end)
        workers.append(process)

    answers = []
    while readers:
        for conn in wait(readers, timeout=10):
            try:
                worker, seconds = conn.recv()
            except EOFError:  # that worker is done and its end is closed
                readers.remove(conn)
                conn.close()
            else:
                answers.append((worker, seconds))
                print(f"worker {worker} answered after sleeping {seconds} s")
    for process in workers:
        process.join()
    print(f"all {len(answers)} workers answered and closed their ends")
    return sorted(answers)


if __name__ == "__main__":
    main()
