"""Summarise the text files of a folder as one cluster and print the summary.

python examples/summarize.py examples/cluster [--max-words 60]
"""

import argparse
import pathlib

import polysum


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=pathlib.Path)
    parser.add_argument("--max-words", type=int, default=60)
    args = parser.parse_args()
    docs = {path.name: path.read_text(encoding="utf-8") for path in sorted(args.folder.glob("*.txt"))}
    summary = polysum.summarize(docs, max_words=args.max_words, order="source")
    print(f"polysum {polysum.__version__}: {len(summary)} sentences from {len(docs)} documents\n")
    for sentence in summary:
        print(f"[{sentence.doc_id} #{sentence.index}] {sentence.text}")


if __name__ == "__main__":
    main()
