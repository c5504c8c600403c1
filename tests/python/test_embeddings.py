"""Sentence embeddings of the caller's own: paraphrases that share no word tell one
fact, and only one is chosen; sentences that differ are left alone. The embedding
is a hand-made concept embedding (synonyms share an axis), so nothing is fetched."""

import re
import zlib

import numpy as np
import pytest

import polysum

CONCEPTS = [
    {"washington", "american", "united", "states"},
    {"displeasure", "expressed", "criticized", "criticised", "opposed", "objected"},
    {"trip", "visit", "journey"},
]
DIMENSIONS = 64

OBJECTED = "Washington expressed strong displeasure about the trip, American officials said."
CRITICIZED = "The United States has criticized this visit by the Kremlin leader to Hanoi."
PARAPHRASES = {OBJECTED, CRITICIZED}

DOCS = {
    "wire": "Russian President Vladimir Putin arrived in Vietnam on Thursday for a two-day state visit. "
    f"{OBJECTED} Putin and Vietnamese leaders will discuss trade, energy and education during the talks.",
    "daily": "Vietnam welcomed the Russian leader with an honour guard at the airport in Hanoi. "
    f"{CRITICIZED} Moscow has long been the main arms supplier of the Vietnamese army and navy.",
}


def embed_one(sentence: str) -> np.ndarray:
    """Each concept present weighs 3, each other word of four letters or more 1."""
    row = np.zeros(DIMENSIONS, dtype=np.float64)
    for word in re.findall(r"\w+", sentence.lower()):
        concept = next((i for i, words in enumerate(CONCEPTS) if word in words), None)
        if concept is not None:
            row[concept] = 3.0
        elif len(word) >= 4:
            row[len(CONCEPTS) + zlib.crc32(word.encode()) % (DIMENSIONS - len(CONCEPTS))] = 1.0
    return row


def embed(sentences: list[str]) -> np.ndarray:
    return np.array([embed_one(s) for s in sentences]).reshape(len(sentences), DIMENSIONS)


def cluster_sentences(docs) -> list[str]:
    return [s.text for s in polysum.Summarizer().rank(docs).sentences]


def cosine(a: str, b: str) -> float:
    x, y = embed_one(a), embed_one(b)
    return float(x @ y / np.linalg.norm(x) / np.linalg.norm(y))


def test_the_concept_embedding_joins_only_the_paraphrases():
    sentences = cluster_sentences(DOCS)
    assert len(sentences) == 6
    for i, a in enumerate(sentences):
        for b in sentences[i + 1 :]:
            assert (cosine(a, b) >= 0.8) == ({a, b} == PARAPHRASES), (a, b, cosine(a, b))


@pytest.mark.parametrize("method", polysum.METHODS)
def test_paraphrases_sharing_no_word_are_one_fact_with_embeddings(method):
    summarizer = polysum.Summarizer(method=method, max_sentences=10)
    plain = [s.text for s in summarizer.summarize(DOCS)]
    assert PARAPHRASES <= set(plain) and len(plain) == 6
    rows = embed(cluster_sentences(DOCS))
    for embeddings in (rows, rows.astype(np.float32), np.asfortranarray(rows), rows.tolist(), embed):
        chosen = [s.text for s in summarizer.summarize(DOCS, embeddings=embeddings)]
        assert len(PARAPHRASES & set(chosen)) == 1, chosen
        assert set(chosen) - PARAPHRASES == set(plain) - PARAPHRASES
    top_level = polysum.summarize(DOCS, method=method, max_sentences=10, embeddings=embed)
    assert top_level == summarizer.summarize(DOCS, embeddings=embed)


def test_the_threshold_is_on_the_embeddings_scale():
    between = cosine(OBJECTED, CRITICIZED)
    chosen = polysum.summarize(DOCS, max_sentences=10, embedding_threshold=min(1.0, between + 0.05), embeddings=embed)
    assert PARAPHRASES <= {s.text for s in chosen}
    with pytest.raises(polysum.ConfigError, match="embedding_threshold"):
        polysum.Summarizer(embedding_threshold=0.0)
    assert polysum.Summarizer().options["embedding_threshold"] == 0.8


def test_embeddings_that_separate_everything_change_nothing(example):
    summarizer = polysum.Summarizer(max_words=80)
    rows = np.eye(len(summarizer.rank(example).sentences))
    assert summarizer.summarize(example, embeddings=rows) == summarizer.summarize(example)
    assert summarizer.summarize(example, embeddings=None) == summarizer.summarize(example)


def test_a_callable_embeds_the_seen_sentences_too():
    calls = []

    def model(sentences):
        assert isinstance(sentences, list) and all(isinstance(s, str) for s in sentences)
        calls.append(len(sentences))
        return embed(sentences)

    seen = ["The United States criticized the journey."]
    summary = polysum.summarize(DOCS, max_sentences=10, seen=seen, embeddings=model)
    assert calls == [6, 1]
    assert not PARAPHRASES & {s.text for s in summary}
    assert any("already told by the seen documents" in note for note in summary.notes)
    # An array has rows for the cluster only: the seen sentences are compared by words.
    rows = embed(cluster_sentences(DOCS))
    summary = polysum.summarize(DOCS, max_sentences=10, seen=seen, embeddings=rows)
    assert len(PARAPHRASES & {s.text for s in summary}) == 1


def test_embeddings_that_do_not_fit_raise_input_errors():
    summarizer = polysum.Summarizer()
    rows = embed(cluster_sentences(DOCS))
    cases = [
        (rows[:5], r"one row per sentence of the cluster's documents, in the order rank\(\) lists them, 6 rows, got 5"),
        (rows[0], r"1-dimensional array of shape \[64\]; expected a 2-dimensional one"),
        (rows[None], r"3-dimensional array"),
        (np.where(np.arange(6)[:, None] == 2, np.nan, rows), "row 2 holds NaN"),
        (np.full((6, 3), np.inf), "row 0 holds inf"),
        (np.zeros((6, 0)), "no columns"),
        ([["a", "b"]] * 6, "no array of numbers"),
        ("not embeddings", "no array of numbers"),
        (lambda sentences: rows[:2], "6 rows, got 2 rows"),
        (lambda sentences: "nothing", "the embeddings callable returned str that is no array of numbers"),
        (lambda sentences: rows[0], "the embeddings callable returned a 1-dimensional array"),
    ]
    for embeddings, message in cases:
        with pytest.raises(polysum.InputError, match=message):
            summarizer.summarize(DOCS, embeddings=embeddings)

    def failing(sentences):
        raise RuntimeError("model not loaded")

    with pytest.raises(polysum.InputError, match="the embeddings callable raised RuntimeError: model not loaded"):
        summarizer.summarize(DOCS, embeddings=failing)
