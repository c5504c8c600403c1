"""The real seed cluster in ../shared/seeds: no repeats, no boilerplate, exact offsets."""

import re

import pytest

import polysum

BOILERPLATE = ("subscribe", "unauthorized use", "popular article", "correspondent", "bdst")


def words(text):
    return set(re.findall(r"[\w']+", text.replace("\u2019", "'").lower()))


def jaccard(a, b):
    a, b = words(a), words(b)
    return len(a & b) / len(a | b)


@pytest.mark.parametrize("budget", [{"max_sentences": 5}, {"max_words": 100}])
def test_seed_summary(seeds, budget):
    summary = polysum.summarize(seeds, **budget)
    texts = [s.text for s in summary]
    assert len(texts) >= 3
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            assert jaccard(a, b) < 0.5, (a, b)
    for s in summary:
        assert seeds[s.doc_id][s.start : s.end] == s.text
        assert not any(b in s.text.lower() for b in BOILERPLATE), s.text
        assert s.text.rstrip("\"'\u201d\u2019")[-1] in ".!", s.text
    assert polysum.summarize(seeds, **budget) == summary
