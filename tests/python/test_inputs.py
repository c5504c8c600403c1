"""Hostile and malformed inputs: a clear error or a valid summary, never a crash."""

import random

import pytest

import polysum


@pytest.mark.parametrize(
    "docs",
    [
        None,
        42,
        b"bytes are not text",
        [None],
        [1, 2],
        [["nested", "lists"]],
        [b"bytes"],
        {1: "non-str key"},
        {"a": 3},
        {"a": None},
    ],
)
def test_wrong_types_raise_type_error(docs):
    with pytest.raises(TypeError):
        polysum.summarize(docs)


def test_a_single_str_is_refused_with_a_hint():
    with pytest.raises(TypeError, match=r"wrap it in a list"):
        polysum.summarize("One text on its own is not a cluster.")


def test_lone_surrogates_raise_input_error():
    with pytest.raises(polysum.InputError, match="document 1"):
        polysum.summarize(["fine text here.", "broken \ud800 text."])
    with pytest.raises(polysum.InputError):
        polysum.summarize({"key\udfff": "text"})
    with pytest.raises(polysum.InputError):
        polysum.sentences("a\udc80b")
    with pytest.raises(polysum.InputError):
        polysum.Document("a", "\ud83d")


def test_nul_characters_raise_input_error_with_position():
    with pytest.raises(polysum.InputError, match="NUL character at index 4"):
        polysum.summarize(["abcd\x00efg"])
    assert issubclass(polysum.InputError, ValueError)


@pytest.mark.parametrize(
    "docs, expected",
    [
        ([], 0),
        ([""], 0),
        (["   \n\t  ", ""], 0),
        (["word"], 0),
        (["A single sentence that is long enough to be chosen for a summary."], 1),
        (["no punctuation anywhere in this text which just goes on " * 20], 0),
    ],
)
def test_degenerate_clusters_give_valid_summaries(docs, expected):
    summary = polysum.summarize(docs, max_sentences=3)
    assert len(summary) == expected


def test_control_characters_and_latin1_junk():
    rng = random.Random(7)
    junk = bytes(rng.randrange(1, 256) for _ in range(20_000)).decode("latin-1")
    summary = polysum.summarize([junk, "A real sentence sits among the junk characters here. " + junk[:500]])
    for s in summary:
        assert [junk, "A real sentence sits among the junk characters here. " + junk[:500]][s.doc][s.start : s.end] == s.text


def test_line_endings_of_every_platform():
    text = "First sentence of the document is here.\r\nSecond sentence follows it here.\rThird one ends it all here."
    found = [s.text for s in polysum.sentences(text)]
    assert found == ["First sentence of the document is here.", "Second sentence follows it here.", "Third one ends it all here."]


def test_oversized_input_raises_input_error():
    with pytest.raises(polysum.InputError, match="max_input_bytes"):
        polysum.summarize(["x" * 2000], max_input_bytes=1000)
