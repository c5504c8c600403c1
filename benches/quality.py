"""Summary quality on ../shared/eval, polysum beside the peer libraries.

Every system summarises every cluster; every summary is cut to the dataset's
word limit the same way (the first N whitespace tokens) and scored with
rouge-score (Porter stemming; ROUGE-1/2/L recall and F1, mean over references,
then over clusters). Non-English MultiLing clusters are tokenised by Unicode
words, unstemmed (rouge-score's own tokenizer keeps only [a-z0-9]). Writes a markdown
table and a plot of ROUGE-2 against time per cluster.

    bash benches/setup-bench.sh            # once: a venv with polysum and the peers
    .venv-bench/bin/python benches/quality.py [--datasets duc2003_task2 ...] [--limit N]

Peers that are not installed are skipped with a message.
"""

from __future__ import annotations

import argparse
import json
import math
import pathlib
import signal
import statistics
import sys
import time
from typing import Callable

import polysum

ROOT = pathlib.Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"

# Word limits as published work uses them (see ../shared/eval/README.md).
WORD_LIMITS = {
    "duc2003_task2": 100,
    "duc2007_update_setA": 100,
    "duc2006": 250,
    "duc2007_main": 250,
    "multiling2011": 250,
    "multinews_test_sample250": 250,
}
LANGUAGES = {
    "ar": "arabic",
    "cs": "czech",
    "el": "greek",
    "en": "english",
    "fr": "french",
    "he": "hebrew",
    "hi": "hindi",
}

Cluster = dict
System = Callable[[Cluster, int], str]


def cut(text: str, words: int) -> str:
    return " ".join(text.split()[:words])


def language_of(cluster: Cluster) -> str:
    return LANGUAGES.get(cluster.get("lang", "en"), "english")


# --- polysum ---------------------------------------------------------------


def polysum_system(**options) -> System:
    def run(cluster: Cluster, limit: int) -> str:
        language = language_of(cluster)
        if language not in polysum.LANGUAGES:
            raise Unsupported(language)
        docs = {d["id"]: d["text"] for d in cluster["docs"]}
        # The word limit is polysum's budget, as a user would ask for it: whole
        # sentences up to the limit. The same cut as for every system follows (a
        # no-op here); peers, which count sentences, are asked for enough to pass it.
        summary = polysum.summarize(docs, max_words=limit, language=language, **options)
        return summary.text

    return run


class Unsupported(Exception):
    """The system cannot handle this cluster's language."""


class OutOfTime(Exception):
    """A peer used up its time budget in the middle of a cluster."""


def call_with_deadline(system: System, cluster: Cluster, limit: int, seconds: float | None) -> str:
    """Runs one system on one cluster, interrupted after `seconds` (peers only)."""
    if seconds is None or not hasattr(signal, "setitimer"):
        return system(cluster, limit)

    def expire(signum, frame):
        raise OutOfTime()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001))
    try:
        return system(cluster, limit)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# --- lead baseline ---------------------------------------------------------


def lead(cluster: Cluster, limit: int) -> str:
    """The first sentences of the documents in turn: doc 1's first, doc 2's first, ..."""
    language = language_of(cluster)
    split_language = language if language in polysum.LANGUAGES else "english"
    per_doc = [
        [s.text for s in polysum.sentences(d["text"], language=split_language) if s.terminated] for d in cluster["docs"]
    ]
    chosen: list[str] = []
    words = 0
    for rank in range(max((len(s) for s in per_doc), default=0)):
        for sentences in per_doc:
            if rank < len(sentences) and words < limit:
                chosen.append(sentences[rank])
                words += len(sentences[rank].split())
    return " ".join(chosen)


# --- peers -----------------------------------------------------------------


def sentences_for(cluster: Cluster, limit: int, sentences: list[str]) -> int:
    """How many top sentences to ask a peer for: enough to pass the limit."""
    mean = statistics.mean(len(s.split()) for s in sentences) if sentences else 20
    return max(1, math.ceil(limit / max(mean, 1)) + 1)


