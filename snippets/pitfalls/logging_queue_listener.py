"""The fix: workers put records on a queue (QueueHandler); a QueueListener writes them out."""

import logging
import logging.handlers
import multiprocessing
import sys

log = logging.getLogger("jobs")


class Collected(logging.Handler):
    """Keeps the messages it handles, so main() can return them."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.processName}: {record.getMessage()}")


def send_logs_to(records) -> None:
    """Pool initializer: every record of this worker goes to the parent's queue."""
    root = logging.getLogger()
    root.handlers = [logging.handlers.QueueHandler(records)]
    root.setLevel(logging.INFO)


def square(x: int) -> int:
    log.info("squaring %d", x)
    return x * x


def main(method: str | None = None) -> list[str]:
    context = multiprocessing.get_context(method)
    console = logging.StreamHandler(sys.stdout)
    console.setFormatter(logging.Formatter("%(processName)-22s %(message)s"))
    collected = Collected()
    records = context.Queue()
    listener = logging.handlers.QueueListener(records, console, collected)
    listener.start()
    root = logging.getLogger()
    saved = root.handlers, root.level
    send_logs_to(records)  # the parent logs through the queue too: one writer, in order
    try:
        log.info("starting the pool (%s)", context.get_start_method())
        pool = context.Pool(2, initializer=send_logs_to, initargs=(records,))
        try:
            squares = pool.map(square, range(4))
        finally:
            # close() and join(), not a with block: its exit calls terminate(), and a worker
            # terminated while its queue's feeder thread holds the queue's write lock leaves
            # the lock taken, so nothing put on `records` later (the parent's next record, the
            # listener's stop signal) would ever arrive. join() lets each worker flush and exit.
            pool.close()
            pool.join()
        log.info("squares: %s", squares)
    finally:
        listener.stop()  # writes out every record still in the queue
        root.handlers, root.level = saved
    return sorted(message.split(": ", 1)[1] for message in collected.messages)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else None)
