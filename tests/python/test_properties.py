"""Property tests: any list of str gives a Summary or a PolysumError; what is
chosen comes from the input; budgets hold; results are deterministic."""

from hypothesis import given, settings
from hypothesis import strategies as st

import polysum

WORDS = [
    "bridge",
    "council",
    "river",
    "vote",
    "the",
    "a",
    "closed",
    "Mr.",
    "U.S.",
    "3.5",
    "é",
    "日本",
    "😀",
    "-",
    "\u200b",
]
sentence = st.builds(
    lambda words, end: " ".join(words) + end,
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=14),
    st.sampled_from([".", "!", "?", "", "\n", "\n\n"]),
)
document = st.one_of(st.text(max_size=300), st.lists(sentence, max_size=8).map(" ".join))
cluster = st.lists(document, max_size=5)


def valid_text(text):
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return "\x00" not in text


@settings(max_examples=150, deadline=None)
@given(cluster, st.sampled_from(polysum.METHODS), st.integers(min_value=1, max_value=60))
def test_any_cluster_gives_a_valid_summary_or_a_polysum_error(docs, method, max_words):
    try:
        summary = polysum.summarize(docs, method=method, max_words=max_words)
    except polysum.PolysumError:
        assert not all(valid_text(d) for d in docs)
        return
    assert all(valid_text(d) for d in docs)
    assert sum(len(s.text.split()) for s in summary) <= max_words * 3  # Unicode words vs. str.split
    for s in summary:
        assert docs[s.doc][s.start : s.end] == s.text
        assert s.text.strip() == s.text and s.text
    assert polysum.summarize(docs, method=method, max_words=max_words) == summary


@settings(max_examples=150, deadline=None)
@given(cluster, st.integers(min_value=1, max_value=6))
def test_sentence_budget_is_exact_upper_bound(docs, n):
    summary = polysum.summarize([d for d in docs if valid_text(d)], max_sentences=n)
    assert len(summary) <= n
    assert len({(s.doc, s.index) for s in summary}) == len(summary)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500).filter(valid_text), st.sampled_from(["english", "german", "greek", "arabic"]))
def test_sentences_tile_the_text(text, language):
    covered = 0
    for s in polysum.sentences(text, language=language):
        assert text[s.start : s.end] == s.text
        assert s.start >= covered and not text[covered : s.start].strip()
        assert s.text == s.text.strip() and s.text
        covered = s.end
    assert not text[covered:].strip()
