"""How Chinese, Japanese and Korean are best indexed: character bigrams of CJK
runs (what polysum does for them) against the words UAX #29 gives (single Han
characters, whole kana runs, Korean eojeol), measured on tests/data/cjk_cluster.json,
three invented reports per language of one invented event, each sentence labelled
with the fact it tells.

    python benches/cjk.py

Two measures per language and indexing, for each method:
- paraphrase@1: of the sentences whose fact another document also tells, the share
  whose most similar sentence in another document (tf-idf cosine, `rank().similarity`)
  tells the same fact;
- facts in 3: distinct facts among the 3 sentences of the summary (3 is best), and
  whether the main fact (A, the quake) is among them.

The words baseline is polysum's analysis of a language without a stemmer or stop
words ("kazakh"), which indexes exactly UAX #29's words: the same as reading the
text with language-neutral analysis.
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


def measure(docs: list[dict], language: str, method: str) -> tuple[float, int, bool]:
    texts = {d["id"]: d["text"] for d in docs}
    labels = facts_of(docs, language)
    summarizer = polysum.Summarizer(language=language, method=method, max_sentences=3, min_words=4)
    ranking = summarizer.rank(texts)
    where = [(s.doc, s.index) for s in ranking.sentences]
    fact = [labels[d][i] for d, i in where]
    similarity = ranking.similarity.copy()
    hits = total = 0
    for a, (doc_a, _) in enumerate(where):
        others = [b for b, (doc_b, _) in enumerate(where) if doc_b != doc_a]
        if not any(fact[b] == fact[a] for b in others):
            continue
        best = max(others, key=lambda b: similarity[a, b])
        total += 1
        hits += fact[best] == fact[a] and similarity[a, best] > 0
    summary = summarizer.summarize(texts)
    chosen = {labels[s.doc][s.index] for s in summary}
    return hits / total, len(chosen), "A" in chosen


def main() -> None:
    clusters = json.loads(DATA.read_text(encoding="utf-8"))["clusters"]
    print(f"{'lang':5} {'indexing':9} {'method':9} {'paraphrase@1':>12} {'facts in 3':>10} {'main fact':>9}")
    totals: dict[str, list] = {}
    for language, docs in clusters.items():
        for indexing, name in [("bigrams", language), ("words", "kazakh")]:
            for method in METHODS:
                p1, facts, main_fact = measure(docs, name, method)
                totals.setdefault(indexing, []).append((p1, facts, main_fact))
                print(f"{language:5} {indexing:9} {method:9} {p1:12.2f} {facts:10d} {str(main_fact):>9}")
    for indexing, rows in totals.items():
        p1, facts, main_fact = np.mean([r[0] for r in rows]), np.mean([r[1] for r in rows]), sum(r[2] for r in rows)
        print(f"mean  {indexing:9} {'':9} {p1:12.2f} {facts:10.2f} {main_fact:>6}/{len(rows)}")


if __name__ == "__main__":
    main()
