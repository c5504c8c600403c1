"""polysum.llama_index.PolysumPostprocessor against the real llama-index-core, offline.

llama-index-core ships the NLTK data and the tiktoken files it may load
(llama_index/core/_static), and neither is loaded by what is used here; the
tests run with the network cut off (see test_imports_offline).
"""

import asyncio
import os
import subprocess
import sys

import pytest

import polysum
from polysum import _retrieval

pytest.importorskip("llama_index.core", reason="llama-index-core is not installed (pip install polysum[llama-index])")

from llama_index.core.postprocessor.types import BaseNodePostprocessor  # noqa: E402
from llama_index.core.schema import (  # noqa: E402
    MetadataMode,
    NodeRelationship,
    NodeWithScore,
    QueryBundle,
    TextNode,
)

from polysum.llama_index import POLYSUM_METADATA_KEYS, PolysumPostprocessor  # noqa: E402


@pytest.fixture
def nodes(example):
    return [
        NodeWithScore(
            node=TextNode(
                text=text,
                id_=f"node-{i}",
                metadata={"file_name": name, "section": "news"},
                excluded_llm_metadata_keys=["section"],
            ),
            score=1.0 - i / 10,
        )
        for i, (name, text) in enumerate(example.items())
    ]


def test_is_a_node_postprocessor():
    post = PolysumPostprocessor(max_words=60)
    assert isinstance(post, BaseNodePostprocessor)
    assert post.summarizer() == polysum.Summarizer(max_words=60)
    assert PolysumPostprocessor.class_name() == "PolysumPostprocessor"


def test_keeps_the_summary_sentences_one_node_each(nodes, example):
    texts = list(example.values())
    out = PolysumPostprocessor(max_words=60).postprocess_nodes(nodes, query_str="When does the bridge close?")
    summary = polysum.summarize(texts, max_words=60, query="When does the bridge close?")
    assert len(out) == len(summary) > 0
    want = sorted(summary, key=lambda s: (s.doc, s.start))
    assert [n.node.get_content() for n in out] == [s.text for s in want]
    assert [n.score for n in out] == [s.score for s in want]
    for n in out:
        assert isinstance(n, NodeWithScore) and isinstance(n.node, TextNode)
        meta = n.node.metadata
        source = nodes[meta["polysum_source_index"]].node
        assert meta["file_name"] == source.metadata["file_name"] and meta["section"] == "news"
        assert source.text[meta["polysum_start"] : meta["polysum_end"]] == n.node.text
        assert n.score == meta["polysum_score"]
        assert n.node.relationships[NodeRelationship.SOURCE].node_id == source.node_id
        # The polysum keys, and what the source hid, stay out of what the LLM and the embedding model see.
        llm_view = n.node.get_content(metadata_mode=MetadataMode.LLM)
        assert "polysum" not in llm_view and "section" not in llm_view and "file_name" in llm_view
        assert "polysum" not in n.node.get_content(metadata_mode=MetadataMode.EMBED)
        assert set(POLYSUM_METADATA_KEYS) <= set(n.node.excluded_embed_metadata_keys)
    keys = [(n.node.metadata["polysum_source_index"], n.node.metadata["polysum_start"]) for n in out]
    assert keys == sorted(keys)
    assert [n.node.text for n in nodes] == texts and all("polysum_score" not in n.node.metadata for n in nodes)


def test_query_bundle_none_budget_and_options(nodes):
    assert len(PolysumPostprocessor(max_sentences=2, options={"method": "lexrank"})._postprocess_nodes(nodes)) == 2
    assert len(PolysumPostprocessor(options={"max_sentences": 1}).postprocess_nodes(nodes)) == 1
    assert PolysumPostprocessor().postprocess_nodes([]) == []


def test_async_variant(nodes):
    post = PolysumPostprocessor(max_words=60)
    got = asyncio.run(post.apostprocess_nodes(nodes, query_bundle=QueryBundle("bridge")))
    want = post.postprocess_nodes(nodes, query_bundle=QueryBundle("bridge"))
    assert [(n.node.text, n.score, n.node.metadata) for n in got] == [
        (n.node.text, n.score, n.node.metadata) for n in want
    ]


def test_bad_options_fail_when_made():
    with pytest.raises(TypeError, match="max_word"):
        PolysumPostprocessor(options={"max_word": 10})
    with pytest.raises(ValueError):
        PolysumPostprocessor(max_sentences=0)


def test_query_is_passed_when_supported(nodes, monkeypatch):
    seen = []

    class QuerySummarizer:
        def summarize(self, docs, *, query=None):
            seen.append(query)
            return polysum.Summarizer(max_words=60).summarize(docs)

    monkeypatch.setattr(_retrieval, "_QUERY_SUPPORTED", True)
    monkeypatch.setattr(PolysumPostprocessor, "summarizer", lambda self: QuerySummarizer())
    assert PolysumPostprocessor().postprocess_nodes(nodes, query_str="Who pays?")
    assert seen == ["Who pays?"]


def test_imports_and_runs_offline(tmp_path):
    """Nothing is fetched: import and use in a child whose sockets all fail."""
    code = """
import socket
def refuse(*args, **kwargs):
    raise OSError("network use in an offline test")
socket.socket.connect = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
from llama_index.core.schema import NodeWithScore, TextNode
from polysum.llama_index import PolysumPostprocessor
nodes = [NodeWithScore(node=TextNode(text=t), score=1.0) for t in [
    "The council voted on Tuesday to close the Eastgate bridge to cars from May this year.",
    "Engineers found corrosion in two of the steel supports of the Eastgate bridge last month.",
]]
print(len(PolysumPostprocessor(max_sentences=1).postprocess_nodes(nodes, query_str="bridge")))
"""
    env = dict(os.environ, HOME=str(tmp_path), NLTK_DATA=str(tmp_path / "nltk"), TIKTOKEN_CACHE_DIR=str(tmp_path))
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "1"
    assert "NLTK download error" not in done.stdout + done.stderr
