"""Focused summaries: about a query, and about what is new since documents the
reader has seen."""

import polysum

US_OBJECTION = ("opposed", "criticized", "criticised", "displeasure", "platform")


def mentions_us_objection(text: str) -> bool:
    lowered = text.lower()
    return ("united states" in lowered or "the us " in lowered or "washington" in lowered) and any(
        word in lowered for word in US_OBJECTION
    )


def test_a_query_brings_the_us_objection_into_60_words(seeds):
    question = "What did the United States say about the visit?"
    focused = polysum.summarize(seeds, max_words=60, query=question)
    generic = polysum.summarize(seeds, max_words=60)
    assert any(mentions_us_objection(s.text) for s in focused), [s.text for s in focused]
    assert not any(mentions_us_objection(s.text) for s in generic), [s.text for s in generic]
    assert focused.query == question and focused.query_terms > 0 and not focused.notes
    assert all(s.components["relevance"] > 0 for s in focused)
    assert all(s.components["relevance"] == 0 for s in generic)


def test_without_query_or_seen_the_summary_is_the_generic_one(example):
    summarizer = polysum.Summarizer(max_words=80)
    generic = summarizer.summarize(example)
    assert summarizer.summarize(example, query=None, seen=None) == generic
    assert summarizer.summarize(example, seen=[]) == generic
    assert generic.query is None and generic.seen_documents == 0 and generic.notes == []


def test_queries_without_content_words_give_the_generic_summary_and_say_so(example):
    generic = polysum.summarize(example, max_words=60)
    for query, note in [
        ("", "no content word"),
        ("the and of what", "no content word"),
        ("Describe what the articles say.", "no content word"),
        ("Мост закрыт", "no word"),
    ]:
        summary = polysum.summarize(example, max_words=60, query=query)
        assert [s.text for s in summary] == [s.text for s in generic]
        assert summary.query_terms == 0
        assert any(note in n for n in summary.notes), summary.notes


def test_seen_documents_equal_to_the_cluster_leave_nothing_new(example):
    summary = polysum.summarize(example, seen=example, max_words=100)
    assert len(summary) == 0
    assert summary.seen_documents == len(example)
    assert any("nothing new" in note for note in summary.notes)
    ranking = polysum.Summarizer().rank(example, seen=example)
    assert {s.excluded for s in ranking.sentences if s.excluded} >= {"seen"}


def test_seen_documents_push_out_what_they_state(seeds):
    ids = sorted(seeds)
    seen = {k: seeds[k] for k in ids[:2]}
    docs = {k: seeds[k] for k in ids[2:]}
    generic = polysum.summarize(docs, max_words=100)
    update = polysum.summarize(docs, seen=seen, max_words=100)
    assert [s.text for s in update] != [s.text for s in generic]
    assert all(s.components["novelty"] < 1 for s in update)
    ranking = polysum.Summarizer().rank(docs, seen=seen)
    restated = [s for s in ranking.sentences if s.excluded == "seen"]
    assert restated and not {s.text for s in restated} & {s.text for s in update}


def test_batches_carry_their_own_query_and_seen(example):
    summarizer = polysum.Summarizer(max_words=50)
    texts = list(example.values())
    clusters = [
        {"docs": example, "query": "How long will repairs take and what will they cost?"},
        {"docs": texts[1:], "seen": texts[:1]},
        example,
    ]
    expected = [
        summarizer.summarize(example, query=clusters[0]["query"]),
        summarizer.summarize(texts[1:], seen=texts[:1]),
        summarizer.summarize(example),
    ]
    assert summarizer.summarize_many(clusters) == expected
    assert summarizer.summarize_many(clusters, n_jobs=1) == expected
