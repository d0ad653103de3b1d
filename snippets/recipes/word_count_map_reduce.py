"""Count the words of a generated corpus with a map-reduce over a Pool, against the serial count."""

import multiprocessing
import random
import re
import string
import time
from collections import Counter

WORD = re.compile(r"[a-z]+")


def make_corpus(n_documents: int, words_per_document: int, seed: int) -> list[str]:
    """Sentences of pseudo-words, a few common and many rare, as in real text."""
    rng = random.Random(seed)
    vocabulary = sorted(
        {"".join(rng.choices(string.ascii_lowercase, k=rng.randint(2, 9))) for _ in range(5000)}
    )
    rng.shuffle(vocabulary)  # sorted first, so that the same seed gives the same corpus
    weights = [1 / rank for rank in range(1, len(vocabulary) + 1)]  # Zipf's law
    documents = []
    for _ in range(n_documents):
        words = rng.choices(vocabulary, weights, k=words_per_document)
        sentences = [" ".join(words[i : i + 12]).capitalize() for i in range(0, len(words), 12)]
        documents.append(". ".join(sentences) + ".")
    return documents


def count_words(documents: list[str]) -> Counter:
    """The map step: one Counter for a batch of documents."""
    counts = Counter()
    for document in documents:
        counts.update(WORD.findall(document.lower()))
    return counts


def batches(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def main(n_documents: int = 1000, words_per_document: int = 1000) -> dict:
    documents = make_corpus(n_documents, words_per_document, seed=7)
    workers = multiprocessing.cpu_count()
    print(f"{n_documents} documents, {n_documents * words_per_document:,} words, {workers} workers")

    started = time.perf_counter()
    serial = count_words(documents)
    serial_s = time.perf_counter() - started

    started = time.perf_counter()
    total = Counter()
    with multiprocessing.Pool(workers) as pool:
        # A few batches per worker: few enough to amortise pickling, enough to balance the load.
        for partial in pool.imap_unordered(count_words, batches(documents, 50)):
            total.update(partial)  # the reduce step, in the parent, as results arrive
    parallel_s = time.perf_counter() - started

    print(f"serial      {serial_s:6.3f} s")
    print(f"map-reduce  {parallel_s:6.3f} s   speedup {serial_s / parallel_s:.2f}x")
    print(f"same counts: {total == serial}; {len(total)} distinct words")
    top = total.most_common(5)
    for word, count in top:
        print(f"{word:>10} {count:8,}")
    return {
        "same_counts": total == serial,
        "total_words": total.total(),
        "distinct_words": len(total),
        "top": top,
    }


if __name__ == "__main__":
    main()
