"""The MIME form of a send's emails, built with Python's legacy email API.

Django's SMTP backend asks every email for its MIME form (``message()``).
Django 6 builds it with Python's modern email API, which parses every header
into a structured object and parses and refolds it again on output: about
4 ms for one of our emails, more than everything else a send does per
subscriber put together. The legacy API (``email.mime``, what Django itself
used until 5.2) keeps headers as the strings it is given: the same email,
built and written, in about 0.6 ms (links signed included). What a batch's emails share (subject, sender, list headers) is
encoded once, by Django's own ``message()`` on the batch's first email, so
it reads exactly as Django writes it; per email only the address, the date,
the Message-ID, the unsubscribe header and the bodies (their links) are new.
Figures in docs/newsletters.md (« Speed ») and docs/benchmarks.md.

The message is a legacy ``email.message.Message`` (as Django returned until
5.2): backends write it (``as_bytes()``) or rework its parts (Amazon SES
through django-anymail), which both APIs allow.

Anything this does not write exactly as Django would (an address to be
quoted or encoded, a header with a line break, a changed subject, a policy
that is not one of Python's ``EmailPolicy``) makes :func:`build` answer
``None``, and that email takes Django's own way.
"""

import datetime as dt
import email.policy
import re
import secrets
from email.charset import QP, Charset
from email.message import Message
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, make_msgid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.utils import DNS_NAME
from django.utils import timezone

# A plain address (dot-atom, ASCII): written as it is in the To header, as
# Django writes it. Anything else (quoted local part, non-ASCII) goes
# Django's way.
_ATEXT = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
PLAIN_ADDRESS = re.compile(
    rf"{_ATEXT}(?:\.{_ATEXT})*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
)
# Headers the whole batch shares, taken encoded from Django's own message().
SHARED_HEADERS = ("Subject", "From", "List-Id", "List-Unsubscribe-Post")

# Bodies go 8bit (what Django writes for short lines, and what it wrote for
# every line until 5.2); a line over SMTP's 998 octets goes quoted-printable
# instead, as Django 5.2 did.
_EIGHT_BIT = Charset("utf-8")
_EIGHT_BIT.body_encoding = None
_QUOTED_PRINTABLE = Charset("utf-8")
_QUOTED_PRINTABLE.body_encoding = QP
MAX_LINE_OCTETS = 998


class Shared:
    """What a batch's emails have in common, encoded once per policy."""

    def __init__(self):
        self._by_policy = {}
        # One boundary for the batch: generating one per email compiles a
        # regular expression each time. Checked against each email's bodies.
        self.boundary = f"=_newsday_{secrets.token_hex(16)}"

    def encoded(self, mail, policy) -> tuple | None:
        """(the legacy policy, {header: encoded value}, the values they were
        encoded from), from Django's message() of the batch's first email."""
        # The policy is kept with its entry, so that its id is not reused.
        cached = self._by_policy.get(id(policy))
        if cached is None or cached[0] is not policy:
            cached = self._by_policy[id(policy)] = (
                policy,
                _encode_shared(mail, policy),
            )
        return cached[1]


def _encode_shared(mail, policy) -> tuple | None:
    if not isinstance(policy, email.policy.EmailPolicy) or policy.utf8:
        return None
    django_message = EmailMultiAlternatives.message(mail, policy=policy)
    headers = {}
    for name in SHARED_HEADERS:
        header = django_message[name]
        if header is None:
            continue
        folded = policy.fold(name, header).split(":", 1)[1]
        # Unfolded: the legacy API folds again (at spaces only) for its lines.
        headers[name] = "".join(folded.splitlines()).strip()
        if not headers[name].isascii():
            return None
    # Headers on one line each, up to SMTP's limit: the shared ones are
    # already encoded in words of the right size, and a folded unsubscribe
    # link would read with a leading space.
    legacy = email.policy.compat32.clone(
        linesep=policy.linesep, max_line_length=MAX_LINE_OCTETS
    )
    sources = {
        "Subject": str(mail.subject),
        "From": str(mail.extra_headers.get("From", mail.from_email)),
        "List-Id": mail.extra_headers.get("List-Id"),
        "List-Unsubscribe-Post": mail.extra_headers.get("List-Unsubscribe-Post"),
    }
    return legacy, headers, sources


def build(mail, shared: Shared, policy) -> Message | None:
    """The MIME form of ``mail`` (a NewsletterEmail), or ``None`` where only
    Django's own way writes it right."""
    encoded = shared.encoded(mail, policy)
    if encoded is None or mail.cc or mail.reply_to or mail.attachments:
        return None
    legacy, headers, sources = encoded
    if (
        len(mail.to) != 1
        or len(mail.to[0]) > 70  # longer would need folding
        or not PLAIN_ADDRESS.fullmatch(mail.to[0])
        or str(mail.subject) != sources["Subject"]
        or str(mail.extra_headers.get("From", mail.from_email)) != sources["From"]
        or len(mail.alternatives) != 1
        or mail.alternatives[0].mimetype != "text/html"
    ):
        return None
    html = mail.alternatives[0].content
    if shared.boundary in mail.body or shared.boundary in html:
        return None

    message = MIMEMultipart("alternative", boundary=shared.boundary, policy=legacy)
    message["Subject"] = headers["Subject"]
    message["From"] = headers["From"]
    message["To"] = mail.to[0]
    tz = timezone.get_current_timezone() if settings.EMAIL_USE_LOCALTIME else dt.UTC
    message["Date"] = format_datetime(dt.datetime.now(tz))
    message["Message-ID"] = make_msgid(domain=DNS_NAME)
    for name, value in mail.extra_headers.items():
        if name in ("From", "Date", "Message-ID"):
            return None  # set above; Django's way for anything unusual
        if name in headers and value == sources[name]:
            message[name] = headers[name]
        elif isinstance(value, str) and value.isascii() and _one_line(value):
            message[name] = value
        else:
            return None
    message.attach(MIMEText(mail.body, "plain", _charset(mail.body), policy=legacy))
    message.attach(MIMEText(html, "html", _charset(html), policy=legacy))
    return message


def _one_line(value: str) -> bool:
    return "\n" not in value and "\r" not in value


def _charset(body: str) -> Charset:
    long_lines = any(
        len(line.encode()) > MAX_LINE_OCTETS
        for line in body.splitlines()
        if len(line) > MAX_LINE_OCTETS // 4
    )
    return _QUOTED_PRINTABLE if long_lines else _EIGHT_BIT
