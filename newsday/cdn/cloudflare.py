"""Cloudflare: purge by URL through the v4 API (``POST /zones/{id}/purge_cache``).

Options (``CDN_PURGE_BACKEND_OPTIONS``, set from the environment in settings):
``zone_id`` and ``api_token`` (a token with the *Zone, Cache Purge*
permission). URLs are sent in batches of 30, the limit on every plan.
"""

import json
import logging
import urllib.request

from newsday.cdn.base import PurgeBackend, unavailable_is_retryable

logger = logging.getLogger("newsday.cdn")

API = "https://api.cloudflare.com/client/v4/zones/{zone_id}/purge_cache"
BATCH = 30


class CloudflareBackend(PurgeBackend):
    def __init__(self, *, zone_id, api_token, timeout=5.0):
        self.endpoint = API.format(zone_id=zone_id)
        self.api_token = api_token
        self.timeout = timeout

    def purge(self, urls):
        for start in range(0, len(urls), BATCH):
            self._post({"files": urls[start : start + BATCH]})

    def _post(self, payload):
        request = urllib.request.Request(  # noqa: S310 (fixed https endpoint)
            self.endpoint,
            data=json.dumps(payload).encode(),
            method="POST",
            headers={
                "Authorization": f"Bearer {self.api_token}",
                "Content-Type": "application/json",
            },
        )
        with (
            unavailable_is_retryable(),
            urllib.request.urlopen(request, timeout=self.timeout) as answer,  # noqa: S310
        ):
            body = json.load(answer)
        if not body.get("success"):
            raise RuntimeError(f"Cloudflare refused the purge: {body.get('errors')}")
