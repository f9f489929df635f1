from pathlib import Path

import pytest

from importers.wordpress import import_wordpress

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "wordpress"


@pytest.fixture
def fixture_path():
    return lambda name: FIXTURES / name


@pytest.fixture
def run_import():
    """Import a fixture of tests/fixtures/wordpress/ (or any path)."""

    def run(name, **options):
        path = name if isinstance(name, Path) else FIXTURES / name
        return import_wordpress(path=path, **options)

    return run


@pytest.fixture
def uploads_dir():
    return FIXTURES / "uploads"
