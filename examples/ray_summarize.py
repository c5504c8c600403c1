"""Summarise clusters on a Ray cluster with Ray Data: one Summarizer per worker actor.

Each item is one cluster: {"id": str, "doc_ids": [str], "texts": [str]}. The
items are split into batches; each batch goes to one of `concurrency` actors,
which holds one polysum.Summarizer and runs summarize_many over the batch (the
GIL released). The summaries come back as JSON (Summary.to_json), which
Summary.from_json turns back into the same Summary.

    python examples/ray_summarize.py [examples/cluster ...] [--max-words 60] [--address auto]

Without --address it starts a local Ray of 2 CPUs (no dashboard) and
summarises the folders given (each folder of .txt files is one cluster;
examples/cluster by default).
"""

from __future__ import annotations

import argparse
import os
import pathlib

import polysum


class SummarizeBatch:
    """What a Ray Data worker actor runs: built once per actor, called once per batch (a pandas DataFrame)."""

    def __init__(self, **options):
        self.summarizer = polysum.Summarizer(**options)

    def __call__(self, batch):
        import pandas as pd

        clusters = [
            [polysum.Document(str(i), str(t)) for i, t in zip(ids, texts)]
            for ids, texts in zip(batch["doc_ids"], batch["texts"])
        ]
        summaries = self.summarizer.summarize_many(clusters, n_jobs=1)
        return pd.DataFrame(
            {
                "id": batch["id"].to_numpy(),
                "worker": os.getpid(),
                "text": [s.text for s in summaries],
                "summary": [s.to_json() for s in summaries],
            }
        )


def summarize_items(items: list[dict], *, concurrency: int = 2, batch_size: int = 4, **options) -> list[dict]:
    """{"id", "worker" (the actor's pid), "text", "summary" (JSON)} per item, in item order.

    Computed by a pool of `concurrency` Ray actors of one CPU each, each holding one Summarizer built from `options`.
    """
    import ray

    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True
    ds = ray.data.from_items(items).map_batches(
        SummarizeBatch,
        fn_constructor_kwargs=options,
        compute=ray.data.ActorPoolStrategy(size=concurrency),
        batch_size=batch_size,
        batch_format="pandas",
        num_cpus=1,
    )
    return ds.take_all()


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
    parser.add_argument("--address", help="a running Ray cluster (e.g. auto); by default a local one of 2 CPUs")
    args = parser.parse_args()
    import ray

    if args.address:
        ray.init(address=args.address)
    else:
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    items = [cluster_item(pathlib.Path(f)) for f in args.folders]
    # A few rotations of each cluster too, so that both workers get batches.
    items += [
        {
            "id": f"{it['id']}~{k}",
            "doc_ids": it["doc_ids"][k:] + it["doc_ids"][:k],
            "texts": it["texts"][k:] + it["texts"][:k],
        }
        for it in list(items)
        for k in range(1, len(it["texts"]))
    ]
    for row in summarize_items(items, max_words=args.max_words):
        summary = polysum.Summary.from_json(row["summary"])
        print(f"== {row['id']}: {len(summary)} sentences")
        for s in summary:
            print(f"  [{s.score:.3f}] ({s.doc_id}) {s.text}")
    ray.shutdown()


if __name__ == "__main__":
    main()
