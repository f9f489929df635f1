"""Sending in batches: headers and both parts, resuming after a crash
without sending anyone twice or skipping anyone."""

import email
import email.policy
import multiprocessing
import os
import signal
import smtplib
from unittest import mock

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection
from django.db import connections as db_connections
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsletters import delivery, sending, tokens
from newsletters.models import Delivery, Send
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def started(matinale, subscribe, django_capture_on_commit_callbacks):
    """``started(n)``: a « Matinale » started for ``n`` subscribers, its
    batch jobs not yet run."""

    def start(count):
        for n in range(count):
            subscribe(matinale, f"lecteur{n}@example.fr")
        make_article(title="Budget : le texte adopté", is_featured=True)
        send = sending.matinale_prepare()
        send.scheduled_for = timezone.now()
        send.save()
        with django_capture_on_commit_callbacks(execute=False):
            assert sending.send_start(send=send)
        return send

    return start


class CrashingBackend(EmailBackend):
    """The SMTP server goes away after ``accept`` emails."""

    def __init__(self, accept, **kwargs):
        super().__init__(**kwargs)
        self.accept = accept

    def send_messages(self, messages):
        if self.accept == 0:
            raise smtplib.SMTPServerDisconnected("connexion perdue")
        self.accept -= 1
        return super().send_messages(messages)


def recipients():
    return sorted(message.to[0] for message in mail.outbox)


def test_each_email_has_both_parts_and_the_unsubscribe_headers(started):
    send = started(1)
    delivery.deliver_batch(send_id=send.pk)
    message = mail.outbox[0]
    assert message.subject.startswith("La matinale du ")
    assert "Budget" in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html"
    assert '<html lang="fr">' in html
    assert "Budget\u202f: le texte adopté" in html  # the site's typography
    assert message.extra_headers["List-Unsubscribe"].startswith(
        "<http://testserver/newsletters/desabonnement/"
    )
    assert (
        message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    )
    assert "/newsletters/preferences/" in message.body
    assert "/newsletters/preferences/" in html


def test_a_batch_sends_one_email_per_subscriber_and_marks_each_row(started):
    send = started(3)
    delivery.deliver_batch(send_id=send.pk)
    assert recipients() == [f"lecteur{n}@example.fr" for n in range(3)]
    assert not Delivery.objects.filter(state=Delivery.State.PENDING).exists()


def test_a_worker_killed_mid_send_resumes_without_duplicates_or_gaps(started):
    send = started(7)
    with pytest.raises(smtplib.SMTPServerDisconnected):
        delivery.deliver_batch(send_id=send.pk, connection=CrashingBackend(accept=3))
    assert len(mail.outbox) == 3
    assert Delivery.objects.filter(state=Delivery.State.SENT).count() == 3
    while delivery.deliver_batch(send_id=send.pk, batch_size=2).more:
        pass
    assert recipients() == [f"lecteur{n}@example.fr" for n in range(7)]
    send.refresh_from_db()
    assert (send.state, send.sent_count, send.failed_count) == (Send.State.DONE, 7, 0)


def test_rows_claimed_by_a_dead_worker_wait_for_the_claim_to_expire(started, settings):
    send = started(2)
    Delivery.objects.update(
        claimed_until=timezone.now() + timezone.timedelta(minutes=5)
    )
    assert delivery.deliver_batch(send_id=send.pk).sent == 0
    assert mail.outbox == []
    Delivery.objects.update(
        claimed_until=timezone.now() - timezone.timedelta(seconds=1)
    )
    assert delivery.deliver_batch(send_id=send.pk).sent == 2


def test_a_subscriber_who_left_during_the_send_is_not_mailed(started):
    send = started(2)
    Delivery.objects.get(
        subscriber__email="lecteur0@example.fr"
    ).subscriber.subscriptions.all().delete()
    delivery.deliver_batch(send_id=send.pk)
    assert recipients() == ["lecteur1@example.fr"]


def test_the_batch_job_runs_the_whole_send(
    matinale, subscribe, django_capture_on_commit_callbacks, settings
):
    settings.NEWSLETTERS_BATCH_SIZE = 2
    for n in range(5):
        subscribe(matinale, f"lecteur{n}@example.fr")
    make_article()
    send = sending.matinale_prepare()
    with django_capture_on_commit_callbacks(execute=True):
        sending.send_start(send=send)
    assert len(recipients()) == 5
    send.refresh_from_db()
    assert send.state == Send.State.DONE


def test_a_job_stalled_for_a_claims_length_is_found(started, settings):
    send = started(1)
    later = timezone.now() + timezone.timedelta(
        seconds=settings.NEWSLETTERS_CLAIM_SECONDS + 1
    )
    assert delivery.stalled_sends(now=later) == [send.pk]
    assert delivery.stalled_sends() == []


def test_a_batchs_queries_do_not_grow_with_its_emails(started, settings):
    settings.NEWSLETTERS_MARK_EVERY = 100
    send = started(51)
    delivery.deliver_batch(send_id=send.pk, batch_size=1)  # process caches warm
    counts = []
    for size in (10, 40):
        with CaptureQueriesContext(connection) as queries:
            assert delivery.deliver_batch(send_id=send.pk, batch_size=size).sent == size
        counts.append(len(queries))
    assert counts[0] == counts[1]


