"""Sentence segmentation: accuracy on gold splits, and speed, beside pySBD and NLTK.

    .venv-bench/bin/python benches/segmentation.py [--accuracy] [--speed] [--megabytes 5]

Accuracy: ../shared/eval/sbd_multilang.jsonl (gold splits in 23 languages). A row
counts as right when the list of sentences equals the gold list exactly, with
runs of whitespace folded (rows marked "clean" assume text cleaned of line breaks
and stray spaces, so both sides are compared folded). Each row is split with its
ISO code as the language: polysum has rules for most; the others (Persian, Urdu,
Marathi, Amharic, Burmese) get its language-neutral rules.

Speed: at least --megabytes MB of ../shared/eval documents, split one document at
a time by polysum.sentences, pySBD and NLTK punkt in one run; MB/s, best of 3 for
the fast splitters.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import re
import sys
import time
from collections import defaultdict

import polysum

ROOT = pathlib.Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"


def fold(sentences):
    return [re.sub(r"\s+", " ", s).strip() for s in sentences if s.strip()]


def accuracy() -> str:
    path = EVAL / "sbd_multilang.jsonl"
    if not path.exists():
        return f"skipped: {path} is absent\n"
    try:
        import pysbd
    except ImportError:
        pysbd = None
        print("pySBD is not installed: its column is left out", file=sys.stderr)
    totals = defaultdict(lambda: [0, 0, 0, 0])  # rows, polysum raw, polysum with normalize, pysbd
    for line in path.open(encoding="utf-8"):
        row = json.loads(line)
        lang = row["lang"]
        gold = fold(row["sentences"])
        raw = fold(s.text for s in polysum.sentences(row["text"], language=lang))
        text = polysum.normalize(row["text"]) if row["clean"] else row["text"]
        cleaned = fold(s.text for s in polysum.sentences(text, language=lang))
        totals[lang][0] += 1
        totals[lang][1] += raw == gold
        totals[lang][2] += cleaned == gold
        if pysbd is not None:
            try:
                theirs = fold(pysbd.Segmenter(language=lang, clean=row["clean"]).segment(row["text"]))
            except Exception:  # pySBD has no rules for this language
                theirs = None
            totals[lang][3] += theirs == gold
    lines = [
        'Rows marked "clean" assume the text was cleaned first: the third column gives',
        "them `polysum.normalize(text)` (pySBD is run with `clean=True` on the same rows);",
        "the second splits every row as it is.",
        "",
        "| language | rows | polysum | polysum, normalize on clean rows | pySBD |",
        "|---|---|---|---|---|",
    ]
    all_rows = sum(t[0] for t in totals.values())
    percent = lambda n, d: f"{100 * n / d:.1f}%"  # noqa: E731
    for lang, (rows, raw, cleaned, theirs) in sorted(totals.items()):
        lines.append(
            f"| {lang} | {rows} | {percent(raw, rows)} | {percent(cleaned, rows)} "
            f"| {percent(theirs, rows) if pysbd else '–'} |"
        )
    sums = [sum(t[k] for t in totals.values()) for k in (1, 2, 3)]
    lines.append(
        f"| **all** | {all_rows} | **{percent(sums[0], all_rows)}** | **{percent(sums[1], all_rows)}** | "
        f"{percent(sums[2], all_rows) if pysbd else '–'} |"
    )
    return "\n".join(lines) + "\n"


def speed(megabytes: float) -> str:
    texts = []
    for name in ("duc2006", "duc2007_main", "duc2003_task2", "multinews_test_sample250"):
        if (EVAL / f"{name}.jsonl").exists():
            for line in (EVAL / f"{name}.jsonl").open(encoding="utf-8"):
                texts += [d["text"] for d in json.loads(line)["docs"]]
    if not texts:
        return "skipped: ../shared/eval is absent\n"
    documents = list(texts)
    while sum(len(t.encode()) for t in documents) < megabytes * 2**20:
        documents += texts
    size = sum(len(t.encode()) for t in documents) / 2**20
    rows = []

    def measure(name, split, repeats):
        best = min(timed(split) for _ in range(repeats))
        rows.append((name, best))

    def timed(split):
        # Document by document, as a batch job calls a splitter (NLTK's punkt also
        # refuses multi-megabyte strings: its regular expressions time out).
        start = time.perf_counter()
        for text in documents:
            split(text)
        return time.perf_counter() - start

    measure("polysum.sentences", lambda t: polysum.sentences(t), 3)
    try:
        import nltk

        nltk.sent_tokenize("Warm up. Now.")
        measure("NLTK punkt", nltk.sent_tokenize, 3)
    except (ImportError, LookupError) as error:
        print(f"skipping NLTK punkt: {error}", file=sys.stderr)
    try:
        import pysbd

        segmenter = pysbd.Segmenter(language="en", clean=False)
        measure("pySBD", segmenter.segment, 1)
    except ImportError:
        print("skipping pySBD: not installed", file=sys.stderr)
    ours = rows[0][1]
    lines = [
        f"Text: {size:.1f} MB of ../shared/eval documents ({len(documents):,} documents), split one by one.",
        "",
        "| splitter | seconds | MB/s | polysum is faster by |",
        "|---|---|---|---|",
    ]
    for name, seconds in rows:
        lines.append(f"| {name} | {seconds:.2f} | {size / seconds:.1f} | {seconds / ours:.1f}x |")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description="segmentation accuracy and speed")
    parser.add_argument("--accuracy", action="store_true")
    parser.add_argument("--speed", action="store_true")
    parser.add_argument("--megabytes", type=float, default=5.0)
    parser.add_argument("--out", type=pathlib.Path, default=ROOT / "docs" / "segmentation.md")
    args = parser.parse_args()
    both = not (args.accuracy or args.speed)
    report = [
        "# Sentence segmentation",
        "",
        f"Regenerate: `python benches/segmentation.py {' '.join(sys.argv[1:])}`".strip(),
        "",
    ]
    if args.accuracy or both:
        report += ["## Exact-match accuracy on ../shared/eval/sbd_multilang.jsonl", "", accuracy()]
    if args.speed or both:
        report += ["## Speed", "", speed(args.megabytes)]
    args.out.write_text("\n".join(report), encoding="utf-8")
    print("\n".join(report))


if __name__ == "__main__":
    main()
