"""Dump the summaries of every evaluation cluster, for every method, and compare dumps.

A refactoring must not change what polysum chooses. This script runs the `polysum`
command over every cluster file in ../shared/eval (each method, two budgets,
MultiLing per language) and writes one line per summary: the cluster, the method,
the budget and each chosen sentence's document, index and score. Two dumps taken
before and after a change must be identical.

    python benches/outputs.py dump target/release/polysum before.tsv
    python benches/outputs.py dump target/release/polysum after.tsv
    python benches/outputs.py compare before.tsv after.tsv

Needs ../shared/eval beside the project; exits 0 with a message where it is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
METHODS = ["textrank", "lexrank", "centroid", "coverage", "klsum", "sumbasic", "luhn", "lsa", "lead"]
BUDGETS = [["--max-words", "100"], ["--max-sentences", "5"]]
LANGUAGES = {
    "ar": "arabic",
    "cs": "czech",
    "el": "greek",
    "en": "english",
    "fr": "french",
    "he": "hebrew",
    "hi": "hindi",
}


def jsonl_lines(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def cluster_files(scratch: Path) -> list[tuple[str, Path, str]]:
    """(name, JSONL path, language) for every cluster set, MultiLing split by language
    and the update task's sets flattened to one cluster a line."""
    files: list[tuple[str, Path, str]] = []
    # Only the documents: the command reads a line's "query" too, and these are
    # the generic summaries.
    for name in ["duc2003_task2", "duc2006", "duc2007_main", "duc2007_update_setA", "multinews_test_sample250"]:
        path = scratch / f"{name}.jsonl"
        lines = [json.loads(line) for line in jsonl_lines(EVAL / f"{name}.jsonl")]
        path.write_text("".join(json.dumps({"id": c["id"], "docs": c["docs"]}) + "\n" for c in lines), encoding="utf-8")
        files.append((name, path, "english"))
    by_lang: dict[str, list[str]] = {}
    # Split on "\n" only: str.splitlines would also cut at U+2028 inside JSON strings.
    for line in jsonl_lines(EVAL / "multiling2011.jsonl"):
        cluster = json.loads(line)
        by_lang.setdefault(cluster["lang"], []).append(json.dumps({"id": cluster["id"], "docs": cluster["docs"]}))
    for lang, lines in sorted(by_lang.items()):
        path = scratch / f"multiling_{lang}.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        files.append((f"multiling_{lang}", path, LANGUAGES[lang]))
    update = []
    for line in jsonl_lines(EVAL / "duc2007_update_dev.jsonl"):
        topic = json.loads(line)
        for part in topic["sets"]:
            update.append(json.dumps({"id": f"{topic['id']}-{part['set']}", "docs": part["docs"]}))
    path = scratch / "duc2007_update_dev.jsonl"
    path.write_text("\n".join(update) + "\n", encoding="utf-8")
    files.append(("duc2007_update_dev", path, "english"))
    return files


def dump(binary: str, out: Path) -> None:
    with tempfile.TemporaryDirectory() as scratch, out.open("w", encoding="utf-8") as sink:
        for name, path, language in cluster_files(Path(scratch)):
            for method in METHODS:
                for budget in BUDGETS:
                    command = [binary, "--jsonl", str(path), "--format", "jsonl", "--quiet", "--method", method]
                    command += ["--language", language, *budget]
                    result = subprocess.run(command, capture_output=True, text=True, check=False)
                    if result.returncode not in (0, 1):
                        sys.exit(f"{' '.join(command)} failed ({result.returncode}): {result.stderr}")
                    for line in result.stdout.split("\n"):
                        if not line:
                            continue
                        record = json.loads(line)
                        chosen = record.get("summary", {}).get("sentences", [])
                        picks = " ".join(f"{s['doc']}:{s['index']}:{s['score']:.12g}" for s in chosen)
                        sink.write(f"{name}\t{record['id']}\t{method}\t{' '.join(budget)}\t{picks}\n")
            print(f"{name}: dumped", file=sys.stderr)


def compare(before: Path, after: Path) -> int:
    old = before.read_text(encoding="utf-8").splitlines()
    new = after.read_text(encoding="utf-8").splitlines()
    if len(old) != len(new):
        print(f"{len(old)} summaries before, {len(new)} after")
        return 1
    differ = [(a, b) for a, b in zip(old, new) if a != b]
    for a, b in differ[:10]:
        print(f"- {a}\n+ {b}")
    print(f"{len(old)} summaries compared, {len(differ)} differ")
    return 1 if differ else 0


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "dump":
        if not EVAL.is_dir():
            print(f"skipped: {EVAL} is absent", file=sys.stderr)
            return 0
        dump(sys.argv[2], Path(sys.argv[3]))
        return 0
    if len(sys.argv) == 4 and sys.argv[1] == "compare":
        return compare(Path(sys.argv[2]), Path(sys.argv[3]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
