"""polysum.summarize_frame on pandas and polars DataFrames: one row per group, equal to one-by-one summarize calls."""

import math

import pytest

import polysum

OPTIONS = {"max_words": 40, "method": "lexrank"}


@pytest.fixture(params=["pandas", "polars"])
def lib(request):
    return pytest.importorskip(
        request.param, reason=f"{request.param} is not installed (pip install polysum[{request.param}])"
    )


def rows_of(example):
    """Three stories over the example's texts: rotations and subsets, with sources named per row."""
    names, texts = list(example), list(example.values())
    stories = {"bridge": [0, 1, 2], "traffic": [1, 2], "council": [2, 0, 1], "solo": [0]}
    rows = []
    # Interleaved, so that group order (first appearance) and row order differ from a sorted order.
    for i in range(3):
        for story in ["traffic", "bridge", "solo", "council"]:
            picks = stories[story]
            if i < len(picks):
                rows.append(
                    {
                        "story": story,
                        "desk": "city" if story != "solo" else "wire",
                        "source": names[picks[i]],
                        "body": texts[picks[i]],
                    }
                )
    return rows


def make(lib, rows, index=None):
    if lib.__name__ == "pandas":
        return lib.DataFrame(rows, index=index)
    return lib.DataFrame(rows)


def to_records(lib, out):
    return out.to_dict("records") if lib.__name__ == "pandas" else out.to_dicts()


def expected(rows, keys, id=None, **options):
    """One summarize call per group, groups in order of first appearance."""
    groups = {}
    for pos, r in enumerate(rows):
        groups.setdefault(tuple(r[k] for k in keys), []).append((pos, r))
    out = []
    for key, members in groups.items():
        docs = [r["body"] for _, r in members] if id is None else {r[id]: r["body"] for _, r in members}
        out.append((key, [pos for pos, _ in members], polysum.summarize(docs, **options)))
    return out


def test_matches_one_summarize_per_group(lib, example):
    rows = rows_of(example)
    out = polysum.summarize_frame(make(lib, rows), by="story", text="body", **OPTIONS)
    assert list(out.columns) == ["story", "summary", "sentences", "scores"]
    want = expected(rows, ["story"], **OPTIONS)
    got = to_records(lib, out)
    assert [g["story"] for g in got] == ["traffic", "bridge", "solo", "council"] == [k[0] for k, _, _ in want]
    for g, (_, positions, summary) in zip(got, want):
        assert g["summary"] == summary.text
        assert list(g["scores"]) == [s.score for s in summary]
        assert [dict(s) for s in g["sentences"]] == [
            {
                "doc_id": str(s.doc_id),
                "row": positions[s.doc],
                "start": s.start,
                "end": s.end,
                "score": s.score,
                "text": rows[positions[s.doc]]["body"][s.start : s.end],
            }
            for s in summary
        ]
        assert all(s["text"] for s in g["sentences"])


def test_multi_column_by_and_id_column(lib, example):
    rows = rows_of(example)
    out = polysum.summarize_frame(make(lib, rows), by=["desk", "story"], text="body", id="source", max_sentences=2)
    assert list(out.columns) == ["desk", "story", "summary", "sentences", "scores"]
    want = expected(rows, ["desk", "story"], id="source", max_sentences=2)
    got = to_records(lib, out)
    assert [(g["desk"], g["story"]) for g in got] == [k for k, _, _ in want]
    for g, (_, _, summary) in zip(got, want):
        assert g["summary"] == summary.text
        assert [s["doc_id"] for s in g["sentences"]] == [str(s.doc_id) for s in summary]
        assert {s["doc_id"] for s in g["sentences"]} <= set(example)


def test_pandas_rows_are_index_labels(example):
    pd = pytest.importorskip("pandas", reason="pandas is not installed (pip install polysum[pandas])")
    rows = rows_of(example)
    labels = [f"art-{i}" for i in range(len(rows))]
    out = polysum.summarize_frame(pd.DataFrame(rows, index=labels), by="story", text="body", **OPTIONS)
    for g, (_, positions, _) in zip(out.to_dict("records"), expected(rows, ["story"], **OPTIONS)):
        assert {s["row"] for s in g["sentences"]} <= {labels[p] for p in positions}


