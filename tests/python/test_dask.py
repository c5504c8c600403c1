"""Beyond one machine: the Dask example on a LocalCluster of 2 worker processes
gives exactly the summaries a local summarize_many gives."""

import json
import pathlib
import sys

import pytest

import polysum

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples"))

distributed = pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed")


def test_dask_local_cluster_matches_local_results(tmp_path, example):
    texts = list(example.values())
    clusters = [
        {
            "id": f"c{i}",
            "docs": texts[i % 3 :] + texts[: i % 3]
            if i % 2
            else [{"id": k, "text": v} for k, v in example.items()][: 1 + i % 3],
        }
        for i in range(12)
    ]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(c) for c in clusters) + "\n")
    import dask_summarize

    summarizer = polysum.Summarizer(max_words=40, method="lexrank")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with distributed.Client(cluster) as client:
            assert len(client.scheduler_info()["workers"]) == 2
            remote = dask_summarize.summarize_corpus(str(corpus), summarizer, client, partition_lines=3)
    local = dask_summarize.summarize_partition(clusters, summarizer)
    assert remote == local
    assert [r["id"] for r in remote] == [c["id"] for c in clusters]
