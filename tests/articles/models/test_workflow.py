"""The editorial workflow's records: revisions, scheduled changes, the audit
log, preview links, presence and autosaves."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from articles.services import preview_link_create

pytestmark = pytest.mark.django_db


def test_a_link_keeps_one_address(editor, draft):
    link = preview_link_create(article=draft, user=editor)
    first = link.full_url()
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=5)):
        assert link.full_url() == first
