"""poll(timeout) says whether there is something to receive, waiting at most timeout seconds."""

import multiprocessing
import time


def answer_slowly(conn) -> None:
    time.sleep(0.5)
    conn.send("ready")
    conn.close()


def main() -> list[bool]:
    receive_end, send_end = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.Process(target=answer_slowly, args=(send_end,))
    child.start()
    send_end.close()
    answers = [receive_end.poll(), receive_end.poll(0.1)]  # poll() alone does not wait
    print(f"poll() -> {answers[0]}, poll(0.1) -> {answers[1]}: nothing yet, and no blocking")
    started = time.perf_counter()
    answers.append(receive_end.poll(10))  # returns as soon as the message arrives
    waited = time.perf_counter() - started
    message = receive_end.recv()
    print(f"poll(10) -> {answers[2]} after {waited:.1f} s, then recv() -> {message!r}, no wait")
    child.join()
    receive_end.close()
    return answers


if __name__ == "__main__":
    main()
