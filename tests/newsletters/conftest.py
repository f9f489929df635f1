import socketserver
import threading
from importlib import import_module

import pytest
from django.core.mail import mailers
from django.utils import timezone

from newsletters.models import NewsletterList, Subscriber, Subscription


def migration_list(kind):
    """A list the app's migration creates, made again if a transactional
    test before this one flushed the database."""
    migration = import_module("newsletters.migrations.0002_lists_and_roles")
    for fields in migration.LISTS:
        NewsletterList.objects.get_or_create(slug=fields["slug"], defaults=fields)
    return NewsletterList.objects.get(kind=kind)


@pytest.fixture
def matinale(db):
    """Created by the app's migration, like « Alerte info »."""
    return migration_list(NewsletterList.Kind.DIGEST)


@pytest.fixture
def alert_list(db):
    return migration_list(NewsletterList.Kind.ALERT)


@pytest.fixture
def subscribe():
    """``subscribe(list, email)``: a confirmed subscriber of ``list``."""

    def make(newsletter, email="lecteur@example.fr", *, confirmed=True):
        subscriber, _ = Subscriber.objects.get_or_create(email=email)
        Subscription.objects.create(
            subscriber=subscriber,
            newsletter=newsletter,
            consent_text="J’accepte.",
            source_url="/newsletters/",
            confirmed_at=timezone.now() if confirmed else None,
        )
        return subscriber

    return make


class _SinkHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's backend; keeps each email's bytes."""

    def handle(self):
        self.wfile.write(b"220 sink ESMTP\r\n")
        recipients = []
        while line := self.rfile.readline():
            verb = line[:4].upper()
            if verb == b"RCPT":
                recipients.append(line.split(b":", 1)[1].strip(b" <>\r\n").decode())
            if verb == b"DATA":
                self.wfile.write(b"354 go\r\n")
                data = b""
                while (part := self.rfile.readline()) not in (b".\r\n", b""):
                    data += part
                self.server.received.append((recipients, data))
                recipients = []
                self.wfile.write(b"250 OK queued\r\n")
            elif verb == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:  # EHLO, MAIL, RCPT, RSET, NOOP
                self.wfile.write(b"250 OK\r\n")


@pytest.fixture
def smtp_sink(settings):
    """A local SMTP server: ``(mailer, received)``, ``received`` holding
    (envelope recipients, message bytes) for each email it accepted."""
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SinkHandler)
    server.daemon_threads = True
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.MAILERS = {
        **settings.MAILERS,
        "sink": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": server.server_address[1]},
        },
    }
    yield mailers["sink"], server.received
    server.shutdown()
    server.server_close()
