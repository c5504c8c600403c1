"""The public Python API: functions, classes, options, errors, results."""

import json
import pickle

import numpy as np
import pytest

import polysum


def test_public_names_are_exported():
    for name in polysum.__all__:
        assert hasattr(polysum, name), name
    assert polysum.__version__.count(".") == 2
    assert "english" in polysum.LANGUAGES and len(polysum.LANGUAGES) == 29 and "czech" in polysum.LANGUAGES
    assert polysum.METHODS == [
        "auto",
        "textrank",
        "lexrank",
        "centroid",
        "coverage",
        "klsum",
        "concepts",
        "sumbasic",
        "luhn",
        "lsa",
        "lead",
    ]


def test_summarize_accepts_list_dict_and_documents(example):
    ids = list(example)
    texts = list(example.values())
    from_dict = polysum.summarize(example, max_sentences=3)
    from_list = polysum.summarize(texts, max_sentences=3)
    from_docs = polysum.summarize([polysum.Document(i, t) for i, t in example.items()], max_sentences=3)
    from_tuple = polysum.summarize(tuple(texts), max_sentences=3)
    assert [s.doc_id for s in from_dict] == [s.doc_id for s in from_docs]
    assert [s.doc_id for s in from_list] == [s.doc for s in from_list]
    assert [s.text for s in from_list] == [s.text for s in from_dict] == [s.text for s in from_tuple]
    for s in from_dict:
        assert s.doc_id == ids[s.doc]
    # The README's invariant, for every input kind that can be indexed again.
    for docs, summary in [(example, from_dict), (texts, from_list), (tuple(texts), from_tuple)]:
        for s in summary:
            assert docs[s.doc_id][s.start : s.end] == s.text
            assert docs[s.doc_id].encode()[s.byte_start : s.byte_end].decode() == s.text


def test_summary_sentences_slice_their_documents(example):
    texts = list(example.values())
    summary = polysum.summarize(texts, max_words=80)
    assert 0 < len(summary) <= 6
    for s in summary:
        assert texts[s.doc][s.start : s.end] == s.text
        assert 0 < s.score <= 1
        assert set(s.components) == {"salience", "position", "length", "support", "relevance", "novelty"}
        assert s.excluded is None


def test_offsets_are_str_indices_on_non_ascii_text():
    texts = [
        "😀 Les élèves du collège ont gagné le concours régional de robotique cette année. "
        "日本語の文も混ざっています。 Ọ̀rọ̀ combining marks stay intact in the sentence about robots.",
        "Les élèves du collège ont gagné un concours de robotique 🤖 très disputé cette année.",
    ]
    summary = polysum.summarize(texts, max_sentences=4, language="french")
    assert len(summary) >= 2
    for s in summary:
        assert texts[s.doc][s.start : s.end] == s.text
    for sentence in polysum.sentences(texts[0]):
        assert texts[0][sentence.start : sentence.end] == sentence.text


def test_summary_is_a_frozen_sequence(example):
    summary = polysum.summarize(example, max_sentences=3)
    assert len(summary) == 3
    assert summary[0] == list(summary)[0] == summary.sentences[0]
    assert summary[-1] == summary.sentences[2]
    with pytest.raises(IndexError):
        summary[3]
    assert str(summary) == summary.text == " ".join(s.text for s in summary)
    with pytest.raises(AttributeError):
        summary.text = "x"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        summary[0].score = 1.0  # type: ignore[misc]
    assert summary.method == "centroid"
    assert summary.documents == 3
    assert summary.cluster_sentences > summary.documents
    assert summary.cluster_words > 100


def test_repr_is_readable(example):
    summary = polysum.summarize(example, max_sentences=2)
    text = repr(summary)
    assert text.startswith("Summary(method='centroid', 2 sentences, ")
    assert "harbour-gazette.txt" in text
    assert (
        repr(polysum.summarize([], max_sentences=2))
        == "Summary(method='centroid', 0 sentences, 0 words, from 0 documents)"
    )
    sentence = repr(summary[0])
    assert sentence.startswith("SummarySentence(doc=") and "score=" in sentence
    assert repr(polysum.Document("a", "x")) == "Document(id='a', text='x')"
    assert repr(polysum.Summarizer(max_words=10)).startswith(
        "Summarizer(method='auto', language='english', max_words=10,"
    )


def test_to_dict_and_json_round_trip(example):
    summary = polysum.summarize(example, max_sentences=3, method="textrank")
    data = summary.to_dict()
    assert data["method"] == "textrank"
    assert [s["text"] for s in data["sentences"]] == [s.text for s in summary]
    assert json.loads(summary.to_json()) == data
    assert json.loads(summary.to_json(indent=2)) == data
    assert "\n  " in summary.to_json(indent=2)
    assert polysum.Summary.from_json(summary.to_json()) == summary
    assert summary[0].to_dict() == data["sentences"][0]
    with pytest.raises(ValueError):
        polysum.Summary.from_json("{}")


