import io
import json
from unittest import mock

import pytest

from newsday.cdn.cloudflare import CloudflareBackend
from newsday.cdn.nginx import NginxRefreshBackend


def answer(body):
    """What ``urlopen`` returns: a context manager around the JSON body."""
    return mock.MagicMock(
        __enter__=lambda self: io.BytesIO(json.dumps(body).encode()),
        __exit__=lambda self, *args: None,
    )


def test_cloudflare_purges_by_url_in_batches_of_thirty():
    urls = [f"https://www.example.fr/{n}/" for n in range(45)]
    with mock.patch(
        "urllib.request.urlopen", return_value=answer({"success": True})
    ) as urlopen:
        CloudflareBackend(zone_id="zone", api_token="secret").purge(urls)
    requests = [call.args[0] for call in urlopen.call_args_list]
    assert [len(json.loads(r.data)["files"]) for r in requests] == [30, 15]
    assert requests[0].full_url == (
        "https://api.cloudflare.com/client/v4/zones/zone/purge_cache"
    )
    assert requests[0].get_header("Authorization") == "Bearer secret"


def test_cloudflare_refusal_is_an_error():
    with (
        mock.patch(
            "urllib.request.urlopen",
            return_value=answer({"success": False, "errors": ["bad token"]}),
        ),
        pytest.raises(RuntimeError, match="bad token"),
    ):
        CloudflareBackend(zone_id="zone", api_token="t").purge(["https://x.fr/"])


def test_nginx_refresh_asks_every_nginx_for_every_url():
    backend = NginxRefreshBackend(
        origin=["http://10.0.0.1:8081", "http://10.0.0.2:8081"], token="jeton"
    )
    with mock.patch("urllib.request.urlopen", return_value=answer({})) as urlopen:
        backend.purge(["https://www.example.fr/economie/?page=2"])
    requests = [call.args[0] for call in urlopen.call_args_list]
    assert [r.full_url for r in requests] == [
        "http://10.0.0.1:8081/economie/?page=2",
        "http://10.0.0.2:8081/economie/?page=2",
    ]
    assert requests[0].get_header("Host") == "www.example.fr"
    assert requests[0].get_header("X-newsday-purge") == "jeton"
