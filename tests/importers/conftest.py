from pathlib import Path

import pytest

from importers.wordpress import import_wordpress

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "wordpress"


@pytest.fixture
def fixture_path():
    """The path of a file of tests/fixtures/wordpress/."""
    return lambda name: FIXTURES / name


@pytest.fixture
def run_import():
    """Import a WordPress export of tests/fixtures/wordpress/ (or any path)."""

    def run(name, **options):
        # The project's export has a newsroom's categories: most tests take
        # them as rubriques (the command's default, --sections none, has its
        # own tests).
        options.setdefault("sections", "all")
        path = name if isinstance(name, Path) else FIXTURES / name
        return import_wordpress(path=path, **options)

    return run


@pytest.fixture
def uploads_dir():
    """The uploads folder of the exports of tests/fixtures/wordpress/."""
    return FIXTURES / "uploads"
