import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import ScheduledChange
from tests.factories import make_article, make_section
from website.cards import CompiledList

pytestmark = pytest.mark.django_db


def in_section(articles, key):
    return articles.filter(section=key)


def schedule_title(article, title, *, at):
    return ScheduledChange.objects.create(
        article=article, content={"title": title}, apply_at=at
    )


def test_a_list_slice_is_the_newest_live_articles_of_the_list():
    section = make_section()
    now = timezone.now()
    for n in range(3):
        make_article(
            section=section, title=f"N{n}", publish_at=now - dt.timedelta(hours=n)
        )
    make_article(title="Ailleurs")
    make_article(section=section, status="draft", publish_at=None, title="Brouillon")
    cards = CompiledList(in_section, section.pk)[0:2]
    assert [card.title for card in cards] == ["N0", "N1"]
    assert [card.title for card in CompiledList(in_section, section.pk)[2:4]] == ["N2"]


def test_cards_of_a_list_share_their_section_and_read_no_more():
    section = make_section(name="Sport")
    for _ in range(3):
        make_article(section=section)
    pages = CompiledList(in_section, section.pk)
    pages[0:21]  # compiled once
    with CaptureQueriesContext(connection) as queries:
        cards = pages[0:21]
        names = {card.section.name for card in cards}
    assert names == {"Sport"}
    assert len({id(card.section) for card in cards}) == 1
    assert len(queries) == 1


def test_a_card_shows_its_scheduled_version_from_its_second():
    section = make_section()
    article = make_article(section=section, title="Avant")
    at = timezone.now() + dt.timedelta(hours=1)
    schedule_title(article, "Après", at=at)
    before = CompiledList(in_section, section.pk, now=at - dt.timedelta(seconds=1))
    after = CompiledList(in_section, section.pk, now=at)
    assert [card.title for card in before[0:21]] == ["Avant"]
    assert [card.title for card in after[0:21]] == ["Après"]
