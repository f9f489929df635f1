"""Django set up for the in-process bench scripts (bench/pages.py,
bench/wall.py): production settings, the page cache off, and by default a
scratch SQLite file for ``N`` articles (``DATABASE_URL`` chooses another)."""

import os
import tempfile
from pathlib import Path


def setup_django() -> int:
    """Configure and set up Django; return N, the number of articles wanted."""
    n = int(os.environ.get("N", "1000"))
    os.environ.setdefault(
        "DATABASE_URL", f"sqlite:////var/tmp/newsday-bench-{n}.sqlite3"
    )
    os.environ.setdefault("DEBUG", "false")
    os.environ.setdefault("SECRET_KEY", "bench-only-not-secret-" + "x" * 40)
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault(
        "STATIC_ROOT", str(Path(tempfile.gettempdir()) / "newsday-bench-static")
    )
    os.environ["PAGE_CACHE"] = "false"
    os.environ["DJANGO_SETTINGS_MODULE"] = "newsday.settings"

    import django

    django.setup()
    return n
