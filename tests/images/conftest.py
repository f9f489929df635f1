from pathlib import Path

import pytest
from PIL import features

requires_avif = pytest.mark.skipif(
    not features.check("avif"), reason="this Pillow cannot encode AVIF"
)
AVIF = pytest.param("AVIF", marks=requires_avif)


@pytest.fixture(autouse=True)
def media_root(tmp_path, settings):
    """Each test stores files in its own empty folder, so « nothing was
    stored » can be checked by looking at it."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


def stored_files(root):
    root = Path(root)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []
