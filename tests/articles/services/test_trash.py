"""The trash: « Supprimer » moves an article there, off the site, restorable
with all it had for 30 days; then it is deleted for good, its log kept."""

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from articles.models import Article, AuditEvent, PreviewLink, Revision, ScheduledChange
from articles.revisions import article_snapshot
from articles.services import (
    WorkflowError,
    article_publish,
    article_revision_create,
    article_schedule,
    article_schedule_change,
    scheduled_events_run,
)
from articles.services.deletion import article_delete_for_good
from articles.services.trash import (
    TRASH_RETENTION,
    article_restore_from_trash,
    article_trash,
    trash_empty,
    trash_purge_expired,
)
from tests.factories import (
    make_article,
    make_author,
    make_draft,
    make_editor,
    make_journalist,
    make_related_link,
    make_scheduled_article,
    make_user,
)

pytestmark = pytest.mark.django_db

Status = Article.Status


@pytest.fixture
def admin_user(django_user_model):
    return django_user_model.objects.create_superuser("admin", "a@exemple.fr", "x")


def trashed(article, **kwargs):
    return article_trash(article=article, user=make_editor(), **kwargs)


# --- Moving to the trash ------------------------------------------------------------


def test_a_trashed_article_keeps_who_when_and_why(editor):
    article = make_article()
    article_trash(article=article, user=editor, reason="Doublon.")
    article.refresh_from_db()
    assert article.status == Status.TRASHED
    assert (article.trashed_by, article.trash_reason) == (editor, "Doublon.")
    assert article.trashed_at is not None


def test_a_trashed_article_leaves_the_site():
    article = trashed(make_article(), reason="Doublon.")
    assert not Article.objects.published().filter(pk=article.pk).exists()


def test_a_live_article_is_not_trashed_without_a_reason(editor):
    article = make_article()
    with pytest.raises(WorkflowError, match="Indiquez pourquoi"):
        article_trash(article=article, user=editor, reason="   ")
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED


def test_a_draft_is_trashed_without_a_reason(editor):
    article = article_trash(article=make_draft(), user=editor)
    assert article.status == Status.TRASHED


def test_a_journalist_cannot_trash_even_their_own_draft():
    journalist = make_journalist()
    article = make_draft(created_by=journalist)
    with pytest.raises(PermissionDenied):
        article_trash(article=article, user=journalist)


def test_trashing_is_logged_as_a_deletion_with_the_reason(editor):
    article = make_article(title="Article retiré")
    article_trash(article=article, user=editor, reason="Doublon.")
    event = AuditEvent.objects.get(article=article, action=AuditEvent.Action.DELETED)
    assert (event.actor, event.from_status, event.to_status) == (
        editor,
        Status.PUBLISHED,
        Status.TRASHED,
    )
    assert event.comment == "Mis à la corbeille\u00a0: Doublon."
    assert event.data["reason"] == "Doublon."


def test_an_article_cannot_be_trashed_twice():
    article = trashed(make_draft())
    with pytest.raises(WorkflowError, match="déjà dans la corbeille"):
        trashed(article)


def test_trashing_a_live_article_sends_the_unpublished_signal(
    received, django_capture_on_commit_callbacks
):
    article = make_article()
    with django_capture_on_commit_callbacks(execute=True):
        trashed(article, reason="Erreur.")
    assert ("unpublished", article.pk) in received


def test_a_trashed_scheduled_article_never_goes_live():
    later = timezone.now() + dt.timedelta(hours=1)
    article = trashed(make_scheduled_article(later))
    scheduled_events_run(now=later + dt.timedelta(minutes=1))
    article.refresh_from_db()
    assert article.status == Status.TRASHED


def test_trashing_cancels_pending_new_versions():
    article = make_article(title="Titre du matin")
    change = article_schedule_change(
        article=article,
        user=make_editor(),
        content=article_snapshot(article) | {"title": "Titre de midi"},
        apply_at=timezone.now() + dt.timedelta(hours=1),
    )
    trashed(article, reason="Erreur.")
    scheduled_events_run(now=timezone.now() + dt.timedelta(hours=2))
    change.refresh_from_db()
    article.refresh_from_db()
    assert change.state == ScheduledChange.State.CANCELLED
    assert article.title == "Titre du matin"


def test_trashing_revokes_preview_links():
    article = make_draft()
    link = PreviewLink.objects.create(
        article=article, expires_at=timezone.now() + dt.timedelta(hours=1)
    )
    trashed(article)
    link.refresh_from_db()
    assert link.revoked_at is not None


def test_a_trashed_article_cannot_be_published_without_restoring_it(editor):
    article = trashed(make_draft())
    with pytest.raises(WorkflowError, match="restaurez-le"):
        article_publish(article=article, user=editor)
    article.refresh_from_db()
    assert article.status == Status.TRASHED


def test_a_trashed_article_cannot_be_scheduled_without_restoring_it(editor):
    article = trashed(make_draft())
    with pytest.raises(WorkflowError, match="restaurez-le"):
        article_schedule(
            article=article,
            user=editor,
            publish_at=timezone.now() + dt.timedelta(hours=1),
        )


# --- Restoring ----------------------------------------------------------------------


def test_a_never_published_article_is_restored_as_a_draft(editor):
    article = trashed(make_draft())
    restored = article_restore_from_trash(article=article, user=editor)
    assert restored.status == Status.DRAFT


def test_a_published_article_is_restored_unpublished(editor):
    article = make_article(first_published_at=timezone.now())
    trashed(article, reason="Erreur.")
    restored = article_restore_from_trash(article=article, user=editor)
    assert restored.status == Status.UNPUBLISHED
    assert not Article.objects.published().filter(pk=article.pk).exists()


def test_an_article_live_by_its_schedule_alone_is_restored_unpublished(editor):
    # Live since publish_at, before run_scheduled wrote it down.
    article = make_scheduled_article(timezone.now() - dt.timedelta(minutes=1))
    trashed(article, reason="Erreur.")
    assert (
        article_restore_from_trash(article=article, user=editor).status
        == Status.UNPUBLISHED
    )


def test_restoring_keeps_revisions_tags_bylines_and_links(editor):
    author = make_author()
    article = make_draft(authors=[author], tags=["Climat"])
    make_related_link(article)
    article_revision_create(article=article, user=editor)
    trashed(article)
    restored = article_restore_from_trash(article=article, user=editor)
    assert list(restored.authors.all()) == [author]
    assert list(restored.tags.names()) == ["Climat"]
    assert restored.related_links.count() == 1
    assert restored.revisions.count() == 1


def test_restoring_clears_the_trash_fields_and_is_logged(editor):
    article = trashed(make_draft(), reason="Test.")
    article_restore_from_trash(article=article, user=editor)
    article.refresh_from_db()
    assert (article.trashed_at, article.trashed_by, article.trash_reason) == (
        None,
        None,
        "",
    )
    event = AuditEvent.objects.get(article=article, action=AuditEvent.Action.RESTORED)
    assert (event.from_status, event.to_status) == (Status.TRASHED, Status.DRAFT)


def test_only_a_trashed_article_is_restored(editor):
    with pytest.raises(WorkflowError, match="pas dans la corbeille"):
        article_restore_from_trash(article=make_draft(), user=editor)


def test_a_journalist_cannot_restore():
    article = trashed(make_draft())
    with pytest.raises(PermissionDenied):
        article_restore_from_trash(article=article, user=make_journalist())


# --- Deleting for good --------------------------------------------------------------


def test_an_administrator_deletes_a_trashed_article_for_good(admin_user):
    article = trashed(make_draft())
    article_revision_create(article=article, user=admin_user)
    article_delete_for_good(article=article, user=admin_user)
    assert not Article.objects.filter(pk=article.pk).exists()
    assert not Revision.objects.filter(article_id=article.pk).exists()


def test_an_editor_cannot_delete_for_good(editor):
    article = trashed(make_draft())
    with pytest.raises(PermissionDenied):
        article_delete_for_good(article=article, user=editor)


def test_an_administrator_group_member_who_is_not_superuser_cannot_delete_for_good():
    user = make_user("Administrateur")
    article = trashed(make_draft())
    with pytest.raises(PermissionDenied):
        article_delete_for_good(article=article, user=user)


def test_an_article_outside_the_trash_is_not_deleted_for_good(admin_user):
    article = make_draft()
    with pytest.raises(WorkflowError, match="corbeille"):
        article_delete_for_good(article=article, user=admin_user)
    assert Article.objects.filter(pk=article.pk).exists()


def test_deleting_for_good_keeps_the_log_and_the_address(admin_user):
    article = trashed(make_article(title="Article retiré"), reason="Erreur.")
    path = article.get_absolute_url()
    article_delete_for_good(article=article, user=admin_user)
    event = AuditEvent.objects.get(data__purged=True)
    assert (event.article, event.article_title, event.actor) == (
        None,
        "Article retiré",
        admin_user,
    )
    assert (event.data["path"], event.data["article_id"]) == (path, article.pk)


def test_emptying_the_trash_deletes_every_trashed_article(admin_user):
    kept = make_draft()
    for _ in range(2):
        trashed(make_draft())
    result = trash_empty(user=admin_user)
    assert result.deleted == 2
    assert list(Article.objects.all()) == [kept]


def test_only_an_administrator_empties_the_trash(editor):
    trashed(make_draft())
    with pytest.raises(PermissionDenied):
        trash_empty(user=editor)
    assert Article.objects.filter(status=Status.TRASHED).exists()


# --- The 30 days --------------------------------------------------------------------


def test_articles_trashed_30_days_ago_are_deleted_for_good():
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        old = trashed(make_draft())
    with time_machine.travel(start + dt.timedelta(days=10), tick=False):
        recent = trashed(make_draft())
    result = trash_purge_expired(now=start + TRASH_RETENTION)
    assert result.deleted == 1
    assert not Article.objects.filter(pk=old.pk).exists()
    assert Article.objects.filter(pk=recent.pk).exists()


def test_an_article_trashed_29_days_ago_stays():
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        article = trashed(make_draft())
    trash_purge_expired(now=start + dt.timedelta(days=29))
    assert Article.objects.filter(pk=article.pk).exists()


def test_the_automatic_deletion_is_logged_without_a_person():
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        trashed(make_draft(title="Vieux brouillon"))
    trash_purge_expired(now=start + TRASH_RETENTION)
    event = AuditEvent.objects.get(data__purged=True)
    assert event.actor is None
    assert "30\u00a0jours" in event.comment
