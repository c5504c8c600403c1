"""Summaries of grouped rows of a pandas or polars DataFrame.

``summarize_frame(df, by="story", text="body")`` treats every row as one
document, groups the rows into clusters by the ``by`` column(s) and summarises
every cluster with one :meth:`polysum.Summarizer.summarize_many` call (the GIL
released, the clusters spread over the cores). Neither pandas nor polars is
imported by ``import polysum``: this module uses the library the frame comes
from, and needs nothing else.
"""

from __future__ import annotations

import importlib
import math
import re
from collections.abc import Sequence
from typing import Any

from polysum._polysum import Document, Summarizer, Summary

__all__ = ["summarize_frame", "RESULT_COLUMNS"]

#: The columns a result frame has after the group key column(s).
RESULT_COLUMNS = ("summary", "sentences", "scores")

#: The fields of every entry of the ``sentences`` column, in this order.
SENTENCE_FIELDS = ("doc_id", "row", "start", "end", "score", "text")


def summarize_frame(
    df: Any,
    by: str | Sequence[str],
    text: str,
    id: str | None = None,
    *,
    skip_missing: bool = False,
    n_jobs: int | None = None,
    **options: Any,
) -> Any:
    """Summarises each group of rows of a pandas or polars DataFrame.

    Every row is one document: its ``text`` column holds the document's text.
    The rows are grouped into clusters by the ``by`` column (a name) or columns
    (a list of names) and each cluster is summarised with
    ``Summarizer(**options).summarize_many(clusters, n_jobs=n_jobs)``, so the
    groups run in parallel with the GIL released.

    Args:
        df: a ``pandas.DataFrame`` or a ``polars.DataFrame``.
        by: the column name, or list of column names, whose values group the
            rows. Rows whose key is missing (None/NaN/null) form a group of
            their own, as in polars' ``group_by`` and pandas'
            ``groupby(dropna=False)``.
        text: the column holding each document's text (str).
        id: the column holding each document's id; its values are turned into
            str with ``str()``. By default (None) a document's id is its
            position within its group as str (``"0"``, ``"1"``, ...), which is
            what ``polysum.summarize(list_of_texts)`` uses, so a group's summary
            is exactly ``polysum.summarize(group_texts, **options)``. The
            ``row`` field of every sentence links it back to its row either way.
        skip_missing: a row whose text is missing (None, NaN, pandas.NA, or a
            polars null) raises ValueError naming the row (its index label for
            pandas, its position for polars) unless this is True, in which case
            the row is left out. A group all of whose rows are left out still
            gets a result row, with an empty summary.
        n_jobs: the number of threads ``summarize_many`` uses (None: all cores).
        **options: the options of :class:`polysum.Summarizer`.

    Returns:
        A frame of the same library as ``df`` with one row per group, in the
        order of the groups' first rows (pandas' ``groupby(sort=False)``,
        polars' ``group_by(maintain_order=True)``), and the columns:

        - the ``by`` column(s), with the group's key;
        - ``summary``: the summary text (``Summary.text``);
        - ``sentences``: the summary's sentences, each a dict (a struct in
          polars) with ``doc_id`` (str), ``row`` (the row the sentence comes
          from: its index label in pandas, its position in ``df`` in polars),
          ``start`` and ``end`` (character offsets into that row's text),
          ``score`` (float) and ``text`` (the sentence, verbatim);
        - ``scores``: the sentences' scores, a list of float.

    Raises:
        ValueError: a text is missing (and ``skip_missing`` is False), an id is
            missing, a column is absent, or a ``by`` column is named like a
            result column.
        TypeError: a text is not a str, or ``df`` is not a pandas or polars
            DataFrame.
        polysum.PolysumError: from the summariser, naming the group.
    """
    keys = [by] if isinstance(by, str) else list(by)
    if not keys:
        raise ValueError("by names no column: give a column name or a non-empty list of names")
    for name in keys:
        if name in RESULT_COLUMNS:
            raise ValueError(f"by column {name!r} clashes with a result column ({', '.join(RESULT_COLUMNS)})")
    summarizer = Summarizer(**options)
    kind = _frame_kind(df)
    columns = list(df.columns)
    for role, name in [("by", k) for k in keys] + [("text", text)] + ([("id", id)] if id is not None else []):
        if name not in columns:
            raise ValueError(f"{role} column {name!r} is not in the frame (columns: {columns})")
    if kind == "pandas":
        return _summarize_pandas(df, keys, text, id, skip_missing, n_jobs, summarizer)
    return _summarize_polars(df, keys, text, id, skip_missing, n_jobs, summarizer)


def _frame_kind(df: Any) -> str:
    for cls in type(df).__mro__:
        module = cls.__module__ or ""
        if cls.__name__ == "DataFrame" and module.split(".")[0] == "pandas":
            return "pandas"
        if cls.__name__ == "DataFrame" and module.split(".")[0] == "polars":
            return "polars"
    raise TypeError(
        f"summarize_frame takes a pandas or polars DataFrame, not {type(df).__module__}.{type(df).__name__}"
    )


def _is_missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    # pandas.NA, pandas.NaT, numpy.datetime64("NaT"), numpy floating NaN: all unequal to themselves or ambiguous.
    kind = type(value).__name__
    return kind in ("NAType", "NaTType") or (kind.startswith("float") and value != value)


