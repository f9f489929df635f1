"""« La matinale » and « Alerte info »: what they carry, when they start,
and that an alert goes once."""

import datetime as dt
import zoneinfo

import pytest
from django.core import mail
from django.utils import timezone

from articles.models import AuditEvent
from newsletters import contents, sending
from newsletters.models import PinnedArticle, Send
from tests.factories import make_article, make_draft, make_editor

pytestmark = pytest.mark.django_db
PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def test_the_matinale_is_programmed_at_seven_paris_time(matinale):
    now = dt.datetime(2026, 12, 7, 5, 0, tzinfo=PARIS)
    send = sending.matinale_prepare(now=now)
    assert send.scheduled_for == dt.datetime(2026, 12, 7, 7, 0, tzinfo=PARIS)
    assert send.subject == "La matinale du lundi 7 décembre"
    assert sending.matinale_prepare(now=now) == send  # once per day


def test_after_seven_the_next_matinale_is_tomorrows(matinale):
    send = sending.matinale_prepare(now=dt.datetime(2026, 12, 7, 8, 0, tzinfo=PARIS))
    assert send.edition == dt.date(2026, 12, 8)


def test_pinned_articles_come_first_then_the_top_stories(matinale):
    old = make_article(
        title="Épinglé", publish_at=timezone.now() - dt.timedelta(days=3)
    )
    PinnedArticle.objects.create(newsletter=matinale, article=old)
    featured = make_article(title="À la une", is_featured=True)
    latest = make_article(title="Dernier")
    make_draft(title="Brouillon")
    send = sending.matinale_prepare()
    assert contents.send_articles(send) == [old, featured, latest]


def test_starting_freezes_the_articles_and_uses_up_the_pins(
    matinale, django_capture_on_commit_callbacks
):
    article = make_article()
    pin = PinnedArticle.objects.create(newsletter=matinale, article=article)
    send = sending.matinale_prepare()
    with django_capture_on_commit_callbacks():
        assert sending.send_start(send=send)
    pin.refresh_from_db()
    assert pin.used_by == send
    assert list(send.articles.all()) == [article]


def test_a_cancelled_send_never_starts(matinale):
    send = sending.matinale_prepare()
    assert sending.send_cancel(send=send)
    assert not sending.send_start(send=send)
    assert Send.objects.get().state == Send.State.CANCELLED


def test_a_started_send_cannot_be_cancelled(
    matinale, django_capture_on_commit_callbacks
):
    send = sending.matinale_prepare()
    with django_capture_on_commit_callbacks():
        sending.send_start(send=send)
    assert not sending.send_cancel(send=send)


def test_due_sends_start(matinale, django_capture_on_commit_callbacks):
    send = sending.matinale_prepare(now=dt.datetime(2026, 12, 7, 5, 0, tzinfo=PARIS))
    with django_capture_on_commit_callbacks():
        assert (
            sending.sends_start_due(now=dt.datetime(2026, 12, 7, 6, 59, tzinfo=PARIS))
            == []
        )
        assert sending.sends_start_due(
            now=dt.datetime(2026, 12, 7, 7, 0, tzinfo=PARIS)
        ) == [send]


def test_the_alert_reaches_the_alert_list_at_once(
    alert_list, matinale, subscribe, django_capture_on_commit_callbacks
):
    subscribe(alert_list, "alerte@example.fr")
    subscribe(matinale, "matin@example.fr")
    article = make_article(title="Séisme au Japon", is_breaking=True)
    with django_capture_on_commit_callbacks(execute=True):
        send = sending.send_create_alert(article=article, user=make_editor())
    assert [message.to for message in mail.outbox] == [["alerte@example.fr"]]
    assert mail.outbox[0].subject == "Alerte info\u202f: Séisme au Japon"
    send.refresh_from_db()
    assert send.state == Send.State.DONE


def test_the_alert_goes_once_per_article(
    alert_list, django_capture_on_commit_callbacks
):
    article = make_article(is_breaking=True)
    with django_capture_on_commit_callbacks(execute=True):
        sending.send_create_alert(article=article, user=make_editor())
    with pytest.raises(sending.SendError, match="déjà été envoyée"):
        sending.send_create_alert(article=article, user=make_editor())
    assert Send.objects.filter(article=article).count() == 1


def test_the_alert_is_in_the_articles_audit_log(
    alert_list, django_capture_on_commit_callbacks
):
    article = make_article(is_breaking=True)
    editor = make_editor()
    with django_capture_on_commit_callbacks(execute=True):
        sending.send_create_alert(article=article, user=editor)
    event = AuditEvent.objects.get(article=article, action="newsletter_alert")
    assert event.get_action_display() == "Alerte info envoyée par e-mail"
    assert event.actor == editor


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"is_breaking": False}, "pas marqué"),
        (
            {"is_breaking": True, "publish_at": timezone.now() + dt.timedelta(hours=1)},
            "pas publié",
        ),
    ],
)
def test_only_a_published_breaking_article_has_an_alert(alert_list, fields, reason):
    article = make_article(**fields)
    with pytest.raises(sending.SendError, match=reason):
        sending.send_create_alert(article=article, user=make_editor())
    assert not Send.objects.exists()
