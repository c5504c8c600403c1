"""Summarise clusters on Spark with mapInPandas: one Summarizer per Python worker, summarize_many per batch.

The same job as examples/ray_summarize.py on the other engine. Each row is one cluster:
(id: string, doc_ids: array<string>, texts: array<string>); every Arrow batch of rows goes to one Python worker,
which runs one summarize_many over it (the GIL released) and returns (id, text, summary JSON).

    python examples/spark_summarize.py [examples/cluster ...] [--max-words 60] [--master local[2]]

Needs pyspark (with pandas and pyarrow) and Java 17+. Local mode needs no network. The Summarizer pickles, so it
travels to the workers inside the function's closure.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import sys
from collections.abc import Iterator

import polysum

OUTPUT_SCHEMA = "id string, text string, summary string"


def summarize_batches(summarizer: polysum.Summarizer):
    """The function mapInPandas runs on each worker: pandas batches of clusters in, pandas batches of summaries out."""

    def run(batches: Iterator):
        import pandas as pd

        for batch in batches:
            clusters = [
                [polysum.Document(str(i), str(t)) for i, t in zip(ids, texts)]
                for ids, texts in zip(batch["doc_ids"], batch["texts"])
            ]
            summaries = summarizer.summarize_many(clusters, n_jobs=1)
            yield pd.DataFrame(
                {"id": batch["id"], "text": [s.text for s in summaries], "summary": [s.to_json() for s in summaries]}
            )

    return run


def summarize_items(spark, items: list[dict], summarizer: polysum.Summarizer, partitions: int = 2) -> list[dict]:
    """{"id", "text", "summary" (JSON)} per item, in item order."""
    df = spark.createDataFrame(items, schema="id string, doc_ids array<string>, texts array<string>")
    out = df.repartition(partitions).mapInPandas(summarize_batches(summarizer), schema=OUTPUT_SCHEMA)
    by_id = {r["id"]: r.asDict() for r in out.collect()}
    return [by_id[it["id"]] for it in items]


def cluster_item(folder: pathlib.Path) -> dict:
    files = sorted(folder.glob("*.txt"))
    return {
        "id": folder.name,
        "doc_ids": [p.name for p in files],
        "texts": [p.read_text(encoding="utf-8") for p in files],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", default=[str(pathlib.Path(__file__).parent / "cluster")])
    parser.add_argument("--max-words", type=int, default=60)
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args()
    # The Python workers run this interpreter (by default Spark starts `python3` from PATH, maybe another venv's).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.master(args.master)
        .appName("polysum")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    items = [cluster_item(pathlib.Path(f)) for f in args.folders]
    items += [
        {
            "id": f"{it['id']}~{k}",
            "doc_ids": it["doc_ids"][k:] + it["doc_ids"][:k],
            "texts": it["texts"][k:] + it["texts"][:k],
        }
        for it in list(items)
        for k in range(1, len(it["texts"]))
    ]
    for row in summarize_items(spark, items, polysum.Summarizer(max_words=args.max_words)):
        summary = polysum.Summary.from_json(row["summary"])
        print(f"== {row['id']}: {len(summary)} sentences")
        for s in summary:
            print(f"  [{s.score:.3f}] ({s.doc_id}) {s.text}")
    spark.stop()


if __name__ == "__main__":
    main()
