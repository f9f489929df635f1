"""A running live through the nginx micro-cache, on loopback: readers
polling it while a journalist posts, for issue 15's two edge figures.

- **Origin renders**: ``RATE`` requests per second (10,000 readers polling
  every 15 s: 667 a second; one in twenty loads the page instead of its
  poll answer) sent by wrk through nginx for ``DURATION`` seconds while an
  entry is posted every ``POST_EVERY`` seconds (``POST_EVERY=0``: none). Counted from gunicorn's
  access log: requests that reached Django, and of those the renders (the
  page cache's ``MISS``).
- **The rest of the site**: a second probe asks the home page and an
  article straight from gunicorn twice a second and counts the page cache's
  renders (``MISS``): an entry must not retire them.
- **From « Publier » to a reader's screen**: each entry is posted through
  ``live.services.entry_post`` (what the posting screen calls) and a poller
  asks ``direct.json`` through nginx every ``PROBE_EVERY`` seconds; the time
  from the call to the first answer holding the entry is the propagation
  floor. A reader polling every ``LIVE_POLL_SECONDS`` sees it within that
  floor plus one interval.

The stack is production's: gunicorn (2 sync workers), the page cache in
Redis, nginx with deploy/nginx/snippets (the micro-cache) and its purge
listener, the purge queued by the save and run by ``db_worker`` through
``NginxRefreshBackend``; ``PURGE=0``: no purge backend (the edge keeps each
copy for its ``s-maxage``), and the probes wait ``SETTLE`` seconds (200 by
default then, 30 otherwise) for the last entries.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsday_bench_1000 \\
        uv run python bench/live_edge.py

The database is one seeded before (bench/seed.py); the live is the one of
bench/livedata.py (made once), the entries posted here are deleted at the
end, with the account that posted them. Everything listens on 127.0.0.1 and
every process started here is stopped by its PID.
"""

import json
import os
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

RATE = int(os.environ.get("RATE", "700"))
DURATION = int(os.environ.get("DURATION", "60"))
POST_EVERY = float(os.environ.get("POST_EVERY", "2.5"))
PROBE_EVERY = float(os.environ.get("PROBE_EVERY", "0.2"))
CONNECTIONS = int(os.environ.get("CONNECTIONS", "40"))
PURGE = os.environ.get("PURGE", "1") != "0"
SETTLE = float(os.environ.get("SETTLE", "30" if PURGE else "200"))
P_APP, P_EDGE, P_PURGE = 18185, 18186, 18187
DATA = Path(os.environ.get("LIVE_EDGE_DATA", "/var/tmp/newsday-live-edge"))  # noqa: S108
TOKEN = secrets.token_hex(16)
POSTER = "bench-live-poster"

ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "bench-not-secret-0123456789-abcdefghijklmnopqrstuvwxyz",
    "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
    "SECURE_SSL_REDIRECT": "false",
    "LOG_LEVEL": "ERROR",
    "CONN_MAX_AGE": "600",
    "CACHE_URL": "redis://127.0.0.1:6379/5",
    "CACHE_KEY_PREFIX": "bench-live-edge",
    "PAGE_CACHE": "true",
    "STATIC_ROOT": str(DATA / "static"),
    # nginx keys its copies by host and path: purges name the same host.
    "SITE_URL": "http://127.0.0.1",
    "CDN_PURGE_BACKEND": "newsday.cdn.nginx.NginxRefreshBackend"
    if PURGE
    else "newsday.cdn.base.NoopBackend",
    "NGINX_PURGE_ORIGINS": f"http://127.0.0.1:{P_PURGE}",
    "NGINX_PURGE_TOKEN": TOKEN,
    "TASKS_BACKEND": "database",
    "GUNICORN_MAX_REQUESTS": "0",
    "DJANGO_SETTINGS_MODULE": "newsday.settings",
}
if "DATABASE_URL" not in os.environ:
    sys.exit("DATABASE_URL: a database seeded by bench/seed.py")
os.environ.update(ENV)

import django  # noqa: E402

django.setup()

NGINX_CONF = """
worker_processes 2;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    keepalive_requests 100000;
    gzip off;
    proxy_temp_path {dir}/proxy_temp;
    client_body_temp_path {dir}/client_temp;
    fastcgi_temp_path {dir}/fastcgi_temp;
    uwsgi_temp_path {dir}/uwsgi_temp;
    scgi_temp_path {dir}/scgi_temp;
    proxy_cache_path {dir}/cache levels=1:2 keys_zone=newsday:10m max_size=256m inactive=1h use_temp_path=off;
    upstream newsday_app {{ server 127.0.0.1:{app}; keepalive 16; }}
    include {root}/deploy/nginx/snippets/newsday-maps.conf;
    server {{
        listen 127.0.0.1:{edge};
        set $newsday_scheme http;
        location / {{ include {root}/deploy/nginx/snippets/newsday-proxy.conf; }}
    }}
    server {{
        listen 127.0.0.1:{purge};
        set $newsday_scheme http;
        set $newsday_purge_token "{token}";
        location / {{
            if ($http_x_newsday_purge != $newsday_purge_token) {{ return 403; }}
            include {root}/deploy/nginx/snippets/newsday-proxy.conf;
            proxy_cache_bypass 1;
        }}
    }}
}}
"""