def sumy_systems() -> dict[str, System]:
    try:
        from sumy.nlp.stemmers import Stemmer
        from sumy.nlp.tokenizers import Tokenizer
        from sumy.parsers.plaintext import PlaintextParser
        from sumy.summarizers.kl import KLSummarizer
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.lsa import LsaSummarizer
        from sumy.summarizers.luhn import LuhnSummarizer
        from sumy.summarizers.sum_basic import SumBasicSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer
        from sumy.utils import get_stop_words
    except ImportError as error:
        print(f"skipping sumy: {error}", file=sys.stderr)
        return {}
    tokenizer = Tokenizer("english")
    classes = {
        "sumy-lexrank": LexRankSummarizer,
        "sumy-textrank": TextRankSummarizer,
        "sumy-lsa": LsaSummarizer,
        "sumy-luhn": LuhnSummarizer,
        "sumy-sumbasic": SumBasicSummarizer,
        "sumy-kl": KLSummarizer,
    }

    def make(cls) -> System:
        summarizer = cls(Stemmer("english"))
        summarizer.stop_words = get_stop_words("english")

        def run(cluster: Cluster, limit: int) -> str:
            if language_of(cluster) != "english":
                raise Unsupported(language_of(cluster))
            text = "\n\n".join(d["text"] for d in cluster["docs"])
            document = PlaintextParser.from_string(text, tokenizer).document
            count = sentences_for(cluster, limit, [str(s) for s in document.sentences])
            return " ".join(str(s) for s in summarizer(document, count))

        return run

    return {name: make(cls) for name, cls in classes.items()}


def lexrank_system() -> dict[str, System]:
    try:
        import nltk
        from lexrank import STOPWORDS, LexRank
    except ImportError as error:
        print(f"skipping lexrank: {error}", file=sys.stderr)
        return {}

    def run(cluster: Cluster, limit: int) -> str:
        if language_of(cluster) != "english":
            raise Unsupported(language_of(cluster))
        per_doc = [nltk.sent_tokenize(d["text"]) for d in cluster["docs"]]
        sentences = [s for doc in per_doc for s in doc]
        if not sentences:
            return ""
        ranker = LexRank(per_doc, stopwords=STOPWORDS["en"])
        count = min(len(sentences), sentences_for(cluster, limit, sentences))
        return " ".join(ranker.get_summary(sentences, summary_size=count, threshold=0.1))

    return {"lexrank": run}


def summa_system() -> dict[str, System]:
    try:
        from summa import summarizer
    except ImportError as error:
        print(f"skipping summa: {error}", file=sys.stderr)
        return {}

    def run(cluster: Cluster, limit: int) -> str:
        if language_of(cluster) != "english":
            raise Unsupported(language_of(cluster))
        text = "\n\n".join(d["text"] for d in cluster["docs"])
        return summarizer.summarize(text, words=limit + 20, language="english")

    return {"summa": run}


# --- scoring and reporting ---------------------------------------------------


class UnicodeTokenizer:
    """Lower-cased Unicode word tokens. rouge-score's default tokenizer keeps only
    [a-z0-9], which would score Arabic, Greek, Hebrew and Hindi on their digits
    alone and cut accented words apart; it is kept for English, as published."""

    def tokenize(self, text: str) -> list[str]:
        import re

        return re.findall(r"\w+", text.lower())


class Scorers:
    def __init__(self) -> None:
        try:
            from rouge_score import rouge_scorer
        except ImportError:
            sys.exit("rouge-score is required: pip install rouge-score (benches/setup-bench.sh installs it)")
        metrics = ["rouge1", "rouge2", "rougeL"]
        self.english = rouge_scorer.RougeScorer(metrics, use_stemmer=True)
        self.other = rouge_scorer.RougeScorer(metrics, tokenizer=UnicodeTokenizer())

    def for_cluster(self, cluster: Cluster):
        return self.english if cluster.get("lang", "en") == "en" else self.other


def scorer() -> Scorers:
    return Scorers()


def score(rouge, summary: str, refs: list[str]) -> dict[str, float]:
    totals: dict[str, float] = {}
    for ref in refs:
        for metric, value in rouge.score(ref, summary).items():
            totals[f"{metric}_r"] = totals.get(f"{metric}_r", 0.0) + value.recall
            totals[f"{metric}_f"] = totals.get(f"{metric}_f", 0.0) + value.fmeasure
    return {k: 100 * v / len(refs) for k, v in totals.items()}


