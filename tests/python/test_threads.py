"""The GIL is released during work, and one Summarizer is safe to share."""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import polysum


def big_batch(example, clusters=60):
    texts = list(example.values())
    return [[t * 8 for t in texts] for _ in range(clusters)]


def test_gil_is_released_during_summarize_many(example):
    summarizer = polysum.Summarizer(max_words=100)
    # Grow the batch until the work alone is long enough to see a stall.
    clusters = 60
    while True:
        batch = big_batch(example, clusters)
        start = time.perf_counter()
        summarizer.summarize_many(batch, n_jobs=1)
        alone = time.perf_counter() - start
        if alone > 0.2 or clusters >= 60 * 2**8:
            break
        clusters *= 2
    done = threading.Event()
    worker = threading.Thread(target=lambda: (summarizer.summarize_many(batch, n_jobs=1), done.set()))
    longest_gap, last = 0.0, time.perf_counter()
    worker.start()
    while not done.is_set():
        now = time.perf_counter()
        longest_gap, last = max(longest_gap, now - last), now
    worker.join()
    # Holding the GIL for the whole call would stall this loop for about `alone`.
    assert alone > 0.05, "the batch is too small to tell"
    assert longest_gap < alone / 2, (longest_gap, alone)


def test_one_summarizer_shared_by_eight_threads(example):
    summarizer = polysum.Summarizer(max_words=60)
    texts = list(example.values())
    clusters = [texts[i:] + texts[:i] for i in range(len(texts))] * 4
    expected = [summarizer.summarize(c) for c in clusters]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(summarizer.summarize, clusters))
    assert got == expected
