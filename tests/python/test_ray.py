"""Beyond one machine, second engine: the Ray Data example on a local Ray of 2 CPUs, two worker actors holding one
Summarizer each, gives exactly the summaries a local summarize gives."""

import pathlib
import sys

import pytest

import polysum

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples"))

ray = pytest.importorskip("ray", reason="ray is not installed (pip install polysum[ray])")
pytest.importorskip("ray.data", reason="ray[data] is not installed (pip install polysum[ray])")


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:
        yield
    finally:
        ray.shutdown()


def test_ray_data_actors_match_local_results(local_ray, example):
    import ray_summarize

    # The workers cannot import examples/ray_summarize.py: ship the actor class by value.
    ray.cloudpickle.register_pickle_by_value(ray_summarize)
    names, texts = list(example), list(example.values())
    items = [
        {
            "id": f"c{i}",
            "doc_ids": (names[i % 3 :] + names[: i % 3])[: 1 + i % 3],
            "texts": (texts[i % 3 :] + texts[: i % 3])[: 1 + i % 3],
        }
        for i in range(12)
    ]
    options = {"max_words": 40, "method": "lexrank"}
    assert ray.cluster_resources()["CPU"] == 2
    rows = ray_summarize.summarize_items(items, concurrency=2, batch_size=1, **options)
    assert [r["id"] for r in rows] == [it["id"] for it in items]
    for row, item in zip(rows, items):
        local = polysum.summarize(dict(zip(item["doc_ids"], item["texts"])), **options)
        assert polysum.Summary.from_json(row["summary"]) == local
        assert row["text"] == local.text
    workers = {r["worker"] for r in rows}
    assert len(workers) == 2, workers