def test_n_jobs_and_options_reach_the_summarizer(lib, example):
    rows = rows_of(example)
    one = polysum.summarize_frame(make(lib, rows), by="story", text="body", n_jobs=1, max_sentences=1)
    two = polysum.summarize_frame(make(lib, rows), by="story", text="body", n_jobs=2, max_sentences=1)
    assert to_records(lib, one) == to_records(lib, two)
    assert all(len(g["sentences"]) == 1 for g in to_records(lib, one))
    with pytest.raises(TypeError, match="max_word"):
        polysum.summarize_frame(make(lib, rows), by="story", text="body", max_word=10)


def missing_value(lib):
    return float("nan") if lib.__name__ == "pandas" else None


def test_missing_text_raises_naming_the_row(lib, example):
    rows = rows_of(example)
    rows[4]["body"] = missing_value(lib)
    if lib.__name__ == "pandas":
        df, name = make(lib, rows, index=[f"art-{i}" for i in range(len(rows))]), "'art-4'"
    else:
        df, name = make(lib, rows), "4"
    with pytest.raises(ValueError, match=f"row {name}: the text column 'body' is missing.*skip_missing=True"):
        polysum.summarize_frame(df, by="story", text="body")
    if lib.__name__ == "pandas":
        rows[4]["body"] = None
        with pytest.raises(ValueError, match="row 4: the text column 'body' is missing"):
            polysum.summarize_frame(lib.DataFrame(rows, dtype=object), by="story", text="body")


def test_skip_missing_leaves_the_rows_out(lib, example):
    rows = rows_of(example)
    missing = [i for i, r in enumerate(rows) if r["story"] == "bridge"][1:] + [
        i for i, r in enumerate(rows) if r["story"] == "solo"
    ]
    for i in missing:
        rows[i]["body"] = missing_value(lib)
    out = polysum.summarize_frame(make(lib, rows), by="story", text="body", skip_missing=True, **OPTIONS)
    kept = [r for i, r in enumerate(rows) if i not in missing]
    got = {g["story"]: g for g in to_records(lib, out)}
    assert list(got) == ["traffic", "bridge", "solo", "council"]
    for (story,), _, summary in expected(kept, ["story"], **OPTIONS):
        assert got[story]["summary"] == summary.text
        assert [s["row"] for s in got[story]["sentences"]] == [
            [i for i, r in enumerate(rows) if r["story"] == story and i not in missing][s.doc] for s in summary
        ]
    # Every row of "solo" was missing: the group is there, with an empty summary.
    assert got["solo"]["summary"] == "" and list(got["solo"]["sentences"]) == [] and list(got["solo"]["scores"]) == []


def test_missing_key_is_a_group_of_its_own(lib, example):
    rows = rows_of(example)
    rows[0]["story"] = None
    out = to_records(lib, polysum.summarize_frame(make(lib, rows), by="story", text="body"))
    keys = [g["story"] for g in out]
    assert len(keys) == 5 and (keys[0] is None or (isinstance(keys[0], float) and math.isnan(keys[0])))


def test_bad_arguments(lib, example):
    df = make(lib, rows_of(example))
    with pytest.raises(ValueError, match="text column 'text' is not in the frame"):
        polysum.summarize_frame(df, by="story", text="text")
    with pytest.raises(ValueError, match="by column 'summary' clashes"):
        renamed = (
            df.rename(columns={"story": "summary"}) if lib.__name__ == "pandas" else df.rename({"story": "summary"})
        )
        polysum.summarize_frame(renamed, by="summary", text="body")
    with pytest.raises(TypeError, match="row 0: the text column 'body' holds int, not str"):
        polysum.summarize_frame(make(lib, [{"story": "a", "body": 3}]), by="story", text="body")
    with pytest.raises(TypeError, match="pandas or polars DataFrame"):
        polysum.summarize_frame(rows_of(example), by="story", text="body")


def test_empty_frame(lib):
    if lib.__name__ == "pandas":
        df = lib.DataFrame({"story": lib.Series([], dtype=object), "body": lib.Series([], dtype=object)})
    else:
        df = lib.DataFrame({"story": [], "body": []}, schema={"story": lib.Utf8, "body": lib.Utf8})
    out = polysum.summarize_frame(df, by="story", text="body")
    assert len(out) == 0 and list(out.columns) == ["story", "summary", "sentences", "scores"]


def test_engine_errors_name_the_group(lib, example):
    rows = rows_of(example)
    with pytest.raises(polysum.InputError, match=r"^group 'traffic': input too large"):
        polysum.summarize_frame(make(lib, rows), by="story", text="body", max_input_bytes=100)
