"""A LlamaIndex node postprocessor: the sentences of the retrieved nodes that matter, within a budget.

::

    from polysum.llama_index import PolysumPostprocessor

    query_engine = index.as_query_engine(node_postprocessors=[PolysumPostprocessor(max_words=150)])

Needs ``llama-index-core`` (``pip install polysum[llama-index]``).
"""

# No `from __future__ import annotations` here: pydantic evaluates the field annotations at run time, and
# `int | None` is not valid at run time on Python 3.9.
from typing import Any, Optional

from llama_index.core.bridge.pydantic import Field, model_validator  # type: ignore[import-not-found,unused-ignore]
from llama_index.core.postprocessor.types import BaseNodePostprocessor  # type: ignore[import-not-found,unused-ignore]
from llama_index.core.schema import MetadataMode, NodeRelationship, NodeWithScore, QueryBundle, TextNode  # type: ignore[import-not-found,unused-ignore]

from polysum._polysum import Summarizer
from polysum._retrieval import select_sentences, summarizer_options

__all__ = ["PolysumPostprocessor", "POLYSUM_METADATA_KEYS"]

#: The metadata keys every returned node gets. They are left out of what the LLM and the embedding model see.
POLYSUM_METADATA_KEYS = ("polysum_score", "polysum_start", "polysum_end", "polysum_source_index")


class PolysumPostprocessor(BaseNodePostprocessor):
    """Keeps the sentences of the retrieved nodes that matter, within the budget.

    The nodes' texts (``node.get_content(MetadataMode.NONE)``) are summarised
    together as one cluster (polysum removes what they repeat); each kept
    sentence becomes a new ``NodeWithScore`` holding a ``TextNode``, in source
    order (node, then position), with:

    - ``text``: the sentence verbatim;
    - ``score``: the sentence's polysum score;
    - ``metadata``: the source node's metadata plus ``polysum_score``,
      ``polysum_start`` and ``polysum_end`` (character offsets of the sentence
      in the source node's text) and ``polysum_source_index`` (the source's
      position in ``nodes``); the polysum keys are excluded from the LLM's and
      the embedding's view of the metadata, as the source's excluded keys are;
    - ``relationships[NodeRelationship.SOURCE]``: the source node.

    The query is passed to polysum's query-focused mode where this polysum has
    it (``Summarizer.summarize(docs, query=...)``); elsewhere the generic
    summary of the nodes is kept.

    Fields:
        max_words: the word budget (None: the Summarizer's default budget).
        max_sentences: the sentence budget (None: the Summarizer's default, 5).
        options: any other :class:`polysum.Summarizer` options, e.g.
            ``{"method": "lexrank"}``; ``max_words`` and ``max_sentences`` take
            precedence over the same keys here.
    """

    max_words: Optional[int] = Field(default=None, ge=1, description="word budget of the kept sentences")
    max_sentences: Optional[int] = Field(default=None, ge=1, description="at most this many sentences")
    options: dict[str, Any] = Field(default_factory=dict, description="other polysum.Summarizer options")

    @classmethod
    def class_name(cls) -> str:
        return "PolysumPostprocessor"

    @model_validator(mode="after")
    def _check_options(self) -> "PolysumPostprocessor":
        # A misspelt or out-of-range option fails here, when the postprocessor is made, not at the first query.
        self.summarizer()
        return self

    def summarizer(self) -> Summarizer:
        """The :class:`polysum.Summarizer` these fields describe."""
        return Summarizer(**summarizer_options(self.max_words, self.max_sentences, self.options))

    def _postprocess_nodes(
        self,
        nodes: list[NodeWithScore],
        query_bundle: Optional[QueryBundle] = None,
    ) -> list[NodeWithScore]:
        texts = [n.node.get_content(metadata_mode=MetadataMode.NONE) for n in nodes]
        query = query_bundle.query_str if query_bundle is not None else None
        out = []
        for s in select_sentences(self.summarizer(), texts, query):
            source = nodes[s.doc].node
            metadata = dict(source.metadata)
            metadata.update(
                polysum_score=s.score,
                polysum_start=s.start,
                polysum_end=s.end,
                polysum_source_index=s.doc,
            )
            node = TextNode(
                text=texts[s.doc][s.start : s.end],
                metadata=metadata,
                excluded_llm_metadata_keys=_merged(source.excluded_llm_metadata_keys),
                excluded_embed_metadata_keys=_merged(source.excluded_embed_metadata_keys),
                relationships={NodeRelationship.SOURCE: source.as_related_node_info()},
            )
            out.append(NodeWithScore(node=node, score=s.score))
        return out


def _merged(keys: list[str]) -> list[str]:
    return list(keys) + [k for k in POLYSUM_METADATA_KEYS if k not in keys]
