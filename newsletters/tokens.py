"""Signed links of the emails: confirm a sign-up, leave a list in one click,
change one's lists. No password, no session: the signature (SECRET_KEY) is
the proof that the link came from an email we sent to that address."""

import datetime as dt

from django.conf import settings
from django.core import signing

CONFIRM = "newsletters.confirm"
UNSUBSCRIBE = "newsletters.unsubscribe"
PREFERENCES = "newsletters.preferences"

# signing raises these; views turn them into French 400 pages.
BadToken = signing.BadSignature
ExpiredToken = signing.SignatureExpired


def make(purpose: str, **data) -> str:
    return signing.dumps(data, salt=purpose)


def read(purpose: str, token: str) -> dict:
    """The data of ``token``; raises ``ExpiredToken`` or ``BadToken``."""
    return signing.loads(token, salt=purpose, max_age=max_age(purpose))


def max_age(purpose: str) -> dt.timedelta | None:
    if purpose == CONFIRM:
        # Unconfirmed sign-ups are deleted after this many days anyway.
        return dt.timedelta(days=settings.NEWSLETTERS_UNCONFIRMED_DAYS)
    if purpose == PREFERENCES:
        return dt.timedelta(days=settings.NEWSLETTERS_PREFERENCES_LINK_DAYS)
    # An unsubscribe link keeps working in an old email (RFC 8058 asks for it).
    return None
