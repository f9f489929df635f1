"""Creating and revoking partner keys (the admin calls these)."""

import re
import secrets

from django.utils import timezone

from api.models import TOKEN_PREFIX, PartnerKey, secret_digest

_PREFIX = re.compile(r"[0-9a-f]{8}")


def partner_key_create(
    *, name: str, rate_limit: int, created_by=None
) -> tuple[PartnerKey, str]:
    """A new key and its token, « nd_<prefix>_<secret> »: the token is never
    stored, so the caller shows it once."""
    secret = secrets.token_urlsafe(32)
    while True:
        prefix = secrets.token_hex(4)
        if not PartnerKey.objects.filter(prefix=prefix).exists():
            break
    key = PartnerKey.objects.create(
        name=name,
        prefix=prefix,
        secret_hash=secret_digest(secret),
        rate_limit=rate_limit,
        created_by=created_by,
    )
    return key, f"{TOKEN_PREFIX}{prefix}_{secret}"


def partner_key_revoke(*, key: PartnerKey) -> bool:
    """Revoke ``key`` now; False if it already was."""
    if key.revoked_at:
        return False
    key.revoked_at = timezone.now()
    key.save(update_fields=["revoked_at"])
    return True


def partner_key_find(token: str) -> PartnerKey | None:
    """The active key whose token is ``token``, or None."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    prefix, _, secret = token.removeprefix(TOKEN_PREFIX).partition("_")
    if not _PREFIX.fullmatch(prefix) or not secret:
        return None
    key = PartnerKey.objects.active().filter(prefix=prefix).first()
    return key if key and key.matches(secret) else None
