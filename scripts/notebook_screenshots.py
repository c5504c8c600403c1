"""Screenshots of the notebook view in a light and a dark notebook theme.

    python scripts/notebook_screenshots.py     # writes docs/notebook-light.png, docs/notebook-dark.png

Needs polysum installed and Chromium (Debian: apt-get install chromium). Each page
mimics the notebook around the output: JupyterLab's theme attribute on <body>
and the theme's own page colours.
"""

import pathlib
import shutil
import subprocess
import sys
import tempfile

import polysum

ROOT = pathlib.Path(__file__).resolve().parent.parent
PAGES = {
    "light": ('data-jp-theme-light="true"', "#ffffff", "#000000"),
    "dark": ('data-jp-theme-light="false"', "#111111", "#d4d4d4"),
}


def main() -> int:
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        print("Chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    docs = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "cluster").glob("*.txt"))}
    card = polysum.summarize(docs, max_words=100)._repr_html_()
    with tempfile.TemporaryDirectory() as scratch:
        for theme, (attribute, background, colour) in PAGES.items():
            page = pathlib.Path(scratch) / f"{theme}.html"
            page.write_text(
                f'<!doctype html><html><body {attribute} style="background:{background};color:{colour};'
                f'font-family:sans-serif;margin:16px"><p>In [1]: polysum.summarize(docs, max_words=100)</p>'
                f"{card}</body></html>",
                encoding="utf-8",
            )
            out = ROOT / "docs" / f"notebook-{theme}.png"
            subprocess.run(
                [
                    browser,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--hide-scrollbars",
                    f"--screenshot={out}",
                    "--window-size=900,420",
                    page.as_uri(),
                ],
                check=True,
                capture_output=True,
            )
            print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
