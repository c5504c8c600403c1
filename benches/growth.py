"""Growth benchmark: every input shape at sizes ten times apart, and how time grows.

A batch worker must never stall on one odd document. This script builds a
catalogue of hostile shapes (dotted runs, dense quotations, marks, lists, scripts,
floods, giant words, tiny paragraphs, many documents, repeated documents) at
several sizes and times `polysum.sentences`, `polysum.normalize`,
`Summarizer(method=m).summarize` for every method, `summarize` with a query and
`Summarizer().rank` on each.
For each shape and operation it prints the growth factor: the time at 10n over
the time at n. Linear work grows about 10x; quadratic work 100x.

    python benches/growth.py                      # 100 KB, 1 MB, 10 MB; writes docs/growth.md
    python benches/growth.py --sizes 100000 1000000   # two sizes only
    python benches/growth.py --quick              # 20 KB and 200 KB; exits 1 if any shape grows > 20x
    python benches/growth.py --sizes 100000 1000000 --shapes "tiny paragraphs" --runs 3   # one shape, best of 3

A single run per cell charges the first operation that needs a lot of fresh
memory with the kernel's clearing of it (on a shared VM, from 0.02 to 0.5 s for the
150 MB of a megabyte of one-word sentences): `rank` runs before the summarise
operations, so a one-run table can show it growing far faster than its work.

The check is on growth, not on absolute time, so it holds on a noisy machine:
each time is the best of three runs, a shape over the limit is measured once
more in a fresh process and fails only if it is over again, and a time at 10n
under 50 ms passes whatever its ratio (it is too short to tell a quadratic from
noise, and too short to stall anyone).
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import time
from pathlib import Path

import polysum

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 20.0
FLOOR = 0.05
NEWS = (
    "The harbour board approved the dredging plan on Monday after a long debate. "
    'Its chair, Ms. Okafor, said the work would start in spring and cost $3.5 million. "We waited long enough," '
    "she told reporters at the U.S.-built terminal. Critics (including two councillors) said the budget was too "
    "small.\n\n"
)


def repeat(unit: str, size: int) -> str:
    """`unit` repeated to about `size` bytes of UTF-8."""
    return unit * max(1, size // len(unit.encode()))


def counting_list(size: int) -> str:
    parts, n, total = [], 1, 0
    while total < size:
        part = f"{n}. item {n} "
        parts.append(part)
        total += len(part)
        n += 1
    return "".join(parts)


# Each shape: name -> (function of a byte size giving a list of documents).
SHAPES = {
    "news text": lambda n: [repeat(NEWS, n)],
    "dotted letters a.": lambda n: [repeat("a.", n)],
    "dotted a.b.c.d.": lambda n: [repeat("a.b.c.d. ", n)],
    "dotted numbers 1.2.3.": lambda n: [repeat("1.2.3.", n)],
    "U.S.U.S.": lambda n: [repeat("U.S.", n)],
    "Mr. Mr. Mr.": lambda n: [repeat("Mr. ", n)],
    "word. word.": lambda n: [repeat("word. ", n)],
    "lower-case news": lambda n: [repeat(NEWS.lower().replace("\n\n", " "), n)],
    'dense quotes "Hi."': lambda n: [repeat('"Hi." ', n)],
    "bracketed (a.)": lambda n: [repeat("(a.) ", n)],
    "spaced ellipsis . . .": lambda n: [repeat(". ", n)],
    "x.com/": lambda n: [repeat("x.com/", n)],
    "quote run": lambda n: [repeat('"', n)],
    "curly quote run": lambda n: [repeat("“", n)],
    "open brackets": lambda n: [repeat("(", n)],
    "close brackets": lambda n: [repeat(")", n)],
    "dashes": lambda n: [repeat("— ", n)],
    "bullets": lambda n: [repeat("• x ", n)],
    "ellipses": lambda n: [repeat("... ", n)],
    "unicode ellipses": lambda n: [repeat("…", n)],
    "counting list 1. 2. 3.": lambda n: [counting_list(n)],
    "mixed scripts": lambda n: [repeat("aЖ中اक ", n)],
    "combining marks": lambda n: ["a" + repeat("\u0301", n)],
    "RTL controls": lambda n: [repeat("\u202eab\u202c. ", n)],
    "one giant word": lambda n: ["x" * n],
    "one enormous line": lambda n: [repeat("words and more words, ", n)],
    "tiny paragraphs": lambda n: [repeat("a\n\n", n)],
    "blank lines": lambda n: [repeat("\n", n)],
    "many one-word documents": lambda n: ["word"] * max(1, n // 5),
    "one document repeated": lambda n: [NEWS * 2] * max(1, n // (2 * len(NEWS))),
    "ampersands": lambda n: [repeat("&", n)],
    "less-than signs": lambda n: [repeat("x < y and ", n)],
    "br tags": lambda n: [repeat("<br>", n)],
    "dot leaders": lambda n: [repeat("...... x ", n)],
}
GIANT_WORD_LANGUAGES = ["english", "german", "dutch", "french", "spanish", "portuguese", "greek"]


def operations(shape: str):
    """(name, function of the documents) for a shape."""
    ops = [
        ("segment", lambda docs: [polysum.sentences(d) for d in docs]),
        ("normalize", lambda docs: [polysum.normalize(d) for d in docs]),
        ("rank", lambda docs: polysum.Summarizer().rank(docs)),
    ]
    # "auto" is centroid without a query: measured once, below, about one.
    for method in (m for m in polysum.METHODS if m != "auto"):
        ops.append((f"summarize {method}", lambda docs, m=method: polysum.Summarizer(method=m).summarize(docs)))
    # A query made of the cluster's first words, so that it matches: auto then runs
    # concepts with the query's words weighted up.
    ops.append(("summarize query", lambda docs: polysum.summarize(docs, query=" ".join(docs[0].split()[:4]))))
    ops.append(("summarize ratio=1.0", lambda docs: polysum.Summarizer(ratio=1.0).summarize(docs)))
    if shape == "one giant word":
        for language in GIANT_WORD_LANGUAGES:
            ops.append((f"summarize {language}", lambda docs, lang=language: polysum.summarize(docs, language=lang)))
    return ops


def best_of(function, docs, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        function(docs)
        best = min(best, time.perf_counter() - start)
    return best


def measure_shape(args: tuple[str, list[int], int]) -> list[tuple[str, str, list[float]]]:
    shape, sizes, runs = args
    rows = []
    inputs = [SHAPES[shape](size) for size in sizes]
    for name, function in operations(shape):
        rows.append((shape, name, [best_of(function, docs, runs) for docs in inputs]))
    return rows


def report(rows: list[tuple[str, str, list[float]]], table: list[tuple[str, str, list[float]]]) -> list[str]:
    """Prints each row with its growth, adds it to the table, returns the rows over the limit."""
    bad_rows = []
    for shape_name, op, times in rows:
        growth = [b / max(a, 1e-6) for a, b in zip(times, times[1:])]
        table.append((shape_name, op, times))
        if any(g > LIMIT and t > FLOOR for g, t in zip(growth, times[1:])):
            bad_rows.append(f"{shape_name} / {op}: {' '.join(f'{g:.1f}x' for g in growth)}")
        cells = "  ".join(f"{t * 1000:9.1f} ms" for t in times)
        print(f"{shape_name:28} {op:26} {cells}  growth {' '.join(f'{g:.1f}x' for g in growth)}", flush=True)
    return bad_rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="20 KB and 200 KB, fail on growth over 20x")
    parser.add_argument("--timeout", type=float, default=600, help="seconds per shape before it counts as a hang")
    parser.add_argument("--out", type=Path, help="the table's file (docs/growth.md when every shape runs)")
    parser.add_argument("--sizes", type=int, nargs="+", help="sizes in bytes, each ten times the one before")
    parser.add_argument("--shapes", nargs="+", choices=list(SHAPES), metavar="SHAPE", help="only these shapes")
    parser.add_argument("--runs", type=int, help="best of this many runs per cell (3 with --quick, else 1)")
    args = parser.parse_args()
    sizes = args.sizes or ([20_000, 200_000] if args.quick else [100_000, 1_000_000, 10_000_000])
    runs = args.runs or (3 if args.quick else 1)
    shapes = args.shapes or list(SHAPES)
    out = args.out or (None if args.shapes else ROOT / "docs" / "growth.md")
    failures: list[str] = []
    table: list[tuple[str, str, list[float]]] = []
    with multiprocessing.Pool(1, maxtasksperchild=1) as pool:
        for shape in shapes:
            pending = pool.apply_async(measure_shape, ((shape, sizes, runs),))
            try:
                rows = pending.get(timeout=args.timeout)
            except multiprocessing.TimeoutError:
                failures.append(f"{shape}: no result within {args.timeout:.0f} s")
                print(f"{shape}: TIMEOUT", flush=True)
                pool.terminate()
                pool = multiprocessing.Pool(1, maxtasksperchild=1)
                continue
            bad = report(rows, table)
            if bad:
                # A page-clearing stall or a busy neighbour can blow up one cell on a
                # shared machine; a complexity fault grows every time. Measure the
                # shape again in a fresh process and count only what fails twice.
                print(f"{shape}: over {LIMIT:.0f}x, measuring again", flush=True)
                table[:] = [row for row in table if row[0] != shape]
                bad = report(pool.apply_async(measure_shape, ((shape, sizes, runs),)).get(timeout=args.timeout), table)
            failures.extend(bad)
    if not args.quick and out is not None:
        write_table(out, sizes, table)
    if failures:
        print(f"\n{len(failures)} shape(s) grew more than {LIMIT:.0f}x for 10x the input:", file=sys.stderr)
        for failure in failures:
            print(f"  {failure}", file=sys.stderr)
        return 1
    print(f"\nevery shape grew at most {LIMIT:.0f}x for 10x the input (or stayed under {FLOOR * 1000:.0f} ms)")
    return 0


def write_table(out: Path, sizes: list[int], table: list[tuple[str, str, list[float]]]) -> None:
    def size_name(size: int) -> str:
        return f"{size // 1_000_000} MB" if size >= 1_000_000 else f"{size // 1000} KB"

    header = " | ".join(size_name(s) for s in sizes)
    growth_header = " | ".join(f"{size_name(b)}/{size_name(a)}" for a, b in zip(sizes, sizes[1:]))
    lines = [
        "# Growth: every input shape at sizes ten times apart",
        "",
        f"`python benches/growth.py --sizes {' '.join(str(s) for s in sizes)}` (one run per cell, seconds; "
        "growth is the time at 10n over the time at n:",
        "linear work grows about 10x, quadratic 100x). `.ci/run` runs `--quick` (20 KB and 200 KB, best of three)",
        f"and fails when a shape grows more than {LIMIT:.0f}x with over {FLOOR * 1000:.0f} ms at the larger size.",
        "",
        f"| shape | operation | {header} | {growth_header} |",
        "|---|---|" + "---|" * (len(sizes) + len(sizes) - 1),
    ]
    for shape, op, times in table:
        growth = [b / max(a, 1e-6) for a, b in zip(times, times[1:])]
        cells = " | ".join(f"{t:.3f}" for t in times)
        lines.append(f"| {shape} | {op} | {cells} | {' | '.join(f'{g:.1f}x' for g in growth)} |")
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    sys.exit(main())
