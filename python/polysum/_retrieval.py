"""What the retrieval integrations (polysum.langchain, polysum.llama_index) share.

They pick, from the passages a retriever returned, the sentences that matter
within a budget, and hand them back one per sentence in source order.
"""

from __future__ import annotations

from typing import Any

from polysum._polysum import Summarizer, SummarySentence

_QUERY_SUPPORTED: bool | None = None

#: The Summarizer options that set the budget; at most one of them may be given.
BUDGET_OPTIONS = ("max_sentences", "max_words", "max_chars", "max_bytes", "ratio")


def query_supported() -> bool:
    """Whether this build's ``Summarizer.summarize`` takes ``query=`` (query-focused mode).

    Found out once per process by a call on a tiny cluster: a TypeError means
    the keyword is unknown, and the integrations then fall back to the generic
    summary of the passages.
    """
    global _QUERY_SUPPORTED
    if _QUERY_SUPPORTED is None:
        probe = Summarizer()
        try:
            probe.summarize(["Polysum checks whether queries are supported here."], query="queries")  # type: ignore[call-arg,unused-ignore]
        except TypeError:
            _QUERY_SUPPORTED = False
        except Exception:
            # The keyword was accepted; the probe failed for some other reason.
            _QUERY_SUPPORTED = True
        else:
            _QUERY_SUPPORTED = True
    return _QUERY_SUPPORTED


def summarizer_options(max_words: int | None, max_sentences: int | None, options: dict[str, Any]) -> dict[str, Any]:
    """The Summarizer options: ``options`` with the explicit budget fields on top (None: not set).

    polysum takes one budget: an explicit ``max_words`` or ``max_sentences``
    replaces whatever budget ``options`` gives (setting both is a ConfigError).
    """
    merged = dict(options)
    if max_words is not None or max_sentences is not None:
        for key in BUDGET_OPTIONS:
            merged.pop(key, None)
    if max_words is not None:
        merged["max_words"] = max_words
    if max_sentences is not None:
        merged["max_sentences"] = max_sentences
    return merged


def select_sentences(summarizer: Summarizer, texts: list[str], query: str | None) -> list[SummarySentence]:
    """The summary sentences of the passages ``texts``, in source order (passage, then offset).

    ``SummarySentence.doc`` is the passage's position in ``texts``; ``start``
    and ``end`` are character offsets into it. The query is passed when the
    summariser supports query-focused summaries, and ignored otherwise.
    """
    if not texts:
        return []
    if query and query_supported():
        summary = summarizer.summarize(texts, query=query)  # type: ignore[call-arg,unused-ignore]
    else:
        summary = summarizer.summarize(texts)
    return sorted(summary, key=lambda s: (s.doc, s.start))
