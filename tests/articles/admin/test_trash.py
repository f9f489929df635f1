"""The « Corbeille » page: the trashed articles, « Restaurer », and for
administrators « Supprimer définitivement » and « Vider la corbeille »."""

import datetime as dt

import pytest
from django.utils import timezone

from articles.admin.trash import days_left
from articles.models import Article
from articles.services.trash import article_trash
from core.adminpages import admin_url
from tests.factories import make_article, make_draft, make_editor

pytestmark = pytest.mark.django_db

Status = Article.Status


def trashed(article, reason=""):
    article_trash(article=article, user=make_editor(), reason=reason)
    article.refresh_from_db()
    return article


def test_the_trash_lists_what_was_deleted_with_who_why_and_days_left(as_editor):
    article = trashed(make_article(title="Article retiré"), reason="Doublon.")
    page = as_editor.get(admin_url(Article, "trash"))
    assert "Article retiré" in page.text
    assert "Doublon." in page.text
    assert article.section.name in page.text
    assert "30\u00a0jours" in page.text


@pytest.mark.parametrize(
    ("elapsed", "shown"),
    [
        (dt.timedelta(0), "30\u00a0jours"),
        (dt.timedelta(days=28, hours=1), "2\u00a0jours"),
        (dt.timedelta(days=29, hours=1), "1\u00a0jour"),
        (dt.timedelta(days=30, minutes=5), "aujourd’hui"),
    ],
)
def test_days_left_count_down_from_30(elapsed, shown):
    article = trashed(make_draft())
    assert days_left(article, article.trashed_at + elapsed) == shown


def test_the_trash_costs_the_same_queries_for_many_articles(
    as_editor, django_assert_max_num_queries
):
    for _ in range(5):
        trashed(make_draft())
    as_editor.get(admin_url(Article, "trash"))
    # Session, user, permissions, count, the page's rows (section and person
    # joined): none per row.
    with django_assert_max_num_queries(8):
        as_editor.get(admin_url(Article, "trash"))


def test_the_main_list_leaves_trashed_articles_out(as_editor):
    trashed(make_draft(title="Brouillon jeté"))
    page = as_editor.get(admin_url(Article, "changelist"))
    assert "Brouillon jeté" not in page.text


def test_the_main_list_offers_no_trash_status_filter(as_editor):
    make_draft()
    page = as_editor.get(admin_url(Article, "changelist"))
    assert "status__exact=draft" in page.text
    assert "status__exact=trashed" not in page.text


def test_the_main_list_links_to_the_trash(as_editor):
    page = as_editor.get(admin_url(Article, "changelist"))
    assert admin_url(Article, "trash") in page.text


def test_a_trashed_articles_edit_page_sends_to_the_trash(as_editor):
    article = trashed(make_draft())
    response = as_editor.get(admin_url(Article, "change", article.pk), follow=True)
    assert response.redirect_chain[-1][0] == admin_url(Article, "trash")
    assert "restaurez-le pour le modifier" in response.text


def test_a_journalist_has_no_trash(as_journalist):
    assert as_journalist.get(admin_url(Article, "trash")).status_code == 403


def test_restoring_brings_back_a_draft_and_says_so(as_editor):
    article = trashed(make_draft(title="Brouillon"))
    response = as_editor.post(
        admin_url(Article, "trash_restore", article.pk), follow=True
    )
    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert "restauré comme brouillon\u00a0; publiez-le" in response.text


def test_restoring_a_published_article_leaves_it_offline(as_editor):
    article = trashed(make_article(first_published_at=timezone.now()), reason="Erreur.")
    as_editor.post(admin_url(Article, "trash_restore", article.pk))
    article.refresh_from_db()
    assert article.status == Status.UNPUBLISHED


def test_restoring_needs_a_post(as_editor):
    article = trashed(make_draft())
    as_editor.get(admin_url(Article, "trash_restore", article.pk))
    article.refresh_from_db()
    assert article.status == Status.TRASHED


def test_an_editor_sees_no_permanent_deletion(as_editor):
    trashed(make_draft())
    page = as_editor.get(admin_url(Article, "trash"))
    assert "Supprimer définitivement" not in page.text
    assert "Vider la corbeille" not in page.text


def test_an_editor_cannot_delete_for_good(as_editor):
    article = trashed(make_draft())
    response = as_editor.post(admin_url(Article, "trash_delete", article.pk))
    assert response.status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_an_administrator_deletes_for_good_once_confirmed(superuser_client):
    article = trashed(make_draft(title="Brouillon jeté"))
    url = admin_url(Article, "trash_delete", article.pk)
    page = superuser_client.get(url)
    assert "Brouillon jeté" in page.text
    assert Article.objects.filter(pk=article.pk).exists()
    superuser_client.post(url)
    assert not Article.objects.filter(pk=article.pk).exists()


def test_an_administrator_empties_the_trash(superuser_client):
    for _ in range(2):
        trashed(make_draft())
    kept = make_draft()
    response = superuser_client.post(admin_url(Article, "trash_empty"), follow=True)
    assert list(Article.objects.all()) == [kept]
    assert "2\u00a0article(s) supprimé(s) définitivement" in response.text


def test_an_editor_cannot_empty_the_trash(as_editor):
    trashed(make_draft())
    response = as_editor.post(admin_url(Article, "trash_empty"))
    assert response.status_code == 403
    assert Article.objects.filter(status=Status.TRASHED).exists()
