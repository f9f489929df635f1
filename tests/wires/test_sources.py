import http.server
import threading

import pytest

from images.models import Image
from tests.factories import image_bytes
from wires import sources
from wires.models import WireFeed, WireItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def drop(tmp_path, sample):
    folder = tmp_path / "depot"
    folder.mkdir()
    for name in ("g2-v1.xml", "truncated.xml", "bomb.xml", "g2-kill.xml"):
        (folder / name).write_bytes(sample(name))
    return folder


def test_a_drop_folder_stores_the_good_and_quarantines_the_broken(drop):
    outcomes = list(sources.ingest_folder(drop))
    assert sorted(o.outcome for o in outcomes) == [
        "created",
        "created",
        "refused",
        "refused",
    ]
    assert WireItem.objects.count() == 2
    assert sorted(p.name for p in (drop / "archive").iterdir()) == [
        "g2-kill.xml",
        "g2-v1.xml",
    ]
    quarantined = sorted(p.name for p in (drop / "quarantine").iterdir())
    assert quarantined == [
        "bomb.xml",
        "bomb.xml.raison.txt",
        "truncated.xml",
        "truncated.xml.raison.txt",
    ]
    assert "DTD" in (drop / "quarantine" / "bomb.xml.raison.txt").read_text()
    assert not [p for p in drop.iterdir() if p.is_file()]


def test_a_file_over_the_size_limit_is_refused(tmp_path, settings, sample):
    settings.WIRES_MAX_FILE_MB = 0
    path = tmp_path / "item.xml"
    path.write_bytes(sample("g2-v1.xml"))
    (outcome,) = sources.ingest_file(path)
    assert outcome.outcome == "refused"
    assert "au-delà de la limite" in outcome.reason
    assert not WireItem.objects.exists()


def test_a_picture_delivered_with_the_item_goes_into_the_library(
    tmp_path, sample, media_root, settings
):
    settings.WIRES_PHOTO_LICENCE_DAYS = 30
    data = sample("g2-v1.xml").replace(
        b"</contentSet>",
        b'<remoteContent contenttype="image/jpeg" href="incendie.jpg"/></contentSet>',
    )
    (tmp_path / "item.xml").write_bytes(data)
    (tmp_path / "incendie.jpg").write_bytes(image_bytes())
    sources.ingest_file(tmp_path / "item.xml")
    sources.ingest_file(tmp_path / "item.xml")  # once only
    (image,) = Image.objects.all()
    assert image.credit == "AFP"
    assert image.licence == Image.Licence.AGENCY
    assert image.licence_expires_on is not None
    assert list(WireItem.objects.get().images.all()) == [image]


class Feed(http.server.BaseHTTPRequestHandler):
    body = b""
    seen = []

    def do_GET(self):
        Feed.seen.append(dict(self.headers))
        if self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("ETag", '"v1"')
        self.end_headers()
        self.wfile.write(Feed.body)

    def log_message(self, *args):
        pass


@pytest.fixture
def feed_url(sample):
    Feed.body, Feed.seen = sample("g2-v1.xml"), []
    server = http.server.HTTPServer(("127.0.0.1", 0), Feed)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/flux"
    server.shutdown()


def test_a_feed_is_polled_with_its_etag(feed_url):
    first = sources.poll_feed(feed_url)
    second = sources.poll_feed(feed_url)
    assert [o.outcome for o in first] == ["created"]
    assert second == []
    assert Feed.seen[1]["If-None-Match"] == '"v1"'
    assert WireFeed.objects.get().etag == '"v1"'


def test_an_unreachable_feed_is_refused_without_stopping(db):
    (outcome,) = sources.poll_feed("http://127.0.0.1:9/rien")
    assert outcome.outcome == "refused"
    assert "injoignable" in outcome.reason


def test_the_periodic_job_reads_every_configured_source(drop, settings):
    from wires.tasks import wires_poll

    settings.WIRES_SOURCES = [str(drop), str(drop / "absent")]
    assert wires_poll.call() == 2
    assert wires_poll.call() == 0
