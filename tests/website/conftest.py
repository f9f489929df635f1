"""Fixtures the reader-site tests share."""

import datetime as dt

import pytest
from django.utils import timezone

from tests.factories import make_live, make_section


@pytest.fixture
def live():
    return make_live(
        title="Tempête : suivez la situation en direct",
        slug="tempete-en-direct",
        section=make_section(name="Société", slug="societe"),
        publish_at=timezone.now() - dt.timedelta(minutes=30),
    )
