from pathlib import Path

import pytest
from PIL import features

requires_avif = pytest.mark.skipif(
    not features.check("avif"), reason="this Pillow cannot encode AVIF"
)
AVIF = pytest.param("AVIF", marks=requires_avif)


@pytest.fixture(autouse=True)
def media_root(media_root):
    """Each test of the library stores files in its own empty folder (see
    tests/conftest.py)."""
    return media_root


def stored_files(root):
    root = Path(root)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []
