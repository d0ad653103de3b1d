"""A plain list and Counter passed to children are copied: the parent never sees their changes."""

import multiprocessing
from collections import Counter


def record(name: str, seen: list, counts: Counter, lock, report) -> None:
    with lock:  # a lock orders the changes, but each child changes its own copy
        seen.append(name)
        counts[name] += 1
    report.put((name, list(seen), dict(counts)))


def main() -> tuple[list, dict]:
    seen: list[str] = []
    counts: Counter[str] = Counter()
    lock = multiprocessing.Lock()
    report = multiprocessing.Queue()
    names = ["ant", "bee", "cat"]
    children = [
        multiprocessing.Process(target=record, args=(name, seen, counts, lock, report))
        for name in names
    ]
    for child in children:
        child.start()
    reports = sorted(report.get(timeout=10) for _ in names)  # drain before join
    for child in children:
        child.join()

    for name, child_seen, child_counts in reports:
        print(f"child {name}: its list {child_seen}, its counter {child_counts}")
    print(f"parent after join: list {seen}, counter {dict(counts)}")
    return seen, dict(counts)


if __name__ == "__main__":
    main()
