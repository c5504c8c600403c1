"""polysum: extractive multi-document summarisation.

Give it a cluster of documents about one story and it returns the few sentences,
verbatim, that together cover the story best, without repeating itself and
without page furniture::

    import polysum
    summary = polysum.summarize(texts, max_words=100)
    print(summary.text)
    for s in summary:
        print(s.score, s.doc_id, texts[s.doc_id][s.start:s.end])

``help(polysum.Summarizer)`` lists every option with its meaning and default.
"""

import typing as _typing

from polysum._polysum import (
    LANGUAGES,
    METHODS,
    TOKENIZERS,
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
    count_tokens,
    normalize,
    sentences,
)
from polysum.frame import summarize_frame

__all__ = [
    "LANGUAGES",
    "METHODS",
    "TOKENIZERS",
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
    "count_tokens",
    "normalize",
    "sentences",
    "summarize",
    "summarize_frame",
]


def summarize(
    docs: _typing.Any,
    *,
    query: _typing.Optional[str] = None,
    seen: _typing.Any = None,
    embeddings: _typing.Any = None,
    **options: _typing.Any,
) -> Summary:
    """Summarises one cluster: ``Summarizer(**options).summarize(docs, query=query, seen=seen, embeddings=embeddings)``.

    ``docs`` is a list of str, a dict of id -> str, or a list of Document.
    ``query`` (a question, a topic, keywords) focuses the summary on it; ``seen``
    (documents of the same kinds) makes it tell what is new since them.
    ``embeddings`` (sentence embeddings of your own: an array with one row per
    sentence of ``docs``, in the order ``Summarizer().rank(docs)`` lists them, or
    a callable from a list of sentences to such an array, e.g. a
    sentence-transformers model's ``encode``) makes two sentences at
    ``embedding_threshold`` one fact, so that only one is chosen.
    ``options`` are the keyword-only options of :class:`Summarizer` (see
    ``help(polysum.Summarizer)``).
    """
    return Summarizer(**options).summarize(docs, query=query, seen=seen, embeddings=embeddings)


# help(polysum.summarize) lists the options too: Summarizer's docstring is
# built from the engine's option table.
summarize.__doc__ = f"{summarize.__doc__}\n{Summarizer.__doc__}"


def __dir__() -> list[str]:
    """Only the public names (PEP 562)."""
    return list(__all__)
