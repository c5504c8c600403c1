"""polysum.langchain.PolysumCompressor against the real langchain-core."""

import asyncio

import pytest

import polysum
from polysum import _retrieval

pytest.importorskip("langchain_core", reason="langchain-core is not installed (pip install polysum[langchain])")

from langchain_core.documents import Document  # noqa: E402
from langchain_core.documents.compressor import BaseDocumentCompressor  # noqa: E402

from polysum.langchain import PolysumCompressor  # noqa: E402


@pytest.fixture
def documents(example):
    return [
        Document(page_content=text, metadata={"source": name, "rank": i}, id=f"doc-{i}")
        for i, (name, text) in enumerate(example.items())
    ]


def test_is_a_document_compressor():
    compressor = PolysumCompressor(max_words=60)
    assert isinstance(compressor, BaseDocumentCompressor)
    assert compressor.summarizer() == polysum.Summarizer(max_words=60)
    assert PolysumCompressor(options={"method": "lexrank", "max_sentences": 2}).summarizer() == polysum.Summarizer(
        method="lexrank", max_sentences=2
    )
    # An explicit budget field replaces the budget given in options (polysum takes one budget).
    assert PolysumCompressor(max_words=30, options={"max_sentences": 2}).summarizer() == polysum.Summarizer(
        max_words=30
    )


def test_keeps_the_summary_sentences_one_document_each(documents, example):
    texts = list(example.values())
    out = PolysumCompressor(max_words=60).compress_documents(documents, "When will the bridge close?")
    summary = polysum.summarize(texts, max_words=60, query="When will the bridge close?")
    assert len(out) == len(summary) > 0
    # The kept sentences are the query-focused summary's, in source order.
    want = sorted(summary, key=lambda s: (s.doc, s.start))
    assert [d.page_content for d in out] == [s.text for s in want]
    assert [d.metadata["polysum_score"] for d in out] == [s.score for s in want]
    for d in out:
        source = documents[d.metadata["polysum_source_index"]]
        assert d.metadata["source"] == source.metadata["source"] and d.metadata["rank"] == source.metadata["rank"]
        assert source.page_content[d.metadata["polysum_start"] : d.metadata["polysum_end"]] == d.page_content
        assert isinstance(d.metadata["polysum_score"], float)
    keys = [(d.metadata["polysum_source_index"], d.metadata["polysum_start"]) for d in out]
    assert keys == sorted(keys)
    # The sources are left as they were.
    assert [d.page_content for d in documents] == texts and all("polysum_score" not in d.metadata for d in documents)


def test_options_and_budget(documents):
    out = PolysumCompressor(max_sentences=1, options={"method": "textrank"}).compress_documents(documents, "bridge")
    assert len(out) == 1
    assert len(PolysumCompressor(options={"max_sentences": 3}).compress_documents(documents, "bridge")) == 3


def test_empty_input_and_empty_documents():
    compressor = PolysumCompressor(max_words=50)
    assert compressor.compress_documents([], "anything") == []
    assert compressor.compress_documents([Document(page_content="")], "anything") == []


def test_async_variant(documents):
    compressor = PolysumCompressor(max_words=60)
    got = asyncio.run(compressor.acompress_documents(documents, "bridge"))
    assert got == compressor.compress_documents(documents, "bridge")


def test_bad_options_fail_when_made():
    with pytest.raises(TypeError, match="max_word"):
        PolysumCompressor(options={"max_word": 10})
    with pytest.raises(ValueError, match="method"):
        PolysumCompressor(options={"method": "nope"})
    with pytest.raises(ValueError):
        PolysumCompressor(max_words=0)
    with pytest.raises(ValueError):
        PolysumCompressor(max_wrds=10)


def test_query_is_passed_when_supported(documents, monkeypatch):
    """With query-focused mode (simulated here where this build lacks it) the query reaches summarize."""
    seen = []

    class QuerySummarizer:
        def __init__(self, inner):
            self.inner = inner

        def summarize(self, docs, *, query=None):
            seen.append(query)
            return self.inner.summarize(docs)

    monkeypatch.setattr(_retrieval, "_QUERY_SUPPORTED", True)
    compressor = PolysumCompressor(max_words=60)
    monkeypatch.setattr(PolysumCompressor, "summarizer", lambda self: QuerySummarizer(polysum.Summarizer(max_words=60)))
    out = compressor.compress_documents(documents, "Who pays for the repairs?")
    assert seen == ["Who pays for the repairs?"] and out
    monkeypatch.setattr(_retrieval, "_QUERY_SUPPORTED", False)
    compressor.compress_documents(documents, "Who pays for the repairs?")
    assert seen == ["Who pays for the repairs?", None]


def test_query_support_is_detected():
    try:
        polysum.Summarizer().summarize(["A sentence about the bridge closing in May."], query="bridge")
    except TypeError:
        want = False
    else:
        want = True
    old = _retrieval._QUERY_SUPPORTED
    _retrieval._QUERY_SUPPORTED = None
    try:
        assert _retrieval.query_supported() is want
    finally:
        _retrieval._QUERY_SUPPORTED = old
