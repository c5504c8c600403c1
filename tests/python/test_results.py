"""Results travel: every result class pickles, JSON read back is checked, batch
errors say which cluster failed, and `summary.text` reads as one text."""

import json
import pickle

import pytest

import polysum


def test_every_result_class_pickles(example):
    summary = polysum.summarize(example, max_words=60)
    ranking = polysum.Summarizer().rank(example)
    sentences = polysum.sentences("Mr. Smith paid $3.5bn. It rose.")
    for value in [summary, summary[0], sentences[0], sentences]:
        assert pickle.loads(pickle.dumps(value)) == value
    clone = pickle.loads(pickle.dumps(ranking))
    assert [s.to_dict() for s in clone.sentences] == [s.to_dict() for s in ranking.sentences]
    assert (clone.scores == ranking.scores).all()


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[" * 10_000 + "]" * 10_000,
        '{"sentences": 3}',
        json.dumps({"sentences": [], "method": "centroid", "documents": 1e400}),
        "\ud800",
    ],
)
def test_from_json_refuses_what_is_not_a_summary_with_input_error(text):
    with pytest.raises(polysum.InputError, match="not a polysum summary|not valid Unicode"):
        polysum.Summary.from_json(text)


def test_from_json_refuses_spans_that_do_not_cover_their_text(example):
    record = polysum.summarize(example, max_sentences=2).to_dict()
    record["sentences"][0]["end"] += 3
    with pytest.raises(polysum.InputError, match="spans"):
        polysum.Summary.from_json(json.dumps(record))
    with pytest.raises(TypeError):
        polysum.Summary.from_json(b"{}")  # type: ignore[arg-type]


def test_batch_errors_name_the_cluster_that_failed():
    summarizer = polysum.Summarizer(max_input_bytes=100)
    clusters = [["A short text about the harbour."], ["x " * 200], ["Fine again."]]
    with pytest.raises(polysum.InputError, match="^cluster 1: input too large"):
        summarizer.summarize_many(clusters)
    with pytest.raises(TypeError, match="^cluster 2: "):
        summarizer.summarize_many([["a"], ["b"], [3]])


def test_absurd_thread_counts_are_capped(example):
    summarizer = polysum.Summarizer(max_words=40)
    expected = summarizer.summarize(example)
    assert summarizer.summarize_many([example] * 3, n_jobs=10_000) == [expected] * 3


def test_text_joins_sentences_with_their_line_breaks_collapsed():
    docs = ["The harbour board met on Monday and agreed\nto dredge the channel before the summer season."]
    summary = polysum.summarize(docs, max_sentences=1)
    assert "\n" in summary[0].text
    assert summary.text == summary[0].text.replace("\n", " ")