# One connection waits ``delay()`` between two requests: CONNECTIONS of them
# make RATE requests a second (wrk itself has no fixed rate).
WRK_SCRIPT = """
local n = 0
function delay() return {delay} end
function request()
    n = n + 1
    if n % 20 == 0 then return wrk.format("GET", "{page}") end
    return wrk.format("GET", "{poll}")
end
"""


def start(name, args, **kwargs):
    log = open(DATA / f"{name}.out", "w")  # noqa: SIM115 (closed with the process)
    return subprocess.Popen(  # noqa: S603 (commands written here)
        args,
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        **kwargs,
    )


def stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def get(url, timeout=5):
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310
        return response.read()


def wait_for(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            return get(url)
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} does not answer")


class Probe(threading.Thread):
    """A reader polling much faster than a real one: the first time each
    entry id is in the answer."""

    def __init__(self, url):
        super().__init__(daemon=True)
        self.url, self.seen, self.running = url, {}, True

    def run(self):
        while self.running:
            try:
                data = json.loads(get(self.url))
            except (OSError, ValueError):
                data = {}
            now = time.monotonic()
            for row in data.get("entries", []) + data.get("pinned", []):
                self.seen.setdefault(row["id"], now)
            time.sleep(PROBE_EVERY)


class OriginProbe(threading.Thread):
    """Pages that show no entry, asked from gunicorn itself (no edge):
    how many times the page cache rendered them."""

    def __init__(self, urls):
        super().__init__(daemon=True)
        self.urls, self.renders, self.asked, self.running = urls, [], 0, True

    def run(self):
        while self.running:
            for url in self.urls:
                try:
                    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310
                        response.read()
                        if response.headers["X-Page-Cache"] == "MISS":
                            self.renders.append(time.monotonic())
                        self.asked += 1
                except OSError:
                    pass
            time.sleep(0.5)


def poster():
    from django.contrib.auth.models import User

    user, _ = User.objects.get_or_create(
        username=POSTER, defaults={"is_staff": True, "is_superuser": True}
    )
    return user


def post_entries(live, user, until, posted):
    from live.services import entry_post

    n = 0
    while time.monotonic() < until:
        n += 1
        started = time.monotonic()
        entry = entry_post(
            article=live,
            user=user,
            body=f"<p>Entrée de mesure {n} : un fait, une source, un lieu.</p>",
        )
        posted[entry.pk] = started
        time.sleep(max(0.0, POST_EVERY - (time.monotonic() - started)))


