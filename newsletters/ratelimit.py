"""Sign-ups per IP address, counted in the shared cache (every process and
server sees the same count)."""

from axes.helpers import get_client_ip_address
from django.conf import settings
from django.core.cache import cache


def signup_allowed(request) -> bool:
    ip = get_client_ip_address(request) or "unknown"
    key = f"newsletters:signup:{ip}"
    cache.add(key, 0, timeout=settings.NEWSLETTERS_SIGNUP_RATE_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=settings.NEWSLETTERS_SIGNUP_RATE_WINDOW)
        count = 1
    return count <= settings.NEWSLETTERS_SIGNUP_RATE_LIMIT
