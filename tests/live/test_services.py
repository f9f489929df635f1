import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from articles.models import Article, AuditEvent
from articles.services.checks import WorkflowError
from live import services
from live.models import LiveEntry
from tests.factories import make_article, make_image, make_journalist

pytestmark = pytest.mark.django_db


def test_two_journalists_post_in_the_same_live_without_conflict(live, journalist):
    other = make_journalist()
    first = services.entry_post(article=live, user=journalist, body="<p>Un</p>")
    second = services.entry_post(article=live, user=other, body="<p>Deux</p>")
    assert list(LiveEntry.objects.filter(article=live)) == [second, first]
    assert first.author == journalist.author
    assert second.author == other.author


def test_an_entry_goes_online_at_once_by_default(live, journalist):
    entry = services.entry_post(article=live, user=journalist, body="<p>Vite</p>")
    assert LiveEntry.objects.published().filter(pk=entry.pk).exists()


def test_an_entry_keeps_no_intertitle_nor_script(live, journalist):
    entry = services.entry_post(
        article=live,
        user=journalist,
        body="<h2>Titre</h2><p><strong>Gras</strong><script>x()</script></p>",
    )
    entry.refresh_from_db()
    assert entry.body == "Titre<p><strong>Gras</strong></p>"


def test_an_empty_entry_is_refused_in_french(live, journalist):
    with pytest.raises(ValidationError, match="Une entrée vide"):
        services.entry_post(article=live, user=journalist, body="<p></p>")


def test_an_entry_with_only_a_photo_is_accepted(live, journalist, media_root):
    entry = services.entry_post(article=live, user=journalist, image=make_image())
    assert entry.pk


def test_an_entry_cannot_link_to_an_article_and_a_page_at_once(live, journalist):
    with pytest.raises(ValidationError, match="Un lien à la fois"):
        services.entry_post(
            article=live,
            user=journalist,
            body="<p>Lien</p>",
            link_article=make_article(),
            link_url="https://exemple.fr/",
        )


def test_no_entry_can_be_posted_in_an_ordinary_article(journalist):
    with pytest.raises(PermissionDenied):
        services.entry_post(article=make_article(), user=journalist, body="<p>Non</p>")


def test_a_journalist_edits_their_own_entry_and_it_reads_as_edited(
    live, journalist, entry_of
):
    entry = entry_of(journalist)
    services.entry_edit(entry=entry, user=journalist, body="<p>Corrigé</p>")
    entry.refresh_from_db()
    assert entry.body == "<p>Corrigé</p>"
    assert entry.edited_at is not None
    assert entry.edited_by == journalist


def test_a_journalist_cannot_delete_another_journalists_entry(
    live, journalist, entry_of
):
    entry = entry_of(make_journalist())
    with pytest.raises(PermissionDenied):
        services.entry_delete(entry=entry, user=journalist)
    entry.refresh_from_db()
    assert entry.deleted_at is None


def test_a_journalist_cannot_edit_another_journalists_entry(live, journalist, entry_of):
    entry = entry_of(make_journalist())
    with pytest.raises(PermissionDenied):
        services.entry_edit(entry=entry, user=journalist, body="<p>Non</p>")


def test_an_editor_deletes_anyones_entry_and_the_log_keeps_who_and_when(
    live, editor, journalist, entry_of
):
    entry = entry_of(journalist, title="Fausse alerte")
    services.entry_delete(entry=entry, user=editor)
    entry.refresh_from_db()
    assert entry.deleted_by == editor
    assert entry.deleted_at is not None
    assert not LiveEntry.objects.published().filter(pk=entry.pk).exists()
    event = AuditEvent.objects.get(article=live, data__live_entry=entry.pk)
    assert event.actor == editor
    assert "« Fausse alerte »" in event.comment


def test_a_deleted_entry_cannot_be_edited(live, journalist, entry_of):
    entry = entry_of(journalist)
    services.entry_delete(entry=entry, user=journalist)
    with pytest.raises(WorkflowError):
        services.entry_edit(entry=entry, user=journalist, body="<p>Encore</p>")


def test_promoting_an_entry_makes_a_draft_that_links_back_to_the_live(
    live, journalist, entry_of
):
    entry = entry_of(
        journalist, title="Le pont de Brest fermé", body="<p>Le pont est fermé.</p>"
    )
    article = services.entry_promote(entry=entry, user=journalist)
    assert article.status == Article.Status.DRAFT
    assert article.format == Article.Format.ARTICLE
    assert article.title == "Le pont de Brest fermé"
    assert article.body == "<p>Le pont est fermé.</p>"
    assert article.section == live.section
    assert [link.target for link in article.related_links.all()] == [live]
    assert [byline.author for byline in article.bylines.all()] == [journalist.author]
    entry.refresh_from_db()
    assert entry.link_article == article


def test_only_an_editor_updates_the_summary_of_a_published_live(
    live, journalist, editor
):
    with pytest.raises(PermissionDenied):
        services.live_summary_update(article=live, user=journalist, summary="Non")
    coverage = services.live_summary_update(
        article=live, user=editor, summary="- Un point\n\n- Un autre\n"
    )
    assert coverage.summary_points == ["Un point", "Un autre"]


def test_closing_a_live_records_its_end(live, editor):
    at = timezone.now() - dt.timedelta(minutes=1)
    coverage = services.live_close(article=live, user=editor, at=at)
    assert coverage.closed_at == at
    assert not coverage.is_running
    with pytest.raises(WorkflowError):
        services.live_close(article=live, user=editor)
    assert services.live_reopen(article=live, user=editor).is_running
