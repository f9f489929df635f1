"""The article admin: who sees which articles, the list, and the
related-article autocomplete."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from core.adminpages import admin_url
from tests.factories import (
    make_article,
    make_author,
    make_image,
    make_scheduled_article,
    make_user,
)

pytestmark = pytest.mark.django_db

T = timezone.make_aware(dt.datetime(2026, 6, 15, 9, 0))


def test_journalist_list_shows_only_their_own_articles(
    as_journalist, own_draft, others_draft
):
    response = as_journalist.get(reverse("admin:articles_article_changelist"))
    assert own_draft.title in response.text
    assert others_draft.title not in response.text


def test_journalist_cannot_open_another_journalists_draft(
    change_url, as_journalist, others_draft
):
    response = as_journalist.get(change_url(others_draft))
    assert response.status_code == 302
    assert others_draft.title not in response.text


def test_staff_without_a_role_cannot_see_articles(client, own_draft):
    client.force_login(make_user())
    response = client.get(reverse("admin:articles_article_changelist"))
    assert response.status_code == 403


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(admin_url(Article, "changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_article_changelist_search_finds_by_title(superuser_client, article):
    make_article(title="Autre chose")
    response = superuser_client.get(
        admin_url(Article, "changelist"), {"q": article.title}
    )
    assert list(response.context["cl"].result_list) == [article]


def test_admin_changelist_shows_overdue_events(admin_client):
    make_scheduled_article(T, title="Article en retard")
    with time_machine.travel(T + dt.timedelta(minutes=5), tick=False):
        response = admin_client.get("/admin/articles/article/")
    assert "en retard" in response.text
    assert "« Article en retard »" in response.text


# --- Related-article autocomplete ----------------------------------------------


def autocomplete(client, term):
    return client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "articles",
            "model_name": "relatedlink",
            "field_name": "target",
            "term": term,
        },
    )


def test_related_article_autocomplete_hides_other_peoples_drafts(
    as_journalist, others_draft
):
    response = autocomplete(as_journalist, "secret")
    assert response.status_code == 200
    assert response.json()["results"] == []


def test_related_article_autocomplete_offers_published_articles(as_journalist):
    published = make_article(title="Élection municipale à Lyon")
    response = autocomplete(as_journalist, "municipale")
    assert [r["id"] for r in response.json()["results"]] == [str(published.pk)]


# --- Query budgets ----------------------------------------------------------------


def test_article_list_queries_do_not_grow_with_the_number_of_articles(
    count_queries, as_editor
):

    url = reverse("admin:articles_article_changelist")
    make_article(authors=[make_author()], tags=["Un"])
    few = count_queries(as_editor, url)
    for _ in range(10):
        make_article(authors=[make_author(), make_author()], tags=["Deux"])
    assert count_queries(as_editor, url) <= few


def test_article_list_shows_hero_thumbnails_in_constant_queries(
    count_queries, as_editor
):

    url = reverse("admin:articles_article_changelist")
    make_article(hero_image=make_image())
    few = count_queries(as_editor, url)
    for _ in range(5):
        make_article(hero_image=make_image())
    assert count_queries(as_editor, url) <= few
    assert as_editor.get(url).content.count(b'class="image-thumbnail"') == 6


def test_a_sent_back_article_shows_renvoye_and_why_in_the_journalists_list(
    as_journalist, journalist
):
    from articles.services import article_send_back, article_submit
    from tests.factories import make_draft, make_editor

    article = make_draft(created_by=journalist, title="À revoir")
    article_submit(article=article, user=journalist, comment="")
    article_send_back(
        article=article, user=make_editor(), comment="Sources à citer, s’il te plaît."
    )
    response = as_journalist.get(reverse("admin:articles_article_changelist"))
    assert "status-sent_back" in response.text
    assert ">Renvoyé<" in response.text
    assert "Sources à citer, s’il te plaît." in response.text


def test_a_sent_back_article_resubmitted_is_no_longer_renvoye(
    as_journalist, journalist
):
    from articles.services import article_send_back, article_submit
    from tests.factories import make_draft, make_editor

    article = make_draft(created_by=journalist)
    article_submit(article=article, user=journalist, comment="")
    article_send_back(article=article, user=make_editor(), comment="Revoir.")
    article_submit(article=article, user=journalist, comment="C’est fait.")
    response = as_journalist.get(reverse("admin:articles_article_changelist"))
    assert ">Renvoyé<" not in response.text


def test_article_list_queries_are_the_same_for_n_and_2n_articles(
    count_queries, superuser_client
):
    from articles.services import article_send_back, article_submit
    from tests.factories import make_draft, make_editor

    def add_articles(n):
        for _ in range(n):
            make_article(
                authors=[make_author(), make_author()],
                tags=["Un", "Deux"],
                hero_image=make_image(),
            )
            sent_back = make_draft()
            article_submit(article=sent_back, user=make_editor(), comment="")
            article_send_back(article=sent_back, user=make_editor(), comment="Non.")

    url = reverse("admin:articles_article_changelist")
    add_articles(3)
    with_n = count_queries(superuser_client, url)
    add_articles(3)
    assert count_queries(superuser_client, url) == with_n


def test_signature_column_names_the_authors_in_byline_order(superuser_client):
    lea = make_author(name="Léa Fontaine")
    camille = make_author(name="Camille Roussel")
    make_article(authors=[lea, camille])
    response = superuser_client.get(reverse("admin:articles_article_changelist"))
    assert "Léa Fontaine, Camille Roussel" in response.text


def test_article_changelist_search_ignores_accents(superuser_client):
    article = make_article(title="La transition énergétique")
    make_article(title="Autre chose")
    response = superuser_client.get(
        admin_url(Article, "changelist"), {"q": "ENERGETIQUE"}
    )
    assert list(response.context["cl"].result_list) == [article]


def counts_of(client, url):
    """The COUNT statements of a warm request to ``url``."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]


def test_article_list_counts_the_articles_once(superuser_client):
    make_article()
    url = reverse("admin:articles_article_changelist")
    assert len(counts_of(superuser_client, url)) == 1


def test_article_list_never_counts_each_filters_choices(superuser_client):
    make_article()
    url = reverse("admin:articles_article_changelist") + "?_facets=True"
    assert len(counts_of(superuser_client, url)) == 1
