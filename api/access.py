"""Who is asking, and how often: partner keys and rate limits.

Anonymous readers are counted by IP address, partners by key, each in fixed
windows of ``API_RATE_LIMIT_WINDOW`` seconds, counted where every server
counts the same requests (``api.ratelimit``).
"""

import time

from axes.helpers import get_client_ip_address
from django.conf import settings
from ninja.security import HttpBearer
from ninja.throttling import BaseThrottle

from api.models import PartnerKey
from api.ratelimit import count_request
from api.services import partner_key_find


class Anonymous:
    """A reader without a key (truthy: ninja lets the request through)."""

    def __repr__(self):
        return "Anonymous"


ANONYMOUS = Anonymous()


class InvalidKey(Exception):
    pass


class PartnerKeyAuth(HttpBearer):
    """``Authorization: Bearer nd_…``: optional, but a key sent must be valid
    (a revoked or mistyped key is refused, not silently made anonymous)."""

    def __call__(self, request):
        if "HTTP_AUTHORIZATION" not in request.META:
            return ANONYMOUS
        return super().__call__(request) or self._refuse()

    def authenticate(self, request, token):
        key = partner_key_find(token)
        return key or self._refuse()

    @staticmethod
    def _refuse():
        raise InvalidKey


class FixedWindowThrottle(BaseThrottle):
    """So many requests per window, per key or per IP address. Stateless:
    one instance serves every request of every thread."""

    def allow_request(self, request):
        now = time.time()
        window = settings.API_RATE_LIMIT_WINDOW
        start = int(now // window) * window
        auth = getattr(request, "auth", ANONYMOUS)
        if isinstance(auth, PartnerKey):
            who, limit = f"key:{auth.pk}", auth.rate_limit
        else:
            ip = get_client_ip_address(request) or "unknown"
            who, limit = f"ip:{ip}", settings.API_ANONYMOUS_RATE_LIMIT
        count = count_request(who, start=start, window=window)
        request.api_rate = (limit, max(0, limit - count), start + window - now)
        return count <= limit

    def wait(self):
        window = settings.API_RATE_LIMIT_WINDOW
        return window - time.time() % window
