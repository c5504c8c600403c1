"""Summarise grouped rows of a DataFrame with polysum.summarize_frame (pandas, and polars when installed).

Every article is one row; the rows are grouped by `story`. Here the three articles of examples/cluster make one
story, and each article on its own makes another, so the frame has 6 rows and 4 groups.

    python examples/frame_summarize.py [--library pandas|polars] [--max-words 50]
"""

from __future__ import annotations

import argparse
import pathlib

import polysum

CLUSTER = pathlib.Path(__file__).parent / "cluster"


def rows() -> list[dict]:
    articles = sorted(CLUSTER.glob("*.txt"))
    out = [{"story": "eastgate-bridge", "source": p.stem, "body": p.read_text(encoding="utf-8")} for p in articles]
    out += [{"story": f"single:{p.stem}", "source": p.stem, "body": p.read_text(encoding="utf-8")} for p in articles]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", choices=["pandas", "polars"], default="pandas")
    parser.add_argument("--max-words", type=int, default=50)
    args = parser.parse_args()
    if args.library == "pandas":
        import pandas as pd

        df = pd.DataFrame(rows())
    else:
        import polars as pl

        df = pl.DataFrame(rows())
    out = polysum.summarize_frame(df, by="story", text="body", id="source", max_words=args.max_words)
    print(f"{len(df)} rows -> {len(out)} groups; columns {list(out.columns)}")
    records = out.to_dict("records") if args.library == "pandas" else out.to_dicts()
    for r in records:
        print(f"\n== {r['story']}")
        for s in r["sentences"]:
            print(f"  [{s['score']:.3f}] ({s['doc_id']}, row {s['row']}, {s['start']}:{s['end']}) {s['text']}")


if __name__ == "__main__":
    main()
