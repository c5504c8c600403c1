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