def _clusters(
    texts: list[Any],
    ids: list[Any] | None,
    groups: list[list[int]],
    rows: Sequence[Any],
    skip_missing: bool,
    text: str,
    id: str | None,
) -> tuple[list[list[Any]], list[list[int]]]:
    """The documents of every group, and the positions (in the frame) of the rows kept."""
    clusters: list[list[Any]] = []
    kept: list[list[int]] = []
    for positions in groups:
        docs: list[Any] = []
        used: list[int] = []
        for pos in positions:
            value = texts[pos]
            if _is_missing(value):
                if skip_missing:
                    continue
                raise ValueError(
                    f"row {rows[pos]!r}: the text column {text!r} is missing ({value!r}); "
                    "pass skip_missing=True to leave such rows out"
                )
            if not isinstance(value, str):
                raise TypeError(f"row {rows[pos]!r}: the text column {text!r} holds {type(value).__name__}, not str")
            if ids is None:
                docs.append(value)
            else:
                key = ids[pos]
                if _is_missing(key):
                    raise ValueError(f"row {rows[pos]!r}: the id column {id!r} is missing ({key!r})")
                docs.append(Document(str(key), value))
            used.append(pos)
        clusters.append(docs)
        kept.append(used)
    return clusters, kept


def _run(summarizer: Summarizer, clusters: list[list[Any]], n_jobs: int | None, key_of: Any) -> list[Summary | None]:
    """summarize_many over the non-empty clusters; None for an empty one."""
    todo = [i for i, c in enumerate(clusters) if c]
    try:
        done = summarizer.summarize_many([clusters[i] for i in todo], n_jobs=n_jobs)
    except (ValueError, TypeError) as e:
        # summarize_many names the cluster by its position among those it was given: name the group instead.
        match = re.match(r"cluster (\d+)", str(e))
        if match is None or int(match.group(1)) >= len(todo):
            raise
        group = key_of(todo[int(match.group(1))])
        raise type(e)(f"group {group!r}{str(e)[match.end() :]}") from e
    out: list[Summary | None] = [None] * len(clusters)
    for i, s in zip(todo, done):
        out[i] = s
    return out


def _records(summary: Summary | None, used: list[int], rows: Sequence[Any], texts: list[Any]) -> list[dict]:
    if summary is None:
        return []
    records = []
    for s in summary:
        pos = used[s.doc]
        records.append(
            {
                "doc_id": str(s.doc_id),
                "row": rows[pos],
                "start": s.start,
                "end": s.end,
                "score": s.score,
                "text": texts[pos][s.start : s.end],
            }
        )
    return records


def _summarize_pandas(
    df: Any,
    keys: list[str],
    text: str,
    id: str | None,
    skip_missing: bool,
    n_jobs: int | None,
    summarizer: Summarizer,
) -> Any:
    pd = importlib.import_module("pandas")  # imported here: polysum does not depend on pandas

    # Group numbers in order of first appearance (sort=False), missing keys a group of their own (dropna=False),
    # only the categories that occur (observed=True).
    codes = df.groupby(keys, sort=False, dropna=False, observed=True).ngroup().to_numpy()
    groups: list[list[int]] = [[] for _ in range(int(codes.max()) + 1 if len(codes) else 0)]
    for pos, code in enumerate(codes.tolist()):
        groups[code].append(pos)
    rows = df.index.tolist()
    texts = df[text].tolist()
    ids = df[id].tolist() if id is not None else None
    clusters, kept = _clusters(texts, ids, groups, rows, skip_missing, text, id)
    firsts = [g[0] for g in groups]
    out = df[keys].iloc[firsts].reset_index(drop=True)

    def key_of(i: int) -> Any:
        values = tuple(out[k].iloc[i] for k in keys)
        return values[0] if len(values) == 1 else values

    summaries = _run(summarizer, clusters, n_jobs, key_of)
    sentences = [_records(s, used, rows, texts) for s, used in zip(summaries, kept)]
    out["summary"] = pd.Series([s.text if s is not None else "" for s in summaries], index=out.index, dtype=object)
    out["sentences"] = pd.Series(sentences, index=out.index, dtype=object)
    out["scores"] = pd.Series([[r["score"] for r in recs] for recs in sentences], index=out.index, dtype=object)
    return out


def _summarize_polars(
    df: Any,
    keys: list[str],
    text: str,
    id: str | None,
    skip_missing: bool,
    n_jobs: int | None,
    summarizer: Summarizer,
) -> Any:
    pl = importlib.import_module("polars")  # imported here: polysum does not depend on polars

    row_col = "__polysum_row__"
    while row_col in df.columns:
        row_col += "_"
    indexed = df.with_row_index(row_col) if hasattr(df, "with_row_index") else df.with_row_count(row_col)
    grouped = indexed.group_by(keys, maintain_order=True).agg(pl.col(row_col))
    groups = [list(g) for g in grouped[row_col].to_list()]
    out = grouped.drop(row_col)
    rows = range(df.height)
    texts = df[text].to_list()
    ids = df[id].to_list() if id is not None else None
    clusters, kept = _clusters(texts, ids, groups, rows, skip_missing, text, id)

    def key_of(i: int) -> Any:
        values = out.row(i)
        return values[0] if len(values) == 1 else values

    summaries = _run(summarizer, clusters, n_jobs, key_of)
    sentences = [_records(s, used, rows, texts) for s, used in zip(summaries, kept)]
    struct = pl.Struct(
        [
            pl.Field("doc_id", pl.Utf8),
            pl.Field("row", pl.Int64),
            pl.Field("start", pl.Int64),
            pl.Field("end", pl.Int64),
            pl.Field("score", pl.Float64),
            pl.Field("text", pl.Utf8),
        ]
    )
    return out.with_columns(
        pl.Series("summary", [s.text if s is not None else "" for s in summaries], dtype=pl.Utf8),
        pl.Series("sentences", sentences, dtype=pl.List(struct)),
        pl.Series("scores", [[r["score"] for r in recs] for recs in sentences], dtype=pl.List(pl.Float64)),
    )
