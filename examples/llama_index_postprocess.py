"""Cut retrieved LlamaIndex nodes down to the sentences that matter, with polysum.llama_index.PolysumPostprocessor.

The three articles of examples/cluster stand in for the nodes a retriever returned; the postprocessor returns one
scored TextNode per kept sentence, with the source node's metadata and a SOURCE relationship to it. Runs offline:
nothing here needs an LLM or an embedding model.

    python examples/llama_index_postprocess.py ["your query"] [--max-words 60]

In a query engine: index.as_query_engine(node_postprocessors=[PolysumPostprocessor(max_words=150)]).
"""

from __future__ import annotations

import argparse
import pathlib

from llama_index.core.schema import NodeRelationship, NodeWithScore, TextNode

from polysum.llama_index import PolysumPostprocessor

CLUSTER = pathlib.Path(__file__).parent / "cluster"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("query", nargs="?", default="Why is the Eastgate bridge closing?")
    parser.add_argument("--max-words", type=int, default=60)
    args = parser.parse_args()
    nodes = [
        NodeWithScore(
            node=TextNode(text=p.read_text(encoding="utf-8"), id_=p.stem, metadata={"file_name": p.name}),
            score=0.9 - i / 10,
        )
        for i, p in enumerate(sorted(CLUSTER.glob("*.txt")))
    ]
    kept = PolysumPostprocessor(max_words=args.max_words).postprocess_nodes(nodes, query_str=args.query)
    print(f"query: {args.query}")
    print(f"{len(nodes)} nodes -> {len(kept)} sentence nodes")
    for n in kept:
        source = n.node.relationships[NodeRelationship.SOURCE].node_id
        print(f"  [{n.score:.3f}] from {source} ({n.node.metadata['file_name']}): {n.node.get_content()}")


if __name__ == "__main__":
    main()