def load(name: str, limit: int | None) -> list[Cluster]:
    with open(EVAL / f"{name}.jsonl", encoding="utf-8") as f:
        clusters = [json.loads(line) for line in f]
    return clusters[:limit] if limit else clusters


def evaluate(name: str, clusters: list[Cluster], systems: dict[str, System], rouge, peer_budget: float) -> dict:
    limit = WORD_LIMITS[name]
    results: dict[str, dict] = {}
    for system_name, system in systems.items():
        per_group: dict[str, list[dict[str, float]]] = {}
        per_cluster_r2: list[float | None] = []
        seconds = 0.0
        done = 0
        ours = system_name.startswith("polysum") or system_name == "lead"
        for cluster in clusters:
            if not ours and seconds > peer_budget:
                break  # a slow peer stops after its time budget; the table says so
            start = time.perf_counter()
            try:
                summary = call_with_deadline(system, cluster, limit, None if ours else peer_budget - seconds)
            except Unsupported:
                per_cluster_r2.append(None)
                continue
            except OutOfTime:
                print(f"{name:28} {system_name:20} stopped: out of its {peer_budget:.0f} s budget", file=sys.stderr)
                break
            seconds += time.perf_counter() - start
            done += 1
            group = cluster.get("lang", "all")
            scores = score(rouge.for_cluster(cluster), cut(summary, limit), cluster["refs"])
            per_group.setdefault(group, []).append(scores)
            per_cluster_r2.append(scores["rouge2_r"])
        if not done:
            continue
        rows = {g: {k: statistics.mean(s[k] for s in scores) for k in scores[0]} for g, scores in per_group.items()}
        every = [s for scores in per_group.values() for s in scores]
        rows["all"] = {k: statistics.mean(s[k] for s in every) for k in every[0]}
        results[system_name] = {
            "scores": rows,
            "clusters": done,
            "attempted": len(per_cluster_r2),
            "of": len(clusters),
            "per_cluster_r2": per_cluster_r2,
            "ms_per_cluster": 1000 * seconds / done,
        }
        print(
            f"{name:28} {system_name:20} R1 {rows['all']['rouge1_r']:6.2f}  R2 {rows['all']['rouge2_r']:6.2f}  "
            f"{results[system_name]['ms_per_cluster']:9.1f} ms/cluster",
            file=sys.stderr,
            flush=True,
        )
    return results


