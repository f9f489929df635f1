"""Background jobs, measured (docs/benchmarks.md, « Background jobs »).

    uv run python -m bench.tasks                 # everything below
    uv run python -m bench.tasks drain sqlite    # one part: drain sqlite|postgres|rq, upload, save

* drain: N CDN-purge jobs (no-op CDN) drained by 2 real worker processes:
  ``db_worker`` on SQLite and on PostgreSQL, ``rqworker`` on Redis. Time from
  the workers' start to the empty queue, and jobs per second.
* upload: median time of the photo upload request (the chooser's POST),
  with the thumbnail made in the request (the former default), with every
  rendition made in it (renditions at upload, immediate backend), and with
  them queued for a worker (now).
* save: an article's save and commit while the CDN answers after 5 s, with
  the purge in the save (as before) and queued (now).

Works in throwaway databases: a temporary SQLite file, PostgreSQL's
``BENCH_PG_URL`` (default ``postgres://postgres@127.0.0.1:5432/newsday_h1``,
emptied first) and Redis ``BENCH_REDIS_URL`` (default DB 7, flushed).
"""

import http.server
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
N = int(os.environ.get("BENCH_JOBS", "10000"))
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432/newsday_h1")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")
URLS = ["https://www.example.fr/", "https://www.example.fr/sitemap.xml"]


def environment(database_url, **extra):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsday.settings",
        "DEBUG": "false",
        "SECRET_KEY": "bench-only-not-secret",
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": database_url,
        "CACHE_URL": "locmemcache://",
        "PAGE_CACHE": "false",
        "SECURE_SSL_REDIRECT": "false",
        "LOG_LEVEL": "WARNING",
        "TASKS_BACKEND": "database",
        "TASKS_REDIS_URL": REDIS_URL,
        **extra,
    }


def manage(env, *args):
    return subprocess.Popen(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def in_django(env):
    """Set this process up as Django with ``env`` (once)."""
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


# ---------------------------------------------------------------- drain


def drain(engine):
    if engine == "sqlite":
        url = f"sqlite:///{tempfile.mkdtemp(prefix='bench-tasks-')}/db.sqlite3"
        env = environment(url)
    elif engine == "postgres":
        env = environment(PG_URL)
    else:
        env = environment(
            f"sqlite:///{tempfile.mkdtemp(prefix='bench-tasks-')}/db.sqlite3",
            TASKS_BACKEND="rq",
        )
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    in_django(env)
    from django.db import transaction
    from django_tasks_db.models import DBTaskResult

    from newsday.cdn.tasks import purge_urls

    if engine == "rq":
        import redis

        redis.Redis.from_url(REDIS_URL).flushdb()
        worker = ("rqworker", "--burst", "--job-class", "django_tasks_rq.Job")
    else:
        DBTaskResult.objects.all().delete()
        worker = (
            "db_worker",
            "--batch",
            "--no-reload",
            "--no-startup-delay",
            "--interval=0.05",
        )
    started = time.perf_counter()
    for start in range(0, N, 1000):
        with transaction.atomic():
            for _ in range(start, min(N, start + 1000)):
                purge_urls.enqueue(URLS)
    enqueued = time.perf_counter() - started
    started = time.perf_counter()
    workers = [
        manage(env, *worker, *(["default"] if engine == "rq" else [])) for _ in range(2)
    ]
    for process in workers:
        process.wait()
    drained = time.perf_counter() - started
    print(
        f"drain {engine}: {N} jobs enqueued in {enqueued:.1f} s, drained by 2 "
        f"workers in {drained:.1f} s: {N / drained:.0f} jobs/s"
    )


# ---------------------------------------------------------------- upload


def upload():
    env = environment(
        f"sqlite:///{tempfile.mkdtemp(prefix='bench-tasks-')}/db.sqlite3",
        MEDIA_ROOT=tempfile.mkdtemp(prefix="bench-media-"),
        SERVE_MEDIA="false",
    )
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    in_django(env)
    from django.contrib.auth.models import User
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client, override_settings
    from django.urls import reverse

    from tests.factories import image_bytes

    client = Client()
    client.force_login(User.objects.create_superuser("bench", "b@example.fr", "x"))
    photo = image_bytes("JPEG", (3000, 2000))
    url = reverse("admin:images_image_chooser_upload")
    immediate = {
        "default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}
    }
    cases = {
        "thumbnail in the request (before)": {"IMAGES_RENDITIONS_AT_UPLOAD": False},
        "every rendition in the request": {
            "IMAGES_RENDITIONS_AT_UPLOAD": True,
            "TASKS": immediate,
        },
        "renditions queued (now)": {"IMAGES_RENDITIONS_AT_UPLOAD": True},
    }
    for label, overrides in cases.items():
        times = []
        with override_settings(**overrides):
            for n in range(15):
                file = SimpleUploadedFile(f"p{n}.jpg", photo, "image/jpeg")
                started = time.perf_counter()
                response = client.post(
                    url, {"file": file, "alt": "Texte", "licence": "staff"}
                )
                times.append(time.perf_counter() - started)
                assert response.status_code == 201, response.content
        print(
            f"upload, {label}: median {statistics.median(times) * 1000:.0f} ms "
            f"(3000 x 2000 JPEG, 15 requests)"
        )


# ---------------------------------------------------------------- save


class SlowCDN(http.server.ThreadingHTTPServer):
    def __init__(self):
        super().__init__(("127.0.0.1", 0), SlowHandler)


class SlowHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        time.sleep(5)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def save():
    cdn = SlowCDN()
    threading.Thread(target=cdn.serve_forever, daemon=True).start()
    env = environment(
        f"sqlite:///{tempfile.mkdtemp(prefix='bench-tasks-')}/db.sqlite3",
        CDN_PURGE_BACKEND="newsday.cdn.nginx.NginxRefreshBackend",
        NGINX_PURGE_ORIGINS=f"http://127.0.0.1:{cdn.server_address[1]}",
        CDN_PURGE_PATHS="/",
        TASKS_MAX_ATTEMPTS="1",
    )
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    in_django(env)
    from django.db import transaction
    from django.test import override_settings

    from newsday import cdn as purge
    from tests.factories import make_article

    article = make_article()
    immediate = {
        "default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}
    }
    # The nginx backend's own timeout is 5 s: give the slow CDN room to answer.
    options = {"origin": os.environ["NGINX_PURGE_ORIGINS"], "timeout": 30}
    for label, tasks in (
        ("purge in the save (before)", immediate),
        ("purge queued (now)", None),
    ):
        overrides = {"CDN_PURGE_BACKEND_OPTIONS": options} | (
            {"TASKS": tasks} if tasks else {}
        )
        with override_settings(**overrides):
            purge.backend.cache_clear()
            article.title = f"Titre revu ({label})"
            started = time.perf_counter()
            with transaction.atomic():
                article.save()
            elapsed = time.perf_counter() - started
        urls = len(purge.paths_for(article))
        print(f"save, {label}: {elapsed:.2f} s ({urls} addresses to purge)")
    cdn.shutdown()


def main(argv):
    parts = {
        "drain": lambda engine="sqlite": drain(engine),
        "upload": upload,
        "save": save,
    }
    if argv:
        parts[argv[0]](*argv[1:])
        return
    # Each part in its own process: each sets Django up with its own settings.
    for args in (
        ("drain", "sqlite"),
        ("drain", "postgres"),
        ("drain", "rq"),
        ("upload",),
        ("save",),
    ):
        subprocess.run([sys.executable, "-m", "bench.tasks", *args], cwd=ROOT)  # noqa: S603


if __name__ == "__main__":
    main(sys.argv[1:])
