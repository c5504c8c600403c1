"""How Chinese, Japanese and Korean are indexed, measured on
tests/data/cjk_cluster.json: three invented reports per language of one invented
event, each sentence labelled with the fact it tells.

    python benches/cjk.py

For each language, polysum's own indexing (Chinese and Japanese: characters and
character bigrams of Han and kana runs; Korean: its spaced words) against UAX #29's
words as they come ("kazakh": words, no stemmer, no stop words):
- same / other: mean tf-idf cosine (`rank().similarity`) of sentence pairs from two
  reports that tell the same fact / different facts, and their ratio (higher tells
  paraphrases from the rest better);
- the facts of the 3-sentence summary of each method (3 distinct is best).
"""

import json
import pathlib

import numpy as np

import polysum

DATA = pathlib.Path(__file__).resolve().parents[1] / "tests" / "data" / "cjk_cluster.json"
METHODS = ["centroid", "textrank", "lexrank", "coverage"]


def facts_of(docs: list[dict], language: str) -> list[list[str]]:
    """Each document's sentences' facts, checking that polysum splits them as labelled."""
    labels = []
    for doc in docs:
        sentences = polysum.sentences(doc["text"], language=language)
        assert len(sentences) == len(doc["facts"]), (doc["id"], [s.text for s in sentences])
        labels.append(doc["facts"])
    return labels


def measure(docs: list[dict], language: str) -> tuple[float, float, list[str]]:
    texts = {d["id"]: d["text"] for d in docs}
    labels = facts_of(docs, language)
    ranking = polysum.Summarizer(language=language).rank(texts)
    where = [(s.doc, s.index) for s in ranking.sentences]
    fact = [labels[d][i] for d, i in where]
    same, other = [], []
    for a in range(len(where)):
        for b in range(a + 1, len(where)):
            if where[a][0] != where[b][0]:
                (same if fact[a] == fact[b] else other).append(ranking.similarity[a, b])
    chosen = []
    for method in METHODS:
        summary = polysum.Summarizer(language=language, method=method, max_sentences=3).summarize(texts)
        chosen.append("".join(labels[s.doc][s.index] for s in summary))
    return float(np.mean(same)), float(np.mean(other)), chosen


def main() -> None:
    clusters = json.loads(DATA.read_text(encoding="utf-8"))["clusters"]
    print(f"{'lang':5} {'indexing':9} {'same':>5} {'other':>5} {'ratio':>5}  facts chosen ({', '.join(METHODS)})")
    for language, docs in clusters.items():
        for indexing, name in [("polysum", language), ("words", "kazakh")]:
            same, other, chosen = measure(docs, name)
            print(f"{language:5} {indexing:9} {same:5.2f} {other:5.2f} {same / other:5.1f}  {' '.join(chosen)}")


if __name__ == "__main__":
    main()
