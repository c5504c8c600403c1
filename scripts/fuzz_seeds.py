"""Writes the fuzz corpus seeds in fuzz/corpus/<target>/ from the growth benchmark's
catalogue of hostile shapes (benches/growth.py) and the example cluster, each a few
kilobytes. Run it again after adding a shape; libFuzzer grows the corpus from them.

    python scripts/fuzz_seeds.py
"""

import hashlib
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benches"))

from growth import SHAPES  # noqa: E402

SIZE = 2_000


def write(target: str, data: bytes) -> None:
    folder = ROOT / "fuzz" / "corpus" / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def main() -> None:
    example = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples" / "cluster").glob("*.txt"))]
    clusters = {"example cluster": example}
    clusters.update({name: make(SIZE) for name, make in SHAPES.items()})
    for number, (name, docs) in enumerate(clusters.items()):
        docs = [d[:SIZE] for d in docs[:20]]
        text = "\n\n".join(docs)
        write("segment", bytes([number % 256]) + text.encode())
        header = bytes([number % 9, 40 + number % 60, number % 5, number % 256])
        write("summarize", header + b"\xff".join(d.encode() for d in docs))
        line = json.dumps({"id": name, "docs": docs}, ensure_ascii=False)
        write("jsonl", (line + "\n" + json.dumps({"docs": [{"id": "a", "text": docs[0]}]}) + "\n").encode())
    write("jsonl", b"\xef\xbb\xbf" + b'{"docs": ["One. Two."]}\n{"docs": [3]}\n\xff\xfe\n{"docs": []}\n')
    print("wrote", sum(1 for _ in (ROOT / "fuzz" / "corpus").rglob("*")), "files")


if __name__ == "__main__":
    main()
