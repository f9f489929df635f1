"""The demo loaded once per test class, or afresh; small pictures always."""

import datetime as dt
import functools

import pytest
import time_machine
from django.db import transaction
from django.utils import timezone

from demo import images, loader
from demo.loader import load_demo

# A Monday morning in Paris; the night-time rules of the loader are tested
# separately for every hour of the day.
NOW = timezone.make_aware(dt.datetime(2026, 3, 2, 9, 30))
ADMIN_PASSWORD = "un-mot-de-passe-de-test"


def use_small_pictures(monkeypatch):
    # Loader tests do not need full-size pictures: small ones are much faster.
    monkeypatch.setattr(
        loader, "abstract_jpeg", functools.partial(images.abstract_jpeg, size=(160, 90))
    )


@pytest.fixture(autouse=True)
def small_pictures(monkeypatch):
    use_small_pictures(monkeypatch)


@pytest.fixture
def clock(time_machine):
    time_machine.move_to(NOW, tick=False)
    return time_machine


@pytest.fixture(scope="class")
def loaded_once(django_db_setup, django_db_blocker):
    """The demo loaded once for a whole test class, and rolled back after it.

    Each test still runs in its own savepoint inside this transaction, so a
    test that changes something leaves the next one the demo as loaded.
    """
    with (
        django_db_blocker.unblock(),
        pytest.MonkeyPatch.context() as monkeypatch,
        time_machine.travel(NOW, tick=False),
        transaction.atomic(),
    ):
        use_small_pictures(monkeypatch)
        yield load_demo(admin_password=ADMIN_PASSWORD)
        transaction.set_rollback(True)


@pytest.fixture
def demo(loaded_once, db, clock):
    return loaded_once


@pytest.fixture
def fresh_demo(db, clock):
    """A load of its own, for tests that touch files or start from nothing."""
    return load_demo(admin_password=ADMIN_PASSWORD)


@pytest.fixture
def debug_on(settings):
    settings.DEBUG = True