def test_html_marks_sentences_by_source(example):
    summary = polysum.summarize(example, max_sentences=3)
    html = summary._repr_html_()
    assert html.startswith("<div") and html.endswith("</div>")
    for s in summary:
        assert s.doc_id in html
    escaped = polysum.summarize(
        ["<b>Tags</b> & entities in text are escaped before display in notebooks."], max_sentences=1
    )
    assert "&lt;b&gt;" in escaped._repr_html_() and "<b>" not in escaped._repr_html_()


def test_every_option_is_accepted_and_reported(example):
    options = dict(
        method="centroid",
        language="english",
        max_words=50,
        tokenizer="cl100k_base",
        order="source",
        redundancy=0.5,
        duplicate_threshold=0.6,
        same_fact=0.4,
        embedding_threshold=0.85,
        position_weight=0.3,
        support_weight=0.2,
        min_words=6,
        lexrank_threshold=0.1,
        idf="documents",
        filter_boilerplate=False,
        self_contained=False,
        stop_words=["said"],
        replace_stop_words=False,
        query_weight=0.3,
        max_input_bytes=1_000_000,
    )
    summarizer = polysum.Summarizer(**options)
    assert summarizer.options == options
    summary = summarizer.summarize(example)
    assert summary.method == "centroid"
    positions = [(s.doc, s.index) for s in summary]
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    "budget, measure",
    [
        ({"max_sentences": 2}, lambda s: 1),
        ({"max_words": 40}, lambda s: len(s.text.split())),
        ({"max_chars": 250}, lambda s: len(s.text)),
        ({"max_bytes": 250}, lambda s: len(s.text.encode())),
    ],
)
def test_budgets_hold(example, budget, measure):
    summary = polysum.summarize(example, **budget)
    (limit,) = budget.values()
    spent = sum(measure(s) for s in summary)
    assert 0 < spent <= limit


def test_ratio_budget(example):
    summary = polysum.summarize(example, ratio=0.2)
    assert 0 < sum(len(s.text.split()) for s in summary) <= 0.2 * summary.cluster_words + 1


def test_methods_and_orders_differ(example):
    by_method = {m: polysum.Summarizer(method=m).rank(example).scores for m in polysum.METHODS}
    assert not np.allclose(by_method["lexrank"], by_method["textrank"])
    assert not np.allclose(by_method["lexrank"], by_method["centroid"])
    by_score = polysum.summarize(example, order="score")
    assert [s.score for s in by_score] == sorted((s.score for s in by_score), reverse=True)


@pytest.mark.parametrize(
    "options, field",
    [
        ({"method": "pagerank"}, "textrank, lexrank, centroid"),
        ({"language": "klingon"}, "english"),
        ({"order": "random"}, "score, source"),
        ({"idf": "words"}, "sentences, documents"),
        ({"max_words": 0}, "max_words"),
        ({"max_words": -5}, "max_words"),
        ({"max_sentences": 0}, "max_sentences"),
        ({"ratio": 1.5}, "ratio"),
        ({"ratio": 0.0}, "ratio"),
        ({"ratio": float("nan")}, "ratio"),
        ({"redundancy": 1.5}, "redundancy"),
        ({"max_words": 10, "max_sentences": 2}, "at most one"),
        ({"lexrank_threshold": 1.0}, "lexrank_threshold"),
    ],
)
def test_bad_values_raise_config_error_naming_valid_values(options, field):
    with pytest.raises(polysum.ConfigError, match=field) as info:
        polysum.Summarizer(**options)
    assert isinstance(info.value, polysum.PolysumError)
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    "options",
    [
        {"method": 3},
        {"max_words": "ten"},
        {"max_words": 2.5},
        {"max_words": True},
        {"ratio": "half"},
        {"filter_boilerplate": "yes"},
        {"language": b"english"},
    ],
)
def test_bad_types_raise_type_error(options):
    with pytest.raises(TypeError):
        polysum.Summarizer(**options)


def test_options_are_keyword_only():
    with pytest.raises(TypeError):
        polysum.Summarizer("lexrank")  # type: ignore[misc]
    with pytest.raises(TypeError):
        polysum.Summarizer(unknown_option=1)  # type: ignore[call-arg]


def test_huge_budget_takes_everything_worth_taking(example):
    everything = polysum.summarize(example, max_words=10**12)
    assert len(everything) >= 8
    assert len(polysum.summarize(example, max_words=10**30)) == len(everything)


