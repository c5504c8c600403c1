"""Every option is declared once, in the engine's option table: the command's flags,
Python's keywords, `Summarizer().options`, the docstring and the stub must agree
on every name and default."""

import ast
import inspect
import pathlib
import subprocess

import numpy as np
import pytest
from test_cli import script

import polysum

ROOT = pathlib.Path(__file__).resolve().parents[2]
STUB = ROOT / "python" / "polysum" / "_polysum.pyi"


def runtime_defaults() -> dict:
    parameters = inspect.signature(polysum.Summarizer).parameters.values()
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters)
    return {p.name: p.default for p in parameters}


def stub_defaults() -> dict:
    tree = ast.parse(STUB.read_text(encoding="utf-8"))
    (summarizer,) = [n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Summarizer"]
    (new,) = [n for n in summarizer.body if isinstance(n, ast.FunctionDef) and n.name == "__new__"]
    names = [a.arg for a in new.args.kwonlyargs]
    return dict(zip(names, (ast.literal_eval(d) for d in new.args.kw_defaults)))


def cli_default(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ",".join(value) or "none"
    return str(value)


def test_the_stub_declares_every_option_with_its_default():
    assert stub_defaults() == runtime_defaults()


def test_options_of_a_default_summarizer_are_the_defaults():
    defaults = runtime_defaults()
    options = polysum.Summarizer().options
    budget = {"max_sentences", "max_words", "max_chars", "max_bytes", "max_tokens", "ratio"}
    assert set(options) == set(defaults) - (budget - {"max_sentences"})
    assert options == {k: v for k, v in defaults.items() if k in options}


def test_the_docstring_gives_every_option_its_default():
    doc = polysum.Summarizer.__doc__
    for name, default in runtime_defaults().items():
        assert (
            f"    {name}: " in doc and f" = {default!r}\n" in doc.split(f"    {name}: ", 1)[1].split("\n", 1)[0] + "\n"
        )
    for method in polysum.METHODS:
        assert f"\n    {method}\n" in doc
    assert "Options:" in (polysum.summarize.__doc__ or "")


def test_the_command_has_a_flag_for_every_option_with_its_default():
    result = subprocess.run([script(), "--help"], capture_output=True, text=True, check=True)
    help_text = " ".join(result.stdout.split())
    for name, default in runtime_defaults().items():
        flag = "--" + name.replace("_", "-")
        assert flag in help_text, flag
        after = help_text.split(flag, 1)[1].split(" --", 1)[0]
        if default is not None:
            assert f"[default: {cli_default(default)}]" in after, (flag, after)


def test_a_misspelt_option_raises_type_error_with_a_suggestion():
    with pytest.raises(TypeError, match=r"max_word.*did you mean `max_words`"):
        polysum.Summarizer(max_word=10)
    with pytest.raises(TypeError, match="valid options are method, language"):
        polysum.summarize(["One sentence here."], colour="red")


def test_numpy_numbers_are_accepted():
    summarizer = polysum.Summarizer(max_words=np.int64(40), redundancy=np.float32(0.25), min_words=np.uint8(5))
    assert summarizer.options["max_words"] == 40
    assert summarizer.options["redundancy"] == pytest.approx(0.25)
    assert summarizer.options["min_words"] == 5


def test_the_package_shows_only_public_names():
    assert sorted(dir(polysum)) == sorted(polysum.__all__)
    assert "Any" not in dir(polysum) and "annotations" not in dir(polysum)


def test_stop_words_of_your_own_add_to_or_replace_the_languages(example):
    default = polysum.Summarizer().rank(example)
    # A word of every sentence about the bridge, made a stop word, changes the scores.
    added = polysum.Summarizer(stop_words=["bridge", "Bridge's"]).rank(example)
    assert (added.scores != default.scores).any()
    assert polysum.Summarizer(stop_words=("bridge",)).options["stop_words"] == ["bridge"]
    # Replacing the list with nothing makes "the" a term: every sentence now shares it.
    replaced = polysum.Summarizer(stop_words=[], replace_stop_words=True).rank(example)
    assert (replaced.scores != default.scores).any()
    same = polysum.Summarizer(stop_words=[]).rank(example)
    assert (same.scores == default.scores).all()
    with pytest.raises(TypeError, match="stop_words"):
        polysum.Summarizer(stop_words=[3])
