"""Count the words of a generated corpus with a map-reduce over a Pool, against the serial count."""

import functools
import itertools
import multiprocessing
import random
import re
import statistics
import string
import time
from collections import Counter

WORD = re.compile(r"[a-z]+")


def make_corpus(n_documents: int, words_per_document: int, seed: int) -> list[str]:
    """Sentences of pseudo-words, a few common and many rare, as in real text.

    Each document is words_per_document // 10 sentences of 10 words, drawn from a stock of
    sentences made once, so that generating a large corpus stays quick.
    """
    rng = random.Random(seed)
    vocabulary = sorted(
        {"".join(rng.choices(string.ascii_lowercase, k=rng.randint(2, 9))) for _ in range(5000)}
    )
    rng.shuffle(vocabulary)  # sorted first, so that the same seed gives the same corpus
    # Zipf's law: the word of rank r is used in proportion to 1/r.
    cumulative = list(itertools.accumulate(1 / rank for rank in range(1, len(vocabulary) + 1)))
    sentences = [
        " ".join(rng.choices(vocabulary, cum_weights=cumulative, k=10)).capitalize() + "."
        for _ in range(20_000)
    ]
    return [
        " ".join(rng.choices(sentences, k=words_per_document // 10)) for _ in range(n_documents)
    ]


def count_words(documents: list[str]) -> Counter:
    """The map step: one Counter for a batch of documents."""
    counts = Counter()
    for document in documents:
        counts.update(WORD.findall(document.lower()))
    return counts


def batches(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def map_reduce(pool, documents: list[str], batch_size: int) -> Counter:
    total = Counter()
    for partial in pool.imap_unordered(count_words, batches(documents, batch_size)):
        total.update(partial)  # the reduce step, in the parent, as results arrive
    return total


def main(n_documents: int = 1000, words_per_document: int = 1000, repeats: int = 3) -> dict:
    documents = make_corpus(n_documents, words_per_document, seed=7)
    workers = multiprocessing.cpu_count()
    print(f"{n_documents} documents, {n_documents * words_per_document:,} words, {workers} workers")
    print(f"median of {repeats} rounds after a warm-up, serial and map-reduce taking turns")

    started = time.perf_counter()
    pool = multiprocessing.Pool(workers)
    pool.map(count_words, [[]] * workers, chunksize=1)  # the pool is up once it answers
    startup_s = time.perf_counter() - started

    # Four batches per worker: few enough that sending batches and merging counters stays
    # cheap, enough that no worker is left waiting while another finishes a long batch.
    batch_size = -(-len(documents) // (4 * workers))  # rounded up
    jobs = {
        "serial": functools.partial(count_words, documents),
        "map-reduce": functools.partial(map_reduce, pool, documents, batch_size),
    }
    seconds, counts = interleaved_medians(jobs, repeats)
    pool.close()
    pool.join()
    serial, total = counts["serial"], counts["map-reduce"]

    print(f"serial          {seconds['serial']:6.3f} s")
    print(f"pool start-up   {startup_s:6.3f} s   (once, until it answered {workers} empty tasks)")
    print(f"map-reduce      {seconds['map-reduce']:6.3f} s   on the running pool")
    print(f"same counts: {total == serial}; {len(total)} distinct words")
    top = total.most_common(5)
    for word, count in top:
        print(f"{word:>10} {count:8,}")
    # The verdict, read off this run's own times.
    running = seconds["serial"] / seconds["map-reduce"]
    with_startup = seconds["serial"] / (startup_s + seconds["map-reduce"])
    print(
        f"verdict: on the running pool, the map-reduce was {compared(running)} serial"
        f" ({running:.2f}x); counting the start-up too, {compared(with_startup)} serial"
        f" ({with_startup:.2f}x)"
    )
    return {
        "same_counts": total == serial,
        "total_words": total.total(),
        "distinct_words": len(total),
        "top": top,
    }


# The rest of this file times the runs and words the verdicts: plumbing, not the lesson.


def interleaved_medians(jobs: dict, repeats: int) -> tuple[dict, dict]:
    """Median wall time and result of each job. Every job runs once to warm up (not
    counted), then the jobs take turns for `repeats` rounds, so that a change in the
    machine's background load affects all of them alike."""
    results = {name: job() for name, job in jobs.items()}
    times = {name: [] for name in jobs}
    for _ in range(repeats):
        for name, job in jobs.items():
            started = time.perf_counter()
            results[name] = job()
            times[name].append(time.perf_counter() - started)
    return {name: statistics.median(samples) for name, samples in times.items()}, results


def compared(speedup: float) -> str:
    """How one time compares with another, given their ratio (as printed, to two decimals).
    Within 20% either way is called no difference: on a machine that also runs other
    programs, their load alone can make that much."""
    speedup = round(speedup, 2)
    if speedup >= 1.2:
        return "faster than"
    if speedup <= round(1 / 1.2, 2):
        return "slower than"
    return "about as fast as"


if __name__ == "__main__":
    main()
