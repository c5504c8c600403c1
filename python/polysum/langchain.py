"""A LangChain document compressor: the sentences of the retrieved documents that matter, within a budget.

::

    from langchain_classic.retrievers import ContextualCompressionRetriever  # langchain.retrievers before 1.0
    from polysum.langchain import PolysumCompressor

    retriever = ContextualCompressionRetriever(
        base_compressor=PolysumCompressor(max_words=150), base_retriever=vector_store.as_retriever()
    )

Needs ``langchain-core`` (``pip install polysum[langchain]``).
"""

# No `from __future__ import annotations` here: pydantic evaluates the field annotations at run time, and
# `int | None` is not valid at run time on Python 3.9.
from collections.abc import Sequence
from typing import Any, Optional

from langchain_core.callbacks import Callbacks  # type: ignore[import-not-found,unused-ignore]
from langchain_core.documents import Document  # type: ignore[import-not-found,unused-ignore]
from langchain_core.documents.compressor import BaseDocumentCompressor  # type: ignore[import-not-found,unused-ignore]
from pydantic import ConfigDict, Field, model_validator  # type: ignore[import-not-found,unused-ignore]

from polysum._polysum import Summarizer
from polysum._retrieval import select_sentences, summarizer_options

__all__ = ["PolysumCompressor"]


class PolysumCompressor(BaseDocumentCompressor):
    """Keeps the sentences of the retrieved documents that matter, within the budget.

    The retrieved documents are summarised together as one cluster (polysum
    removes what they repeat); each kept sentence becomes one ``Document``, in
    source order (document, then position), whose ``page_content`` is the
    sentence verbatim and whose metadata is the source document's plus
    ``polysum_score`` (float), ``polysum_start`` and ``polysum_end`` (character
    offsets of the sentence in the source's ``page_content``) and
    ``polysum_source_index`` (the source's position in ``documents``).

    The query is passed to polysum's query-focused mode where this polysum has
    it (``Summarizer.summarize(docs, query=...)``); elsewhere the generic
    summary of the documents is kept.

    Fields:
        max_words: the word budget (None: the Summarizer's default budget).
        max_sentences: the sentence budget (None: the Summarizer's default, 5).
        options: any other :class:`polysum.Summarizer` options, e.g.
            ``{"method": "lexrank", "redundancy": 0.6}``; ``max_words`` and
            ``max_sentences`` above take precedence over the same keys here.
    """

    model_config = ConfigDict(extra="forbid")

    max_words: Optional[int] = Field(default=None, ge=1, description="word budget of the kept sentences")
    max_sentences: Optional[int] = Field(default=None, ge=1, description="at most this many sentences")
    options: dict[str, Any] = Field(default_factory=dict, description="other polysum.Summarizer options")

    @model_validator(mode="after")
    def _check_options(self) -> "PolysumCompressor":
        # A misspelt or out-of-range option fails here, when the compressor is made, not at the first query.
        self.summarizer()
        return self

    def summarizer(self) -> Summarizer:
        """The :class:`polysum.Summarizer` these fields describe."""
        return Summarizer(**summarizer_options(self.max_words, self.max_sentences, self.options))

    def compress_documents(
        self,
        documents: Sequence[Document],
        query: str,
        callbacks: Optional[Callbacks] = None,
    ) -> Sequence[Document]:
        """The kept sentences of ``documents``, one ``Document`` each, in source order."""
        docs = list(documents)
        texts = [d.page_content for d in docs]
        out = []
        for s in select_sentences(self.summarizer(), texts, query):
            source = docs[s.doc]
            metadata = dict(source.metadata)
            metadata.update(
                polysum_score=s.score,
                polysum_start=s.start,
                polysum_end=s.end,
                polysum_source_index=s.doc,
            )
            out.append(Document(page_content=texts[s.doc][s.start : s.end], metadata=metadata))
        return out
