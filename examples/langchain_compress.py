"""Compress retrieved LangChain documents to the sentences that matter, with polysum.langchain.PolysumCompressor.

The three articles of examples/cluster stand in for what a retriever returned; the compressor keeps the sentences
that cover them within the word budget, one Document per sentence, with the source's metadata.

    python examples/langchain_compress.py ["your query"] [--max-words 60]

In a chain, wrap a retriever with it:
    ContextualCompressionRetriever(base_compressor=PolysumCompressor(max_words=150), base_retriever=retriever)
(`from langchain_classic.retrievers import ContextualCompressionRetriever`, `langchain.retrievers` before 1.0).
"""

from __future__ import annotations

import argparse
import pathlib

from langchain_core.documents import Document

from polysum.langchain import PolysumCompressor

CLUSTER = pathlib.Path(__file__).parent / "cluster"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("query", nargs="?", default="Why is the Eastgate bridge closing?")
    parser.add_argument("--max-words", type=int, default=60)
    args = parser.parse_args()
    retrieved = [
        Document(page_content=p.read_text(encoding="utf-8"), metadata={"source": p.name})
        for p in sorted(CLUSTER.glob("*.txt"))
    ]
    compressor = PolysumCompressor(max_words=args.max_words)
    kept = compressor.compress_documents(retrieved, args.query)
    words = sum(len(d.page_content.split()) for d in retrieved)
    print(f"query: {args.query}")
    print(
        f"{len(retrieved)} documents, {words} words -> {len(kept)} sentences, "
        f"{sum(len(d.page_content.split()) for d in kept)} words"
    )
    for d in kept:
        m = d.metadata
        print(f"  [{m['polysum_score']:.3f}] {m['source']} {m['polysum_start']}:{m['polysum_end']}  {d.page_content}")


if __name__ == "__main__":
    main()
