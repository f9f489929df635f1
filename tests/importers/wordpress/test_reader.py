"""Reading WXR safely and in bounded memory."""

import io
import tracemalloc

import pytest

from importers.wordpress.reader import (
    Channel,
    CleanStream,
    WXRError,
    WXRInterrupted,
    read_wxr,
)

HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<rss version="2.0" xmlns:wp="{ns}" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
    "<channel><title>Site</title><wp:wxr_version>{version}</wp:wxr_version>"
)
ITEM = (
    "<item><title>Article {n}</title><wp:post_id>{n}</wp:post_id>"
    "<wp:post_type>post</wp:post_type><content:encoded><![CDATA[{body}]]>"
    "</content:encoded></item>"
)


def wxr(items=(), *, ns="http://wordpress.org/export/1.2/", version="1.2", end=True):
    text = HEADER.format(ns=ns, version=version) + "".join(items)
    return io.BytesIO((text + ("</channel></rss>" if end else "")).encode())


def read_all(stream):
    return list(read_wxr(CleanStream(stream)))


def test_channel_comes_first_then_the_items():
    channel, *items = read_all(
        wxr([ITEM.format(n=1, body="a"), ITEM.format(n=2, body="b")])
    )
    assert isinstance(channel, Channel)
    assert [item.post_id for item in items] == [1, 2]


@pytest.mark.parametrize(
    ("ns", "version"),
    [
        ("http://wordpress.org/export/1.1/", "1.1"),
        ("https://wordpress.org/export/1.2/", "1.2"),
    ],
)
def test_wxr_1_1_and_https_namespaces_are_read(ns, version):
    _, item = read_all(wxr([ITEM.format(n=5, body="x")], ns=ns, version=version))
    assert (item.post_id, item.get("content:encoded")) == (5, "x")


def test_unsupported_wxr_version_is_refused():
    with pytest.raises(WXRError, match=r"version WXR « 2\.0 »"):
        read_all(wxr(version="2.0"))


def test_empty_file_is_refused():
    with pytest.raises(WXRError, match="pas un XML lisible"):
        read_all(io.BytesIO(b""))


def test_break_after_the_channel_is_an_interruption():
    stream = wxr([ITEM.format(n=1, body="a"), "<item><title>Cou"], end=False)
    items = read_wxr(CleanStream(stream))
    assert next(items).title == "Site"
    assert next(items).post_id == 1
    with pytest.raises(WXRInterrupted):
        next(items)


def test_control_characters_forbidden_in_xml_are_removed():
    stream = CleanStream(wxr([ITEM.format(n=1, body="a\x0bb\x1fc")]))
    _, item = list(read_wxr(stream))
    assert item.get("content:encoded") == "abc"
    assert stream.removed == 2


def test_memory_stays_bounded_whatever_the_number_of_items(tmp_path):
    path = tmp_path / "big.xml"
    body = "Un paragraphe assez long pour peser. " * 50
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER.format(ns="http://wordpress.org/export/1.2/", version="1.2"))
        for n in range(6000):
            out.write(ITEM.format(n=n, body=body))
        out.write("</channel></rss>")
    size = path.stat().st_size
    tracemalloc.start()
    with path.open("rb") as raw:
        count = sum(1 for _ in read_wxr(CleanStream(raw)))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 6001
    assert size > 10_000_000
    assert peak < size / 10
