"""Where the read-only material in ../shared/ (seed page, WordPress exports)
lives, if anywhere: tests that use it skip when it is absent."""

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _find_shared():
    candidates = [
        os.environ.get("NEWSDAY_SHARED_DIR"),
        REPO.parent / "shared",
        "/work/shared",
    ]
    for candidate in filter(None, candidates):
        if Path(candidate).is_dir():
            return Path(candidate)
    return None


SHARED_DIR = _find_shared()


def shared_file(*parts):
    """The path of a file under shared/, or None when it is not on this machine."""
    if SHARED_DIR is None:
        return None
    path = SHARED_DIR.joinpath(*parts)
    return path if path.exists() else None
