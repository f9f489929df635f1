import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from images.models import RENDITION_LIST
from images.renditions import SPECS, rendition_get_or_create
from tests.factories import make_article, make_image, make_section
from website.front_page import front_page

pytestmark = pytest.mark.django_db


def page(sections, **counts):
    return front_page(
        [s.pk for s in sections],
        **({"featured": 2, "latest": 2, "per_section": 2} | counts),
    )


def test_no_article_is_shown_twice_on_the_home_page():
    sections = [make_section(), make_section()]
    now = timezone.now()
    for n in range(10):
        make_article(
            section=sections[n % 2],
            is_featured=n < 3,
            publish_at=now - dt.timedelta(hours=n),
        )
    front = page(sections)
    shown = [a.pk for a in front.featured + front.latest + front.by_section]
    # 2 featured, 2 latest, 2 in each section: 8 of the 10, none twice.
    assert len(shown) == len(set(shown)) == 8
    assert all(a.is_featured for a in front.featured)


def test_the_banner_holds_a_breaking_article_only_within_its_window(settings):
    settings.BREAKING_NEWS_HOURS = 6
    section = make_section()
    now = timezone.now()
    make_article(
        section=section, is_breaking=True, publish_at=now - dt.timedelta(hours=7)
    )
    assert page([section]).breaking is None
    recent = make_article(
        section=section, is_breaking=True, publish_at=now - dt.timedelta(hours=1)
    )
    assert page([section]).breaking.pk == recent.pk


def test_featured_hero_images_come_with_their_renditions_in_two_queries():
    section = make_section()

    def with_hero():
        image = make_image()
        rendition_get_or_create(image=image, spec=SPECS["w320.webp"])
        return make_article(section=section, is_featured=True, hero_image=image)

    with_hero()
    page([section])  # compiled once
    with CaptureQueriesContext(connection) as one:
        page([section])
    with_hero()
    with CaptureQueriesContext(connection) as two:
        front = page([section])
    assert len(one) == len(two)
    for article in front.featured:
        renditions = getattr(article.hero_image, RENDITION_LIST)
        assert [r.spec for r in renditions] == ["w320.webp"]
