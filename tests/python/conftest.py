import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"


def read_cluster(folder: pathlib.Path) -> dict:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}


@pytest.fixture(scope="session")
def example() -> dict:
    return read_cluster(ROOT / "examples" / "cluster")


@pytest.fixture(scope="session")
def seeds() -> dict:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is absent: the seed cluster tests need ../shared/seeds beside the checkout")
    return read_cluster(SEEDS)
