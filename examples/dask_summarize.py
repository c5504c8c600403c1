"""Summarise a JSONL corpus of clusters on a Dask cluster.

Each line is one cluster: {"id": ..., "docs": [str | {"id": ..., "text": ...}]}.
Lines are read in partitions; each worker runs Summarizer.summarize_many over its
partition (the GIL released, all its cores busy) and returns plain dicts.

    python examples/dask_summarize.py clusters.jsonl summaries.jsonl [--scheduler tcp://host:8786]

Without --scheduler it starts a LocalCluster on this machine. The same shape runs
on PySpark: `sc.textFile(path).mapPartitions(summarize_partition_lines)` with the
Summarizer captured in the closure (it pickles).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable

import polysum


def docs_of(cluster: dict):
    docs = cluster["docs"]
    if all(isinstance(d, str) for d in docs):
        return docs
    return [
        polysum.Document(str(d.get("id", i)), d["text"]) if isinstance(d, dict) else polysum.Document(str(i), d)
        for i, d in enumerate(docs)
    ]


def summarize_partition(clusters: list[dict], summarizer: polysum.Summarizer) -> list[dict]:
    """What a worker runs: one summarize_many over the partition's clusters."""
    summaries = summarizer.summarize_many([docs_of(c) for c in clusters])
    return [{"id": c.get("id"), "summary": s.to_dict()} for c, s in zip(clusters, summaries)]


def summarize_partition_lines(lines: Iterable[str], summarizer: polysum.Summarizer) -> list[dict]:
    return summarize_partition([json.loads(line) for line in lines if line.strip()], summarizer)


def summarize_corpus(path: str, summarizer: polysum.Summarizer, client, partition_lines: int = 1000) -> list[dict]:
    """Summaries of every cluster in the JSONL file at `path`, in file order."""
    import dask.bag as db

    with open(path, encoding="utf-8") as f:
        lines = [line for line in f if line.strip()]
    bag = db.from_sequence(lines, partition_size=partition_lines)
    return list(client.compute(bag.map_partitions(summarize_partition_lines, summarizer)).result())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus")
    parser.add_argument("output")
    parser.add_argument("--scheduler", help="address of a running Dask scheduler")
    parser.add_argument("--max-words", type=int, default=100)
    args = parser.parse_args()
    from dask.distributed import Client, LocalCluster

    client = Client(args.scheduler) if args.scheduler else Client(LocalCluster())
    summarizer = polysum.Summarizer(max_words=args.max_words)
    with open(args.output, "w", encoding="utf-8") as out:
        for record in summarize_corpus(args.corpus, summarizer, client):
            out.write(json.dumps(record) + "\n")
    client.close()


if __name__ == "__main__":
    main()
