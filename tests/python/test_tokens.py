"""Token budgets: max_tokens with OpenAI's encodings or a callable, the joined
text never over the budget, and the check over every ../shared/eval cluster."""

import json
import pathlib
import pickle
import subprocess
import threading
import time

import pytest
from test_cli import script

import polysum

ROOT = pathlib.Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval"


def words(text: str) -> int:
    return len(text.split())


def test_a_token_budget_holds_the_joined_text_and_reports_its_count(example):
    for tokenizer in ["o200k_base", "cl100k_base", "p50k_base", "r50k_base"]:
        for limit in [30, 80, 200]:
            summary = polysum.summarize(example, max_tokens=limit, tokenizer=tokenizer)
            count = polysum.count_tokens(summary.text, tokenizer)
            assert summary.tokens == count <= limit
            assert count > limit / 3, (tokenizer, limit, count)
    assert polysum.summarize(example, max_words=50).tokens is None


def test_max_tokens_is_a_budget_like_the_others(example):
    summarizer = polysum.Summarizer(max_tokens=60)
    assert summarizer.options["max_tokens"] == 60 and "max_sentences" not in summarizer.options
    assert summarizer.options["tokenizer"] == "o200k_base"
    with pytest.raises(polysum.ConfigError, match="give at most one of .*max_tokens"):
        polysum.Summarizer(max_tokens=60, max_words=40)
    with pytest.raises(polysum.ConfigError, match="max_tokens"):
        polysum.Summarizer(max_tokens=0)
    assert pickle.loads(pickle.dumps(summarizer)) == summarizer


def test_an_unknown_encoding_lists_the_accepted_names():
    with pytest.raises(polysum.ConfigError, match='unknown encoding "gpt-4"; valid values are o200k_base, cl100k_base'):
        polysum.Summarizer(max_tokens=50, tokenizer="gpt-4")
    with pytest.raises(polysum.ConfigError, match="r50k_base"):
        polysum.count_tokens("text", "bert")
    assert polysum.TOKENIZERS[:2] == ["o200k_base", "cl100k_base"]


def test_count_tokens_agrees_with_tiktoken_on_known_counts():
    # Counted by OpenAI's tiktoken 0.14 (see the Rust test counts_agree_with_tiktoken).
    assert polysum.count_tokens("tiktoken is great!") == 6
    assert polysum.count_tokens("Größe zählt: 3.5 Mrd. €", "o200k_base") == 12
    assert polysum.count_tokens("Größe zählt: 3.5 Mrd. €", "cl100k_base") == 13
    assert polysum.count_tokens("北京时间3月5日，地震造成12人受伤。", "r50k_base") == 33


def test_a_callable_tokenizer_counts_the_budget(example):
    calls = []

    def count(text: str) -> int:
        calls.append(threading.get_ident())
        return words(text) + 2 * text.count(". ")  # joins cost more than the sentences alone

    summarizer = polysum.Summarizer(max_tokens=70, tokenizer=count)
    summary = summarizer.summarize(example)
    assert summary.tokens == count(summary.text) <= 70 and len(summary) >= 2
    assert calls and summarizer.options["tokenizer"] is count
    assert summarizer == polysum.Summarizer(max_tokens=70, tokenizer=count)
    assert summarizer != polysum.Summarizer(max_tokens=70, tokenizer=lambda t: count(t))
    assert "tokenizer=<function" in repr(summarizer)


def test_a_callable_tokenizer_works_in_parallel_batches(example):
    # summarize_many runs without the GIL on several threads: each call takes it back.
    lock = threading.Lock()
    threads = set()

    def count(text: str) -> int:
        with lock:
            threads.add(threading.get_ident())
        time.sleep(0)  # lets other threads run
        return words(text)

    summarizer = polysum.Summarizer(max_tokens=60, tokenizer=count)
    clusters = [example] * 8
    batch = summarizer.summarize_many(clusters, n_jobs=2)
    one = summarizer.summarize(example)
    assert all(s == one for s in batch) and one.tokens == count(one.text) <= 60


def test_a_failing_or_wrong_callable_names_the_problem(example):
    def broken(text: str) -> int:
        raise RuntimeError("no model here")

    with pytest.raises(polysum.PolysumError, match="the tokenizer failed: RuntimeError: no model here"):
        polysum.summarize(example, max_tokens=50, tokenizer=broken)
    with pytest.raises(polysum.PolysumError, match="must return an int of at least 0, not '12'"):
        polysum.summarize(example, max_tokens=50, tokenizer=lambda text: "12")
    with pytest.raises(polysum.PolysumError, match="cluster 1: the tokenizer failed"):
        polysum.Summarizer(max_tokens=50, tokenizer=broken).summarize_many([[], example])


def test_the_command_takes_max_tokens_and_tokenizer():
    folder = str(ROOT / "examples" / "cluster")
    result = subprocess.run(
        [script(), folder, "--max-tokens", "60", "--tokenizer", "cl100k_base", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    (line,) = json.loads(result.stdout)
    summary = line["summary"]
    text = polysum.Summary.from_json(json.dumps(summary)).text
    assert summary["tokens"] == polysum.count_tokens(text, "cl100k_base") <= 60
    result = subprocess.run(
        [script(), folder, "--max-tokens", "60", "--tokenizer", "gpt2"], capture_output=True, text=True
    )
    assert result.returncode != 0 and "valid values are o200k_base" in result.stderr


def eval_clusters() -> list[list[str]]:
    files = sorted(EVAL.glob("*.jsonl")) if EVAL.is_dir() else []
    clusters = []
    for path in files:
        # Split at line feeds only: texts hold U+2028 and the like, which splitlines cuts at.
        for line in path.read_text(encoding="utf-8").split("\n"):
            if not line.strip():
                continue
            row = json.loads(line)
            if "docs" in row:  # the update set nests its clusters under "sets"
                clusters.append([d["text"] for d in row["docs"]])
            clusters.extend([d["text"] for d in s["docs"]] for s in row.get("sets", []))
    if not clusters:
        pytest.skip(f"{EVAL} is absent or empty: the token-budget check over the eval clusters needs ../shared/eval")
    return clusters


def tiktoken_counter(name: str):
    """OpenAI's tiktoken, where it is installed and has its encoding files (it
    downloads them on first use, so offline it may not); else None."""
    try:
        import tiktoken

        encoding = tiktoken.get_encoding(name)
    except Exception:
        return None
    return lambda text: len(encoding.encode_ordinary(text))


@pytest.mark.parametrize("tokenizer", ["o200k_base", "cl100k_base"])
def test_no_eval_summary_goes_over_its_token_budget(tokenizer):
    clusters = eval_clusters()
    # Counted apart from the summary's own figure, on the text as it is sent: by
    # tiktoken where it can load the encoding, else by polysum.count_tokens (whose
    # counts are checked against tiktoken's in test_count_tokens_agrees_with_tiktoken).
    count = tiktoken_counter(tokenizer) or (lambda text: polysum.count_tokens(text, tokenizer))
    for limit in [50, 100, 500, 1000]:
        summaries = polysum.Summarizer(max_tokens=limit, tokenizer=tokenizer).summarize_many(clusters)
        for summary in summaries:
            assert summary.tokens == count(summary.text) <= limit
        assert sum(s.tokens for s in summaries) > 0.5 * limit * len(summaries)
