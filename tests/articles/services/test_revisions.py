"""Revisions: what a save through the admin keeps, and an old one made
current again."""

import pytest
from django.urls import reverse

from articles.models import Article, AuditEvent, Autosave, Revision
from articles.services import article_restore_revision, article_revision_create
from tests.factories import make_article, make_image
from tests.forms import form_data

pytestmark = pytest.mark.django_db


def test_saving_in_the_admin_stores_a_revision_with_who(
    save_in_admin, as_editor, editor
):
    article = make_article()
    save_in_admin(as_editor, article, title="Titre modifié")
    revision = article.revisions.first()
    assert (revision.number, revision.created_by, revision.content["title"]) == (
        2,
        editor,
        "Titre modifié",
    )


def test_saving_without_changes_adds_no_revision(save_in_admin, as_editor):
    article = make_article()
    save_in_admin(as_editor, article, title="Un")
    save_in_admin(as_editor, article)
    assert article.revisions.count() == 2


def test_creating_an_article_in_the_admin_stores_revision_one(as_editor):
    section = make_article().section
    data = form_data(as_editor.get(reverse("admin:articles_article_add"))) | {
        "title": "Tout nouveau",
        "slug": "tout-nouveau",
        "section": str(section.pk),
        "body": "<p>Texte.</p>",
    }
    as_editor.post(reverse("admin:articles_article_add"), data)
    article = Article.objects.get(slug="tout-nouveau")
    assert article.revisions.get().number == 1
    assert AuditEvent.objects.filter(article=article, action="created").exists()


def test_saving_the_article_clears_the_users_autosave(save_in_admin, as_editor, editor):
    article = make_article()
    as_editor.post(
        reverse("admin:articles_article_autosave", args=[article.pk]),
        {"title": "Brouillon"},
    )
    save_in_admin(as_editor, article, title="Enregistré")
    assert not Autosave.objects.filter(user=editor).exists()


# --- Restore ------------------------------------------------------------------------------


def test_restore_creates_a_new_revision_with_the_old_content(editor):
    article = make_article(title="Version une", tags=["Un"])
    article_revision_create(article=article, user=editor)
    article.title = "Version deux"
    article.save()
    article.tags.set(["Deux"])
    article_revision_create(article=article, user=editor)

    new = article_restore_revision(
        article=article, user=editor, revision=article.revisions.get(number=1)
    )
    article.refresh_from_db()
    assert (new.number, article.title, [t.name for t in article.tags.all()]) == (
        3,
        "Version une",
        ["Un"],
    )
    assert list(article.revisions.values_list("number", flat=True)) == [3, 2, 1]


def test_restoring_keeps_the_address_of_a_published_article(editor):
    article = make_article(slug="adresse-d-origine", first_published_at=None)
    article_revision_create(article=article, user=editor)
    article.slug = "adresse-actuelle"
    article.first_published_at = article.publish_at
    article.save()
    article_restore_revision(
        article=article, user=editor, revision=article.revisions.get(number=1)
    )
    article.refresh_from_db()
    assert article.slug == "adresse-actuelle"


def test_revisions_are_never_changed_by_a_restore(editor):
    article = make_article(title="Un")
    first = article_revision_create(article=article, user=editor)
    article.title = "Deux"
    article.save()
    article_revision_create(article=article, user=editor)
    article_restore_revision(article=article, user=editor, revision=first)
    assert Revision.objects.get(pk=first.pk).content == first.content


def test_restoring_puts_back_the_hero_image_of_the_revision(editor):

    image = make_image(title="Manifestation à Lyon")
    article = make_article(hero_image=image, hero_caption="Le cortège")
    first = article_revision_create(article=article, user=editor)
    article.hero_image = None
    article.hero_caption = ""
    article.save()
    article_revision_create(article=article, user=editor)
    article_restore_revision(article=article, user=editor, revision=first)
    article.refresh_from_db()
    assert (article.hero_image, article.hero_caption) == (image, "Le cortège")
