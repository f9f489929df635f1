"""The MIME form of a send's emails (newsletters/mime.py): what a reader's
mail client decodes is what Django's own message() would give, for a
fraction of its cost."""

import dataclasses
import email
import email.policy

import pytest
from django.core.mail import EmailMultiAlternatives

from newsletters import emails, mime, tokens

SMTP = email.policy.SMTP


@pytest.fixture
def rendered():
    """A send as rendered once per batch, its links still marks."""
    links = (
        f'<a href="{emails.UNSUBSCRIBE_MARK}">Se désabonner</a> · '
        f'<a href="{emails.PREFERENCES_MARK}">Gérer mes newsletters</a>'
    )
    return emails.Rendered(
        subject="La matinale du lundi 7 décembre",
        html=f'<!doctype html>\n<html lang="fr">\n<h1>Budget\u202f: adopté</h1>\n'
        f"<p>{links}</p>\n</html>\n",
        text="Budget\u202f: adopté\n--\n"
        f"Se désabonner\u202f: {emails.UNSUBSCRIBE_MARK}\n"
        f"Gérer mes newsletters\u202f: {emails.PREFERENCES_MARK}\n",
        newsletter_id=1,
        list_id_header="Économie <economie.testserver>",
    )


def read(data):
    """What a mail client reads (stored with its own line ends)."""
    return email.message_from_bytes(
        data.replace(b"\r\n", b"\n"), policy=email.policy.default
    )


def wire(mail):
    """``mail`` as the SMTP backend sends it, read back."""
    return read(mail.message(policy=SMTP).as_bytes())


def djangos(mail):
    """``mail`` as Django's own message() writes it, read back."""
    return read(EmailMultiAlternatives.message(mail, policy=SMTP).as_bytes())


def parts(message):
    return [
        (part.get_content_type(), part.get_content()) for part in message.iter_parts()
    ]


@pytest.mark.parametrize(
    "sender",
    [
        "News Day FR <noreply@localhost>",
        "Le Journal d’Île-de-France <lettres@exemple.fr>",
    ],
)
def test_an_email_reads_as_djangos_own_message_would(rendered, settings, sender):
    settings.NEWSLETTERS_FROM_EMAIL = sender
    mail = emails.message(rendered, subscriber_id=7, email="lecteur@example.fr")
    ours, django = wire(mail), djangos(mail)
    assert ours.get_boundary().startswith("=_newsday_")  # built here, not by Django
    for header in (
        "Subject",
        "From",
        "To",
        "List-Unsubscribe",
        "List-Unsubscribe-Post",
        "List-Id",
    ):
        assert ours[header] == django[header], header
    assert parts(ours) == parts(django)


def test_the_unsubscribe_header_is_a_plain_link_not_encoded_words(rendered):
    mail = emails.message(rendered, subscriber_id=7, email="lecteur@example.fr")
    raw = email.message_from_bytes(
        mail.message(policy=SMTP).as_bytes(), policy=email.policy.compat32
    )
    assert raw["List-Unsubscribe"].strip() == mail.extra_headers["List-Unsubscribe"]


def test_each_email_carries_its_own_subscribers_links(rendered):
    first, second = (
        wire(emails.message(rendered, subscriber_id=n, email=f"lecteur{n}@example.fr"))
        for n in (1, 2)
    )
    for n, message in ((1, first), (2, second)):
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        token = message["List-Unsubscribe"].split("/")[-2]
        assert tokens.read(tokens.UNSUBSCRIBE, token) == {"s": n, "l": 1}
        assert token in text
        assert token in html
        assert "/newsletters/preferences/" in text
    assert first["Message-ID"] != second["Message-ID"]


def test_an_address_django_must_encode_takes_djangos_way(rendered):
    mail = emails.message(rendered, subscriber_id=7, email="lecteur@exemple.côte.fr")
    message = wire(mail)
    assert message["To"] == "lecteur@exemple.xn--cte-kna.fr"
    assert not message.get_boundary().startswith("=_newsday_")


def test_a_changed_subject_is_the_one_sent(rendered):
    mail = emails.message(rendered, subscriber_id=0, email="redaction@example.fr")
    mail.subject = f"[Test] {mail.subject}"
    assert wire(mail)["Subject"] == "[Test] La matinale du lundi 7 décembre"


def test_bodies_go_8bit_and_a_line_over_998_octets_quoted_printable(rendered):
    long = dataclasses.replace(
        rendered, text=rendered.text + "é" * 600 + "\n", shared=mime.Shared()
    )
    short_mail = emails.message(rendered, subscriber_id=7, email="l@example.fr")
    long_mail = emails.message(long, subscriber_id=7, email="l@example.fr")
    assert wire(short_mail).get_body(("plain",))["Content-Transfer-Encoding"] == "8bit"
    plain = wire(long_mail).get_body(("plain",))
    assert plain["Content-Transfer-Encoding"] == "quoted-printable"
    assert plain.get_content().endswith("é" * 600 + "\n")