def count_origin(log_path, paths):
    """Requests of ``paths`` that reached Django, and its renders (page
    cache misses), from gunicorn's access log."""
    reached = renders = 0
    for line in Path(log_path).read_text().splitlines():
        if not any(f"GET {path} " in line or f"GET {path}?" in line for path in paths):
            continue
        reached += 1
        if "cache=MISS" in line:
            renders += 1
    return reached, renders


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main():
    from django.conf import settings
    from django.core.management import call_command

    from articles.models import Article
    from bench.livedata import bench_live
    from live.models import LiveEntry

    shutil.rmtree(DATA / "nginx", ignore_errors=True)
    (DATA / "nginx" / "cache").mkdir(parents=True)
    # nginx's workers run as another user when it is started as root.
    (DATA / "nginx").chmod(0o777)
    (DATA / "nginx" / "cache").chmod(0o777)
    call_command("collectstatic", interactive=False, verbosity=0)
    live = bench_live(1000, scratch=False)
    user = poster()
    page = live.get_absolute_url()
    poll = page + "direct.json"
    article = (
        Article.objects.published()
        .exclude(format=Article.Format.LIVE)
        .order_by("-publish_at")
        .first()
    )
    others = [
        f"http://127.0.0.1:{P_APP}{path}" for path in ("/", article.get_absolute_url())
    ]
    (DATA / "nginx" / "nginx.conf").write_text(
        NGINX_CONF.format(
            dir=DATA / "nginx",
            root=ROOT,
            app=P_APP,
            edge=P_EDGE,
            purge=P_PURGE,
            token=TOKEN,
        )
    )
    script = Path(tempfile.mkdtemp()) / "live.lua"
    script.write_text(
        WRK_SCRIPT.format(
            delay=max(1, round(CONNECTIONS * 1000 / RATE) - 1), page=page, poll=poll
        )
    )
    access_log = DATA / "gunicorn-access.log"
    access_log.unlink(missing_ok=True)
    env = os.environ | {"GUNICORN_ACCESS_LOG": str(access_log)}
    venv = Path(sys.executable).parent
    processes = []
    posted, probe, origin_probe, began = {}, None, None, 0.0
    try:
        processes.append(
            start(
                "gunicorn",
                [
                    venv / "gunicorn",
                    "-c",
                    "gunicorn.conf.py",
                    "--bind",
                    f"127.0.0.1:{P_APP}",
                    "--workers",
                    "2",
                    "newsday.wsgi:application",
                ],
                env=env,
            )
        )
        processes.append(
            start(
                "db_worker",
                [venv / "python", "manage.py", "db_worker", "--interval", "0.1"],
                env=env,
            )
        )
        processes.append(
            start(
                "nginx",
                [
                    shutil.which("nginx") or "/usr/sbin/nginx",
                    "-e",
                    DATA / "nginx" / "error.log",
                    "-c",
                    DATA / "nginx" / "nginx.conf",
                    "-g",
                    "daemon off;",
                ],
            )
        )
        edge = f"http://127.0.0.1:{P_EDGE}"
        wait_for(edge + poll)
        # Each worker's first render compiles templates and queries (1.5 to
        # 2 s here): that is a restart's cost, not a post's. A session
        # cookie takes the page cache out of the way.
        for _ in range(10):
            for path in (page, poll):
                request = urllib.request.Request(
                    f"http://127.0.0.1:{P_APP}{path}",
                    headers={"Cookie": "sessionid=warm-up"},
                )
                get(request)
        get(edge + page)
        for url in others:
            get(url)
        time.sleep(2)
        start_lines = len(access_log.read_text().splitlines())
        load = start(
            "wrk",
            [
                "wrk",
                "-t1",
                f"-c{CONNECTIONS}",
                f"-d{DURATION}s",
                "-s",
                script,
                "--latency",
                edge,
            ],
        )
        processes.append(load)
        probe = Probe(edge + poll)
        probe.start()
        origin_probe = OriginProbe(others)
        origin_probe.start()
        began = time.monotonic()
        if POST_EVERY > 0:
            post_entries(live, user, began + DURATION - 5, posted)
        load.wait(DURATION + 30)
        origin_probe.running = False
        # The last entries' way to the probe, without the load.
        deadline = time.monotonic() + SETTLE
        while time.monotonic() < deadline and set(posted) - set(probe.seen):
            time.sleep(0.2)
        probe.running = False
        lines = access_log.read_text().splitlines()[start_lines:]
        (DATA / "window.log").write_text("\n".join(lines) + "\n")
    finally:
        for thread in (probe, origin_probe):
            if thread:
                thread.running = False
        # Deleted while the worker and nginx still run: the purges the
        # deletion queues are done, not left in the shared database's queue.
        LiveEntry.objects.filter(pk__in=list(posted)).delete()
        user.delete()
        time.sleep(3)
        for process in reversed(processes):
            stop(process)

    wrk_out = (DATA / "wrk.out").read_text()
    requests = next(
        int(line.split()[0]) for line in wrk_out.splitlines() if "requests in" in line
    )
    page_reached, page_renders = count_origin(DATA / "window.log", [page])
    poll_reached, poll_renders = count_origin(DATA / "window.log", [poll])
    print(
        f"purge backend: {'nginx refresh' if PURGE else 'none'}; "
        f"load average {os.getloadavg()[0]:.1f}; {DURATION} s; wrk sent "
        f"{requests} requests ({requests / DURATION:.0f}/s), "
        f"{len(posted)} entries posted (one every {POST_EVERY} s)"
    )
    print(wrk_out[wrk_out.find("Latency Distribution") :].split("\n\n")[0])
    for name, reached, renders in (
        ("direct.json", poll_reached, poll_renders),
        ("page", page_reached, page_renders),
    ):
        per = DURATION / renders if renders else float("inf")
        print(
            f"{name}: {reached} requests reached Django, {renders} renders: "
            f"one render every {per:.1f} s"
        )
    print(
        f"home page and an article from gunicorn: {origin_probe.asked} requests, "
        f"{len(origin_probe.renders)} renders"
        + "".join(f", at {at - began:.1f} s" for at in origin_probe.renders[:6])
    )
    floors = [probe.seen[pk] - at for pk, at in posted.items() if pk in probe.seen]
    if not floors:
        return
    missing = len(posted) - len(floors)
    interval = settings.LIVE_POLL_SECONDS
    # A reader's poll falls anywhere in its interval: the entry shows at
    # the first poll after the floor.
    readers = [floor + interval * (i + 0.5) / 20 for floor in floors for i in range(20)]
    print(
        f"« Publier » to the probe ({PROBE_EVERY} s polls), {len(floors)} entries "
        f"({missing} never seen): median {statistics.median(floors):.2f} s, "
        f"90 % {percentile(floors, 0.9):.2f} s, worst {max(floors):.2f} s"
    )
    print(
        f"a reader polling every {interval} s: median "
        f"{statistics.median(readers):.1f} s, worst {max(floors) + interval:.1f} s"
    )


if __name__ == "__main__":
    main()
