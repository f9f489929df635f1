import datetime as dt

import pytest
from django.utils import timezone

from articles.services import WorkflowError
from articles.services.transitions import article_publish, article_schedule
from tests.factories import make_section
from wires.models import WireItem
from wires.services import wire_item_reprise

pytestmark = pytest.mark.django_db


@pytest.fixture
def embargoed_article(journalist):
    item = WireItem.objects.create(
        guid="urn:embargo",
        format="g2",
        agency="AFP",
        headline="Résultats sous embargo",
        body_html="<p>Chapô.</p><p>Texte.</p>",
        embargoed=timezone.now() + dt.timedelta(hours=2),
    )
    article = wire_item_reprise(item=item, user=journalist, section=make_section())
    return article, item


def test_publishing_before_the_embargo_is_refused_in_french(embargoed_article, editor):
    article, _ = embargoed_article
    with pytest.raises(WorkflowError, match="sous embargo jusqu’au"):
        article_publish(article=article, user=editor)


def test_scheduling_after_the_embargo_is_allowed(embargoed_article, editor):
    article, item = embargoed_article
    article_schedule(
        article=article,
        user=editor,
        publish_at=item.embargoed + dt.timedelta(minutes=1),
    )
    article.refresh_from_db()
    assert article.status == "scheduled"


def test_scheduling_before_the_embargo_is_refused(embargoed_article, editor):
    article, item = embargoed_article
    with pytest.raises(WorkflowError, match="embargo"):
        article_schedule(
            article=article,
            user=editor,
            publish_at=item.embargoed - dt.timedelta(minutes=1),
        )


def test_once_the_embargo_is_over_the_article_may_go_live(embargoed_article, editor):
    article, item = embargoed_article
    WireItem.objects.filter(pk=item.pk).update(
        embargoed=timezone.now() - dt.timedelta(1)
    )
    article_publish(article=article, user=editor)
    article.refresh_from_db()
    assert article.status == "published"
