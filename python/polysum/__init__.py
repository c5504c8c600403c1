"""polysum: extractive multi-document summarisation.

Give it a cluster of documents about one story and it returns the few sentences,
verbatim, that together cover the story best, without repeating itself and
without page furniture::

    import polysum
    summary = polysum.summarize(texts, max_words=100)
    print(summary.text)
    for s in summary:
        print(s.score, s.doc_id, texts[s.doc][s.start:s.end])
"""

from __future__ import annotations

from typing import Any

from polysum._polysum import (
    LANGUAGES,
    METHODS,
    ConfigError,
    Document,
    InputError,
    PolysumError,
    Ranking,
    Sentence,
    Summarizer,
    Summary,
    SummarySentence,
    __version__,
    normalize,
    sentences,
)

__all__ = [
    "LANGUAGES",
    "METHODS",
    "ConfigError",
    "Document",
    "InputError",
    "PolysumError",
    "Ranking",
    "Sentence",
    "Summarizer",
    "Summary",
    "SummarySentence",
    "__version__",
    "normalize",
    "sentences",
    "summarize",
]


def summarize(docs: Any, **options: Any) -> Summary:
    """Summarises one cluster: ``Summarizer(**options).summarize(docs)``.

    ``docs`` is a list of str, a dict of id -> str, or a list of Document.
    ``options`` are the keyword-only options of :class:`Summarizer`.
    """
    return Summarizer(**options).summarize(docs)
