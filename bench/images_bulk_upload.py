"""Bulk upload of 50 photos while readers load an article page.

    uv run python bench/images_bulk_upload.py [--photos 50] [--size 4000x3000]

Uploads go one request per photo, as the bulk upload page sends them, through
the real upload view; meanwhile a reader thread loads an article page (with a
hero and body images) from a threaded WSGI server on 127.0.0.1. Prints the
time per upload, then reader latency before and during the uploads, then the
cost of making every rendition of one photo. Uses a throw-away SQLite
database and media folder.
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
WORK = Path(tempfile.mkdtemp(prefix="newsday-bench-images-"))
os.environ.update(
    DJANGO_SETTINGS_MODULE="newsday.settings",
    DEBUG="false",
    SECRET_KEY="bench-only-not-secret",  # noqa: S106
    ALLOWED_HOSTS="127.0.0.1,testserver",
    SECURE_SSL_REDIRECT="false",
    DATABASE_URL=f"sqlite:///{WORK / 'bench.sqlite3'}",
    MEDIA_ROOT=str(WORK / "media"),
)

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from PIL import Image as PILImage  # noqa: E402
from PIL import ImageDraw, ImageFilter  # noqa: E402


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class ThreadedServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


def photo(size, seed):
    """A photo-like JPEG (shapes, gradients, grain) of ``size`` pixels."""
    img = PILImage.linear_gradient("L").resize(size).convert("RGB")
    draw = ImageDraw.Draw(img)
    for i in range(12):
        x, y = (seed * 97 + i * 331) % size[0], (seed * 53 + i * 211) % size[1]
        draw.ellipse(
            (x, y, x + size[0] // 5, y + size[1] // 5), fill=(i * 20, 120, 200 - i * 10)
        )
    grain = PILImage.effect_noise(size, 18).convert("RGB")
    img = PILImage.blend(img, grain, 0.15).filter(ImageFilter.SMOOTH)
    buffer = io.BytesIO()
    img.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


def percentiles(values):
    values = sorted(values)
    return (
        f"médiane {statistics.median(values) * 1000:.0f} ms, "
        f"p95 {values[int(len(values) * 0.95) - 1] * 1000:.0f} ms, "
        f"max {values[-1] * 1000:.0f} ms ({len(values)} requêtes)"
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--photos", type=int, default=50)
    parser.add_argument("--size", default="4000x3000")
    args = parser.parse_args()
    size = tuple(int(n) for n in args.size.split("x"))

    call_command("migrate", verbosity=0)
    from articles.models import Article, Section
    from images.models import Image
    from images.renditions import renditions_generate
    from tests.factories import make_image, upload_file

    get_user_model().objects.create_superuser(
        "bench", "bench@example.fr", "bench-password-123"
    )
    hero, inline = make_image(), make_image()
    section = Section.objects.create(name="Bench", slug="bench")
    article = Article.objects.create(
        title="Article de mesure",
        slug="article-de-mesure",
        section=section,
        body=f'<p>Texte.</p><figure data-image-id="{inline.pk}"></figure>',
        hero_image=hero,
        status=Article.Status.PUBLISHED,
        publish_at=timezone.now(),
    )

    server = make_server(
        "127.0.0.1", 0, get_wsgi_application(), ThreadedServer, QuietHandler
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    page = f"http://127.0.0.1:{server.server_port}{article.get_absolute_url()}"

    def read(seconds=None, stop=None):
        timings = []
        end = time.monotonic() + seconds if seconds else None
        while (end and time.monotonic() < end) or (stop and not stop.is_set()):
            start = time.perf_counter()
            with urllib.request.urlopen(page) as response:
                response.read()
                assert response.status == 200
            timings.append(time.perf_counter() - start)
        return timings

    print(f"Lecteurs, au repos : {percentiles(read(seconds=3))}")

    files = [photo(size, n) for n in range(args.photos)]
    print(
        f"{args.photos} photos de {size[0]}\u00d7{size[1]} px, {sum(map(len, files)) / len(files) / 1e6:.1f} Mo en moyenne"
    )
    stop = threading.Event()
    during = []
    reader = threading.Thread(target=lambda: during.extend(read(stop=stop)))
    reader.start()
    client = Client()
    client.force_login(get_user_model().objects.get(username="bench"))
    uploads = []
    for n, content in enumerate(files):
        start = time.perf_counter()
        response = client.post(
            "/admin/images/image/choisir/televerser/",
            {
                "file": upload_file(f"photo-{n}.jpg", content),
                "alt": "Photo",
                "licence": "staff",
            },
        )
        uploads.append(time.perf_counter() - start)
        assert response.status_code == 201, response.content
    stop.set()
    reader.join()
    print(
        f"Téléversements, un par requête : {percentiles(uploads)}, total {sum(uploads):.1f} s"
    )
    print(f"Lecteurs, pendant les téléversements : {percentiles(during)}")

    image = Image.objects.order_by("-pk").first()
    start = time.perf_counter()
    made = renditions_generate(image=image)
    print(
        f"Toutes les déclinaisons d’une photo ({made}) : {time.perf_counter() - start:.2f} s"
    )
    server.shutdown()


if __name__ == "__main__":
    main()
