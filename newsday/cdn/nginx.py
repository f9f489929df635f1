"""nginx micro-cache (``deploy/nginx/newsday.conf``): refresh purged URLs.

Stock nginx has no purge command. Its ``proxy_cache_bypass`` does the same job
for one URL: a request to the purge listener fetches the page from Django and
replaces the cached copy. This backend sends one such request per URL.

Options: ``origin`` (the purge listener, e.g. ``http://127.0.0.1:8081``; one
per nginx when there are several: a list), ``token`` (sent as
``X-Newsday-Purge``, checked by nginx), ``timeout``.
"""

import urllib.parse
import urllib.request

from newsday.cdn.base import PurgeBackend, unavailable_is_retryable


class NginxRefreshBackend(PurgeBackend):
    def __init__(self, *, origin, token="", timeout=5.0):
        self.origins = [origin] if isinstance(origin, str) else list(origin)
        self.token = token
        self.timeout = timeout

    def purge(self, urls):
        for url in urls:
            parts = urllib.parse.urlsplit(url)
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            for origin in self.origins:
                request = urllib.request.Request(  # noqa: S310 (configured origin)
                    origin.rstrip("/") + path,
                    headers={"Host": parts.netloc, "X-Newsday-Purge": self.token},
                )
                with (
                    unavailable_is_retryable(),
                    urllib.request.urlopen(request, timeout=self.timeout),  # noqa: S310
                ):
                    pass
