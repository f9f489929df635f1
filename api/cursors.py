"""Opaque cursors for keyset pagination: the position after the last item
of a page, signed so that a client can neither forge nor misread one.

A page is then read from an index, newest first, whatever its depth in the
archive: no OFFSET, no COUNT.
"""

import datetime as dt

from django.core import signing

SALT = "api.cursor"


class BadCursor(ValueError):
    pass


def encode(*values) -> str:
    return signing.dumps(
        [v.isoformat() if isinstance(v, dt.datetime) else v for v in values],
        salt=SALT,
        compress=True,
    )


def decode(cursor: str, *, kinds: tuple) -> tuple:
    """The values ``encode()`` put in ``cursor``, each checked against its
    type in ``kinds`` (``dt.datetime``, ``int``, ``str``)."""
    try:
        values = signing.loads(cursor, salt=SALT)
    except (signing.BadSignature, ValueError, UnicodeError) as error:
        raise BadCursor from error
    if not isinstance(values, list) or len(values) != len(kinds):
        raise BadCursor
    decoded = []
    for value, kind in zip(values, kinds, strict=True):
        if kind is dt.datetime:
            try:
                value = dt.datetime.fromisoformat(value)
            except (TypeError, ValueError) as error:
                raise BadCursor from error
        elif not isinstance(value, kind) or isinstance(value, bool):
            raise BadCursor
        decoded.append(value)
    return tuple(decoded)