def markdown(all_results: dict[str, dict], command: str) -> str:
    lines = [
        "# Summary quality",
        "",
        "ROUGE (rouge-score, Porter stemming, mean over references then clusters; x100) of every system",
        "on ../shared/eval. polysum is asked for the dataset's word limit, peers for enough sentences to",
        "pass it, and every summary is cut to the limit the same way. Time is wall-clock per cluster,",
        "single-threaded, measured in the same run on this 2-core machine: compare ratios, not absolutes.",
        "Peers stop after their time budget per dataset (rows marked *, with polysum's default on the same",
        'clusters). MultiLing: peers handle English only, so its "all" row is not comparable across them;',
        "use the per-language table.",
        "",
        f"Regenerate: `{command}`",
        "",
    ]
    for name, results in all_results.items():
        lines += [f"## {name} ({WORD_LIMITS[name]} words)", ""]
        lines += [
            "| system | R1 recall | R2 recall | RL recall | R1 F1 | R2 F1 | RL F1 | ms/cluster |",
            "|---|---|---|---|---|---|---|---|",
        ]
        ordered = sorted(results.items(), key=lambda item: -item[1]["scores"]["all"]["rouge2_r"])
        default = next((r for system, r in results.items() if system.endswith("(default)")), None)
        partial_notes = []
        for system, result in ordered:
            s = result["scores"]["all"]
            partial = result["attempted"] < result["of"]
            label = f"{system} *" if partial else system
            lines.append(
                f"| {label} | {s['rouge1_r']:.2f} | {s['rouge2_r']:.2f} | {s['rougeL_r']:.2f} | "
                f"{s['rouge1_f']:.2f} | {s['rouge2_f']:.2f} | {s['rougeL_f']:.2f} | {result['ms_per_cluster']:.1f} |"
            )
            if partial and default:
                same = [
                    d
                    for d, p in zip(default["per_cluster_r2"], result["per_cluster_r2"])
                    if d is not None and p is not None
                ]
                if same:
                    partial_notes.append(
                        f"\\* {system} ran out of its time budget after "
                        f"{result['attempted']} of {result['of']} clusters; "
                        f"on those same clusters polysum's default has ROUGE-2 recall {statistics.mean(same):.2f}."
                    )
        if partial_notes:
            lines += [""] + [note + "  " for note in partial_notes]
        groups = sorted({g for r in results.values() for g in r["scores"] if g not in ("all",)})
        if len(groups) > 1:
            lines += ["", "ROUGE-2 recall by language:", ""]
            lines += ["| system | " + " | ".join(groups) + " |", "|---|" + "---|" * len(groups)]
            for system, result in ordered:
                cells = [f"{result['scores'][g]['rouge2_r']:.2f}" if g in result["scores"] else "–" for g in groups]
                lines.append(f"| {system} | " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


def plot(all_results: dict[str, dict], path: pathlib.Path) -> None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("skipping the plot: matplotlib is not installed", file=sys.stderr)
        return
    names = list(all_results)
    columns = min(3, len(names))
    rows = math.ceil(len(names) / columns)
    figure, axes = plt.subplots(rows, columns, figsize=(5.5 * columns, 4.2 * rows), squeeze=False)
    for axis, name in zip(axes.flat, names):
        for system, result in all_results[name].items():
            ours = system.startswith("polysum")
            axis.scatter(
                result["ms_per_cluster"],
                result["scores"]["all"]["rouge2_r"],
                marker="o" if ours else "s",
                color="tab:red" if ours else ("tab:gray" if system == "lead" else "tab:blue"),
            )
            axis.annotate(
                system,
                (result["ms_per_cluster"], result["scores"]["all"]["rouge2_r"]),
                fontsize=7,
                xytext=(3, 2),
                textcoords="offset points",
            )
        axis.set_xscale("log")
        axis.set_title(f"{name} ({WORD_LIMITS[name]} words)", fontsize=9)
        axis.set_xlabel("ms per cluster (log)")
        axis.set_ylabel("ROUGE-2 recall")
        axis.grid(alpha=0.3)
    for axis in list(axes.flat)[len(names) :]:
        axis.set_visible(False)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    print(f"wrote {path}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description="ROUGE of polysum and its peers on ../shared/eval")
    parser.add_argument("--datasets", nargs="*", default=list(WORD_LIMITS))
    parser.add_argument("--limit", type=int, help="only the first N clusters of each dataset")
    parser.add_argument("--no-peers", action="store_true", help="polysum and lead only")
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "docs" / "quality.md")
    parser.add_argument("--plot", type=pathlib.Path, default=ROOT / "docs" / "quality.png")
    parser.add_argument("--json", type=pathlib.Path, help="also write the raw results here")
    parser.add_argument(
        "--peer-budget",
        type=float,
        default=120.0,
        help="seconds a peer may spend on one dataset before it stops (default 120)",
    )
    args = parser.parse_args()
    if not EVAL.is_dir():
        print(f"skipping: {EVAL} is absent", file=sys.stderr)
        return
    default = polysum.Summarizer().options["method"]
    systems: dict[str, System] = {
        f"polysum-{m}" + (" (default)" if m == default else ""): polysum_system(method=m) for m in polysum.METHODS
    }
    systems["lead"] = lead
    if not args.no_peers:
        systems.update(sumy_systems())
        systems.update(lexrank_system())
        systems.update(summa_system())
    rouge = scorer()
    all_results = {
        name: evaluate(name, load(name, args.limit), systems, rouge, args.peer_budget) for name in args.datasets
    }
    command = ".venv-bench/bin/python benches/quality.py " + " ".join(
        a for a in sys.argv[1:] if not a.startswith("/tmp")
    )
    args.out.write_text(markdown(all_results, command.strip()), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    plot(all_results, args.plot)
    if args.json:
        args.json.write_text(json.dumps(all_results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
