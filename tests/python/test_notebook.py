"""The notebook view: readable in light and dark themes, sources told apart, the
document id, score and word count visible without hovering."""

import re

import polysum


def luminance(colour: str) -> float:
    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = colour[1:3], colour[3:5], colour[5:7]
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    hi, lo = sorted([luminance(a), luminance(b)], reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def palettes(html: str) -> list:
    """Every set of the card's colour variables the CSS emits (one per theme rule)."""
    blocks = re.findall(r"\{(--ps-[^}]*)\}", html)
    return [dict(re.findall(r"--ps-(\w+):(#[0-9a-fA-F]{6})", block)) for block in blocks]


def test_every_text_and_background_pair_reaches_wcag_aa_in_both_themes(example):
    html = polysum.summarize(example, max_sentences=5)._repr_html_()
    themes = palettes(html)
    backgrounds = {colours["background"] for colours in themes}
    assert len(backgrounds) == 2 and min(luminance(b) for b in backgrounds) < 0.05 < max(
        luminance(b) for b in backgrounds
    )
    for colours in themes:
        for text in ("text", "muted"):
            assert contrast(colours[text], colours["background"]) >= 4.5, (colours, text)
    # Every text colour set inline sits on the background set beside it.
    tags = re.findall(r"background:(#[0-9A-Fa-f]{6});color:(#[0-9A-Fa-f]{6})", html)
    assert tags
    for background, text in tags:
        assert contrast(text, background) >= 4.5, (text, background)
    # No text colour is left to the notebook: every rule that sets one sets a background.
    for rule in re.findall(r"\{([^{}]*)\}", html):
        if re.search(r"(^|;)color:", rule):
            assert "background" in rule, rule


def test_the_dark_theme_follows_the_notebook():
    html = polysum.summarize(["The harbour board met on Monday to approve the dredging plan."])._repr_html_()
    for marker in ['body[data-jp-theme-light="false"]', "body.vscode-dark", "prefers-color-scheme: dark"]:
        assert marker in html


def test_sources_are_distinct_and_named_with_scores_and_word_count(example):
    summary = polysum.summarize(example, max_sentences=6)
    html = summary._repr_html_()
    words = sum(len(re.findall(r"\w+", s.text)) for s in summary)
    assert f"{len(summary)} sentences" in html and "words" in html
    assert abs(int(re.search(r"· (\d+) words", html).group(1)) - words) <= len(summary)
    for s in summary:
        assert f"{s.doc_id} #{s.index} · {s.score:.3f}" in html
    colours = {doc: colour for colour, doc in re.findall(r'border-left-color:(#\w+)">.*?">(\S+) #', html)}
    assert len(set(colours.values())) == len(set(s.doc_id for s in summary))


def test_text_is_escaped():
    docs = {"<b>": "Prices rose <script>alert(1)</script> sharply on Monday in the city."}
    html = polysum.summarize(docs)._repr_html_()
    assert "<script>alert" not in html and "&lt;b&gt;" in html
