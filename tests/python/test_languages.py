"""Languages by every name people use, and Chinese, Japanese and Korean read by
character bigrams, their summaries verbatim with offsets into the documents."""

import json
import pathlib
import subprocess

import pytest
from test_cli import script

import polysum

ROOT = pathlib.Path(__file__).resolve().parents[2]
CJK = json.loads((ROOT / "tests" / "data" / "cjk_cluster.json").read_text(encoding="utf-8"))["clusters"]

NAMES = {
    "english": ["en", "EN", "English", " english "],
    "german": ["de", "German"],
    "chinese": ["zh", "ZH", "Chinese"],
    "japanese": ["ja", "Japanese"],
    "korean": ["ko", "Korean"],
    "armenian": ["hy", "Armenian"],
    "bulgarian": ["bg"],
    "slovak": ["sk"],
    "polish": ["pl", "POLISH"],
    "kazakh": ["kk"],
}


@pytest.mark.parametrize("name", sorted(NAMES))
def test_every_name_and_code_of_a_language_is_accepted(name):
    for spelling in [name, *NAMES[name]]:
        assert polysum.Summarizer(language=spelling).options["language"] == name
    assert name in polysum.LANGUAGES


def test_the_summarizer_accepts_every_language_the_segmenter_has_rules_for():
    for name in polysum.LANGUAGES:
        summary = polysum.summarize(["Первый. Second sentence here for the test."], language=name)
        assert isinstance(summary, polysum.Summary)


def test_an_unknown_language_lists_the_accepted_names():
    with pytest.raises(polysum.ConfigError, match=r'unknown language "klingon"; valid values are arabic, .*korean.*zh'):
        polysum.Summarizer(language="klingon")
    doc = polysum.Summarizer.__doc__
    assert "chinese" in doc and "korean" in doc


@pytest.mark.parametrize("language", sorted(CJK))
def test_cjk_summaries_are_verbatim_with_offsets(language):
    docs = {d["id"]: d["text"] for d in CJK[language]}
    for options in [{"max_sentences": 3}, {"max_chars": 120}, {"max_tokens": 100}]:
        summary = polysum.summarize(docs, language=language, **options)
        assert len(summary) >= 1, options
        for s in summary:
            assert docs[s.doc_id][s.start : s.end] == s.text
            assert docs[s.doc_id].encode()[s.byte_start : s.byte_end].decode() == s.text


def test_chinese_sentences_end_at_full_width_marks():
    text = "地震发生在清晨。有人受伤吗？没有人死亡！救援队已经出发"
    assert [s.text for s in polysum.sentences(text, language="zh")] == [
        "地震发生在清晨。",
        "有人受伤吗？",
        "没有人死亡！",
        "救援队已经出发",
    ]


def same_and_other_fact_cosines(language: str, as_language: str) -> tuple[float, float]:
    docs = CJK[language]
    ranking = polysum.Summarizer(language=as_language).rank({d["id"]: d["text"] for d in docs})
    where = [(s.doc, s.index) for s in ranking.sentences]
    facts = [docs[d]["facts"][i] for d, i in where]
    same, other = [], []
    for a in range(len(where)):
        for b in range(a + 1, len(where)):
            if where[a][0] != where[b][0]:
                (same if facts[a] == facts[b] else other).append(ranking.similarity[a, b])
    return sum(same) / len(same), sum(other) / len(other)


@pytest.mark.parametrize("language", sorted(CJK))
def test_cjk_paraphrases_are_told_from_other_sentences(language):
    # Sentences of two reports telling the same fact are far more similar than
    # sentences telling different ones, and more clearly so than when Chinese and
    # Japanese are read by UAX #29's words ("kazakh": words, no stemmer or stop words).
    same, other = same_and_other_fact_cosines(language, language)
    assert same > 4 * other, (same, other)
    if language != "ko":
        words_same, words_other = same_and_other_fact_cosines(language, "kazakh")
        assert same / other > words_same / words_other
    summary = polysum.summarize({d["id"]: d["text"] for d in CJK[language]}, language=language, max_sentences=3)
    assert "A" in [CJK[language][s.doc]["facts"][s.index] for s in summary]


def test_the_command_takes_language_codes(tmp_path):
    for doc in CJK["zh"]:
        (tmp_path / f"{doc['id']}.txt").write_text(doc["text"], encoding="utf-8")
    result = subprocess.run(
        [script(), str(tmp_path), "--language", "ZH", "--max-sentences", "2", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    (line,) = json.loads(result.stdout)
    assert len(line["summary"]["sentences"]) == 2
    result = subprocess.run([script(), str(tmp_path), "--language", "klingon"], capture_output=True, text=True)
    assert result.returncode != 0 and "valid values are arabic" in result.stderr
