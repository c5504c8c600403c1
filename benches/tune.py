"""ROUGE-2 recall of polysum configurations side by side, for tuning.

Each argument is one configuration, as the JSON of polysum.summarize's keyword
options ('{}' is the default). Every configuration summarises every cluster of the
chosen datasets with the harness of benches/quality.py (same budget, cut, scorer
and lead baseline) and prints one row: the mean ROUGE-2 recall (x100) per dataset,
MultiLing per language. Lead comes first. Runs on all cores, one configuration per
process.

    .venv-bench/bin/python benches/tune.py '{}' '{"position_weight": 0.5}' '{"method": "lexrank"}'
    .venv-bench/bin/python benches/tune.py --datasets duc2003_task2 multiling2011 -- '{}'
    .venv-bench/bin/python benches/tune.py --focused '{}' '{"query_weight": 0.6}'

With --focused, each configuration gets the clusters' queries (and the update
task's seen documents), on the query-focused sets unless --datasets says otherwise.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys

import quality

DEFAULT_DATASETS = [
    "duc2003_task2",
    "multinews_test_sample250",
    "duc2007_update_setA",
    "duc2006",
    "duc2007_main",
    "multiling2011",
]
FOCUSED_DATASETS = ["duc2006", "duc2007_main", "duc2007_update"]
SHORT = {
    "duc2003_task2": "duc03",
    "multinews_test_sample250": "mnews",
    "duc2007_update_setA": "d07upd",
    "duc2006": "duc06",
    "duc2007_main": "d07main",
    "duc2007_update": "d07up",
}

# Set in the parent before the pool forks: the workers read them, nothing is pickled.
DATA: dict[str, list[dict]] = {}
SYSTEMS: list[tuple[str, quality.System]] = []


def columns(name: str, clusters: list[dict]) -> list[str]:
    """One column per dataset; MultiLing one per language, in file order."""
    groups = [c.get("lang") or c.get("set") for c in clusters]
    if groups[0] is None:
        return [SHORT.get(name, name)]
    # MultiLing by language; the update task by set, after the whole.
    prefix = "" if clusters[0].get("lang") else "set "
    return ([SHORT.get(name, name)] if prefix else []) + [prefix + g for g in dict.fromkeys(groups)]


def evaluate(index: int) -> dict[str, float]:
    """The mean ROUGE-2 recall of one system per column, by quality.py's evaluate."""
    label, system = SYSTEMS[index]
    # quality.py times and stops only peers; polysum and lead run every cluster.
    name_there = label if label == "lead" else f"polysum {label}"
    rouge = quality.scorer()
    row: dict[str, float] = {}
    for name, clusters in DATA.items():
        results = quality.evaluate(name, clusters, {name_there: system}, rouge, peer_budget=0.0)
        for group, scores in results.get(name_there, {"scores": {}})["scores"].items():
            if group == "all":
                row[SHORT.get(name, name)] = scores["rouge2_r"]
            else:
                row[group if clusters[0].get("lang") else f"set {group}"] = scores["rouge2_r"]
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description="ROUGE-2 of polysum configurations on ../shared/eval")
    parser.add_argument("configs", nargs="+", help="JSON of keyword options, e.g. '{\"redundancy\": 0.6}'")
    parser.add_argument("--datasets", nargs="*")
    parser.add_argument("--focused", action="store_true", help="pass each cluster's query and seen documents")
    parser.add_argument("--jobs", type=int, default=multiprocessing.cpu_count())
    args = parser.parse_args()
    if not quality.EVAL.is_dir():
        print(f"skipping: {quality.EVAL} is absent", file=sys.stderr)
        return
    SYSTEMS.append(("lead", quality.lead))
    for config in args.configs:
        try:
            options = json.loads(config)
        except json.JSONDecodeError as error:
            sys.exit(f"not JSON: {config!r} ({error})")
        SYSTEMS.append((config, quality.polysum_system(focused=args.focused, **options)))
    datasets = args.datasets or (FOCUSED_DATASETS if args.focused else DEFAULT_DATASETS)
    DATA.update({name: quality.load(name, None) for name in datasets})
    header = [column for name, clusters in DATA.items() for column in columns(name, clusters)]
    width = max(len(label) for label, _ in SYSTEMS)
    with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
        rows = pool.map(evaluate, range(len(SYSTEMS)))
    print(f"{'configuration':{width}}" + "".join(f"{c:>9}" for c in header))
    for (label, _), row in zip(SYSTEMS, rows):
        print(f"{label:{width}}" + "".join(f"{row[c]:9.2f}" if c in row else f"{'-':>9}" for c in header))


if __name__ == "__main__":
    main()
