"""The `polysum` console script installed with the package runs the Rust CLI."""

import json
import pathlib
import shutil
import subprocess
import sys

import pytest

import polysum

ROOT = pathlib.Path(__file__).resolve().parents[2]


def script():
    path = pathlib.Path(sys.executable).with_name("polysum")
    if not path.exists():
        found = shutil.which("polysum")
        if not found:
            pytest.skip("the polysum console script is not on this environment's PATH")
        path = pathlib.Path(found)
    return str(path)


def test_console_script_summarises_a_folder_like_the_library(example):
    result = subprocess.run(
        [script(), str(ROOT / "examples" / "cluster"), "--max-sentences", "3", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    (record,) = json.loads(result.stdout)
    expected = polysum.summarize(example, max_sentences=3)
    assert [s["text"] for s in record["summary"]["sentences"]] == [s.text for s in expected]


def test_console_script_exit_codes():
    assert subprocess.run([script(), "--method", "nope", "x"], capture_output=True).returncode == 2
    assert subprocess.run([script(), "no/such/file.txt"], capture_output=True).returncode == 3
    batch = '{"id": "a", "docs": ["One sentence about the bridge closure that is long enough."]}\nnot json\n'
    result = subprocess.run([script(), "--jsonl", "-"], input=batch, capture_output=True, text=True)
    assert result.returncode == 1
    assert "line 2" in result.stderr
    assert len(result.stdout.splitlines()) == 2


def endless(args):
    """The console script on an endless batch on standard input, fed by a thread."""
    import threading

    text = (ROOT / "examples" / "cluster" / "river-news.txt").read_text()
    line = (json.dumps({"id": "x", "docs": [text, text[::-1]]}) + "\n").encode()
    proc = subprocess.Popen(
        [script(), "--jsonl", "-", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )

    def feed():
        try:
            while True:
                proc.stdin.write(line)
        except (BrokenPipeError, OSError, ValueError):
            pass

    threading.Thread(target=feed, daemon=True).start()
    first = proc.stdout.readline()
    assert first.endswith(b"\n"), "output appears before the input ends"
    return proc, first


@pytest.mark.parametrize(("signal_number", "code"), [(2, 130), (15, 143)])
def test_console_script_stops_on_a_signal_with_whole_records(signal_number, code):
    proc, first = endless(["--jobs", "2"])
    proc.send_signal(signal_number)
    # Through the buffered reader that read the first line (communicate() would
    # skip what it holds).
    rest = proc.stdout.read()
    proc.wait(timeout=60)
    stderr = proc.stderr.read()
    assert proc.returncode == code, stderr.decode()
    assert b"Traceback" not in stderr
    # split("\n"), not splitlines(): a record may hold U+2028 or U+0085 as such.
    *lines, last = (first + rest).decode().split("\n")
    assert last == "", "no torn last record"
    for line in lines:
        assert json.loads(line)["id"] == "x"


def test_console_script_exits_quietly_when_its_output_is_closed():
    proc, _ = endless(["--jobs", "2"])
    proc.stdout.close()
    proc.wait(timeout=60)
    stderr = proc.stderr.read()
    assert proc.returncode == 141, stderr.decode()
    assert stderr == b""


def test_command_json_reads_back_as_the_same_summary_with_the_same_offsets(example):
    result = subprocess.run(
        [script(), str(ROOT / "examples" / "cluster"), "--max-words", "60", "--format", "jsonl"],
        capture_output=True,
        text=True,
        check=True,
    )
    record = json.loads(result.stdout)
    from_command = polysum.Summary.from_json(json.dumps(record["summary"]))
    assert from_command == polysum.summarize(example, max_words=60)
    for s in from_command:
        assert example[s.doc_id][s.start : s.end] == s.text
        assert example[s.doc_id].encode()[s.byte_start : s.byte_end].decode() == s.text


def test_command_takes_a_query_on_the_line_and_on_the_command_line(tmp_path, example):
    question = "How much will the repairs cost?"
    line = {"id": "bridge", "docs": [{"id": k, "text": v} for k, v in example.items()], "query": question}
    topic = dict(line, query={"title": "Repairs", "narrative": question})
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps(line) + "\n" + json.dumps(topic) + "\n", encoding="utf-8")
    result = subprocess.run([script(), "--jsonl", str(batch), "--max-words", "40"], capture_output=True, text=True)
    records = [json.loads(x) for x in result.stdout.splitlines()]
    expected = polysum.summarize(example, max_words=40, query=question)
    assert polysum.Summary.from_json(json.dumps(records[0]["summary"])) == expected
    assert records[1]["summary"]["query"] == "Repairs\n" + question
    files = sorted(str(p) for p in (ROOT / "examples" / "cluster").glob("*.txt"))
    result = subprocess.run(
        [script(), *files[1:], "--seen", files[0], "--query", question, "--max-words", "40", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    (record,) = json.loads(result.stdout)
    names = [pathlib.Path(f).name for f in files]
    docs = {n: example[n] for n in names[1:]}
    assert polysum.Summary.from_json(json.dumps(record["summary"])) == polysum.summarize(
        docs, seen=[example[names[0]]], query=question, max_words=40
    )
