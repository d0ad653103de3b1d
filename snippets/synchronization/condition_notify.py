"""A Condition: wait_for(predicate) sleeps until notified and the predicate holds."""

import multiprocessing
import queue


def take_ticket(name: str, condition, tickets, report) -> None:
    with condition:
        report.put(("asleep", name))
        # wait_for releases the lock while asleep and re-checks the predicate on each wake-up
        if condition.wait_for(lambda: tickets.value > 0, timeout=10):
            tickets.value -= 1
            report.put(("got a ticket", name))


def collect(report, expected: int) -> list[str]:
    """The workers that got a ticket: wait for `expected`, then check no other one comes."""
    names = [report.get(timeout=10)[1] for _ in range(expected)]
    try:
        names.append(report.get(timeout=0.3)[1])
    except queue.Empty:
        pass
    return names


def main() -> list[tuple[int, str, int, int]]:
    condition = multiprocessing.Condition()
    tickets = multiprocessing.RawValue("i", 0)  # guarded by the condition's lock
    report = multiprocessing.Queue()
    names = [f"worker-{number}" for number in range(1, 6)]
    workers = [
        multiprocessing.Process(target=take_ticket, args=(name, condition, tickets, report))
        for name in names
    ]
    for worker in workers:
        worker.start()
    for _ in workers:
        report.get(timeout=10)  # each worker is inside wait_for before we notify

    rounds = []
    asleep = len(workers)
    for added, call, expected in (
        (1, "notify()", 1),
        (2, "notify()", 1),  # two tickets, but only one worker woken: one ticket waits
        (1, "notify_all()", 2),  # three woken, two tickets: one goes back to sleep
        (1, "notify_all()", 1),
    ):
        with condition:
            tickets.value += added
            if call == "notify()":
                condition.notify()  # wakes one sleeping worker
            else:
                condition.notify_all()  # wakes every sleeping worker
        got = len(collect(report, expected))
        asleep -= got
        with condition:
            left = tickets.value
        rounds.append((added, call, got, left))
        print(
            f"add {added} ticket(s), {call:<12}: {got} got a ticket,"
            f" {left} ticket(s) unclaimed, {asleep} worker(s) still asleep"
        )

    for worker in workers:
        worker.join()
    return rounds


if __name__ == "__main__":
    main()
