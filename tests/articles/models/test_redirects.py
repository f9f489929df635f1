"""Old addresses of articles, kept when an address changes."""

import pytest

from articles.models import ArticleRedirect
from tests.factories import make_article, make_draft, make_section

pytestmark = pytest.mark.django_db


def save_keeping_old_url(article, **changes):
    with ArticleRedirect.objects.keeping_old_url(article):
        for name, value in changes.items():
            setattr(article, name, value)
        article.save()


def test_a_published_article_given_a_new_address_keeps_the_old_one():
    article = make_article(slug="avant")
    old_path = article.get_absolute_url()
    save_keeping_old_url(article, slug="apres", section=make_section())
    redirect = ArticleRedirect.objects.get()
    assert (redirect.old_path, redirect.article) == (old_path, article)
    assert article.get_absolute_url() != old_path


def test_a_draft_had_no_address_readers_could_keep():
    draft = make_draft(slug="avant")
    save_keeping_old_url(draft, slug="apres")
    assert not ArticleRedirect.objects.exists()


def test_a_save_that_keeps_the_address_records_nothing():
    article = make_article()
    save_keeping_old_url(article, title="Un autre titre")
    assert not ArticleRedirect.objects.exists()


def test_an_old_address_once_used_by_another_article_leads_to_the_last_one():
    first, second = make_article(), make_article()
    ArticleRedirect.objects.record(article=first, old_path="/ancienne-adresse/")
    ArticleRedirect.objects.record(article=second, old_path="/ancienne-adresse/")
    assert ArticleRedirect.objects.get().article == second