class WatchingBackend(EmailBackend):
    """Notes, as each email goes, how many rows are already marked sent."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.marked = []

    def send_messages(self, messages):
        self.marked.append(Delivery.objects.filter(state=Delivery.State.SENT).count())
        return super().send_messages(messages)


def test_each_row_is_marked_as_its_email_is_accepted(started):
    send = started(3)
    backend = WatchingBackend()
    delivery.deliver_batch(send_id=send.pk, connection=backend)
    assert backend.marked == [0, 1, 2]


def test_rows_are_marked_every_mark_every_emails(started, settings):
    settings.NEWSLETTERS_MARK_EVERY = 3
    send = started(7)
    backend = WatchingBackend()
    delivery.deliver_batch(send_id=send.pk, connection=backend)
    # A worker killed outright sends again at most the emails not yet marked.
    assert backend.marked == [0, 0, 0, 3, 3, 3, 6]
    assert Delivery.objects.filter(state=Delivery.State.SENT).count() == 7


def test_a_refused_address_is_marked_failed_with_the_servers_answer(started):
    send = started(3)
    delivery.deliver_batch(send_id=send.pk, connection=RefusingBackend())
    failed = Delivery.objects.get(state=Delivery.State.FAILED)
    assert failed.subscriber.email == "lecteur1@example.fr"
    assert failed.error.startswith("adresse refusée")
    assert recipients() == ["lecteur0@example.fr", "lecteur2@example.fr"]
    send.refresh_from_db()
    assert (send.sent_count, send.failed_count) == (2, 1)


class RefusingBackend(EmailBackend):
    """The server refuses lecteur1@example.fr."""

    def send_messages(self, messages):
        if messages[0].to == ["lecteur1@example.fr"]:
            raise smtplib.SMTPRecipientsRefused({"lecteur1@example.fr": (550, b"no")})
        return super().send_messages(messages)


def test_the_smtp_server_gets_each_subscriber_an_email_with_their_own_links(
    started, smtp_sink
):
    backend, received = smtp_sink
    send = started(3)
    delivery.deliver_batch(send_id=send.pk, connection=backend)
    assert sorted(envelope[0] for envelope, _ in received) == [
        f"lecteur{n}@example.fr" for n in range(3)
    ]
    for envelope, data in received:
        message = email.message_from_bytes(
            data.replace(b"\r\n", b"\n"), policy=email.policy.default
        )
        subscriber = Delivery.objects.get(subscriber__email=envelope[0]).subscriber
        assert message["To"] == envelope[0]
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        token = message["List-Unsubscribe"].split("/")[-2]
        assert tokens.read(tokens.UNSUBSCRIBE, token)["s"] == subscriber.pk
        html = message.get_body(("html",)).get_content()
        assert '<html lang="fr">' in html
        assert token in html
        assert token in message.get_body(("plain",)).get_content()


class DyingMailer:
    """A mailer whose worker is killed outright (SIGKILL: nothing of the
    batch's own clean-up runs) when it sends its ``accept + 1``th email."""

    def __init__(self, mailer, accept):
        self.mailer, self.accept = mailer, accept

    def open(self):
        return self.mailer.open()

    def close(self):
        return self.mailer.close()

    def send_messages(self, messages):
        if self.accept == 0:
            os.kill(os.getpid(), signal.SIGKILL)
        self.accept -= 1
        return self.mailer.send_messages(messages)


def deliver_and_die(send_id, mailer, accept):
    delivery.deliver_batch(send_id=send_id, connection=DyingMailer(mailer, accept))


# Forked beside the sink's thread: the child only uses its own database
# connection and a socket of its own, no lock that thread may hold.
@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded")
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("mark_every", "marked"), [(1, 30), (20, 20)])
def test_a_worker_killed_outright_sends_again_only_what_it_had_not_marked(
    matinale, subscribe, smtp_sink, monkeypatch, settings, mark_every, marked
):
    settings.NEWSLETTERS_MARK_EVERY = mark_every
    mailer, received = smtp_sink
    monkeypatch.setattr(sending, "send_batch", mock.Mock())  # no job runs
    everyone = [f"lecteur{n}@example.fr" for n in range(45)]
    for address in everyone:
        subscribe(matinale, address)
    make_article()
    send = sending.matinale_prepare()
    sending.send_start(send=send)
    db_connections.close_all()  # the worker opens its own
    worker = multiprocessing.get_context("fork").Process(
        target=deliver_and_die, args=(send.pk, mailer, 30)
    )
    worker.start()
    worker.join()
    assert worker.exitcode == -signal.SIGKILL
    assert Delivery.objects.filter(state=Delivery.State.SENT).count() == marked

    Delivery.objects.update(claimed_until=None)  # its claim expired
    while delivery.deliver_batch(send_id=send.pk, connection=mailer).more:
        pass
    addresses = [envelope[0] for envelope, _ in received]
    assert sorted(set(addresses)) == sorted(everyone)  # nobody skipped
    # Twice: only those accepted after the last marks (none by default).
    assert len(addresses) == 45 + (30 - marked)
