import datetime as dt

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_related_link, make_section
from website import queries
from website.queries import READ_ALSO_FIELDS


def test_read_also_fields_follow_the_model_field_order_as_from_db_needs():
    in_model_order = [
        field.attname
        for field in Article._meta.concrete_fields
        if field.attname in READ_ALSO_FIELDS
    ]
    assert list(READ_ALSO_FIELDS) == in_model_order


@pytest.mark.django_db
def test_suggestions_never_offer_the_article_itself_nor_a_linked_one_twice(client):
    section = make_section()
    now = timezone.now()
    article = make_article(section=section, tags=["Climat"], title="Le sujet du jour")
    chosen = make_article(
        section=section, tags=["Climat"], publish_at=now - dt.timedelta(hours=1)
    )
    make_related_link(article, target=chosen)
    for n in range(6):
        make_article(
            section=section,
            tags=["Climat"],
            title=f"Suggestion {n}",
            publish_at=now - dt.timedelta(days=1, hours=n),
        )
    article = queries.with_lists(Article.objects, *queries.ALL_LISTS).get(pk=article.pk)
    links, suggestions = queries.read_also(
        article, tag_ids=[t.pk for t in article.tags.all()], limit=4
    )
    assert [link.target for link in links] == [chosen]
    assert article not in suggestions
    assert chosen not in suggestions
    assert [s.title for s in suggestions] == [
        "Suggestion 0",
        "Suggestion 1",
        "Suggestion 2",
    ]