def test_sentences_splits_with_spans():
    text = "Mr. Smith paid $3.5bn on Jan. 5. Shares rose 3.2%!\n\nMarkets\nThe U.S. Senate voted."
    found = polysum.sentences(text)
    assert [s.text for s in found] == [
        "Mr. Smith paid $3.5bn on Jan. 5.",
        "Shares rose 3.2%!",
        "Markets",
        "The U.S. Senate voted.",
    ]
    assert [s.terminated for s in found] == [True, True, False, True]
    for s in found:
        assert text[s.start : s.end] == s.text
    assert repr(found[2]) == "Sentence(start=52, end=59, text='Markets')"
    assert [s.text for s in polysum.sentences("Er kam am 3. Oktober an. Gut.", language="de")] == [
        "Er kam am 3. Oktober an.",
        "Gut.",
    ]
    assert polysum.sentences("") == []
    # Languages polysum only segments have their own rules (Armenian ends
    # sentences with ':'); unknown names fall back to neutral rules, never an error.
    assert len(polysum.sentences("Բարև Ձեզ: Ինչպե՞ս եք:", language="hy")) == 2
    assert len(polysum.sentences("Բարև Ձեզ: Ինչպե՞ս եք:", language="english")) == 1
    assert [s.text for s in polysum.sentences("One. Two.", language="nope")] == ["One.", "Two."]
    with pytest.raises(TypeError):
        polysum.sentences("x", language=3)


def test_normalize_cleans_scraped_text_before_splitting():
    page = "<h2>Contents</h2>\nIntro.......... 5\n<p>We <em>won</em> &amp; left. Then\n.</p>"
    clean = polysum.normalize(page)
    assert [s.text for s in polysum.sentences(clean)] == ["Contents", "Intro", "We won & left.", "Then."]
    assert polysum.normalize("") == ""
    with pytest.raises(TypeError):
        polysum.normalize(b"bytes")
    with pytest.raises(polysum.InputError):
        polysum.normalize("lone \ud800 surrogate")


def test_rank_gives_every_sentence_and_numpy_arrays(example):
    ranking = polysum.Summarizer().rank(example)
    sentences = ranking.sentences
    assert len(ranking) == len(sentences) == sum(len(polysum.sentences(t)) for t in example.values())
    scores = ranking.scores
    assert isinstance(scores, np.ndarray) and scores.dtype == np.float64 and scores.shape == (len(sentences),)
    matrix = ranking.similarity
    assert matrix.dtype == np.float32 and matrix.shape == (len(sentences), len(sentences))
    assert np.allclose(matrix, matrix.T)
    excluded = {s.text: s.excluded for s in sentences if s.excluded}
    assert excluded["By Mira Okafor"] == "heading"
    assert excluded["What happens next?"] == "question"
    assert any(reason == "boilerplate" for reason in excluded.values())
    assert all(scores[i] == 0 for i, s in enumerate(sentences) if s.excluded)
    texts = list(example.values())
    for s in sentences:
        assert texts[s.doc][s.start : s.end] == s.text
    best = polysum.Summarizer(max_sentences=1).summarize(example)[0]
    assert best.score == pytest.approx(scores.max())


def test_summarize_many_equals_one_by_one(example):
    texts = list(example.values())
    clusters = [texts, texts[1:], example, [], [texts[0]]]
    summarizer = polysum.Summarizer(max_words=50)
    expected = [summarizer.summarize(c) for c in clusters]
    for n_jobs in (None, -1, 1, 2):
        assert summarizer.summarize_many(clusters, n_jobs=n_jobs) == expected
    assert summarizer.summarize_many(iter(clusters)) == expected
    with pytest.raises(polysum.ConfigError, match="n_jobs"):
        summarizer.summarize_many(clusters, n_jobs=0)
    with pytest.raises(TypeError):
        summarizer.summarize_many([texts, [1, 2]])


def test_pickling_round_trips(example):
    summarizer = polysum.Summarizer(method="textrank", max_words=42, lexrank_threshold=0.2, order="source")
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        clone = pickle.loads(pickle.dumps(summarizer, protocol=protocol))
        assert clone == summarizer and clone.options == summarizer.options
        assert clone.summarize(example) == summarizer.summarize(example)
    document = polysum.Document("id-1", "Some text.")
    assert pickle.loads(pickle.dumps(document)) == document
    summary = summarizer.summarize(example)
    assert pickle.loads(pickle.dumps(summary)) == summary


def test_documents_are_hashable_values():
    a, b = polysum.Document("a", "text"), polysum.Document("a", "text")
    assert a == b and hash(a) == hash(b) and a.id == "a" and a.text == "text"
    assert len({a, b}) == 1
