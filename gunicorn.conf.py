"""gunicorn configuration for News Day FR (read by ``gunicorn newsday.wsgi``).

Every value can be overridden from the environment, as on most hosts:

    GUNICORN_BIND=0.0.0.0:8000 WEB_CONCURRENCY=4 gunicorn newsday.wsgi

Sync workers, one per core plus one, are the right default for this site:
pages are either answered from the cache in well under a millisecond or
rendered with a handful of short queries, so there is little I/O wait to
overlap. Measured on 2 cores, gthread with keep-alive can pin a client's
connections to one worker (see docs/benchmarks.md); put nginx or a load balancer
in front, which also buffers slow clients for the sync workers.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
threads = int(os.environ.get("GUNICORN_THREADS", "1"))

# A request that takes longer than this is killed and logged: a stuck
# database call must not hold a worker for ever.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5

# Recycle workers now and then (with jitter, so not all at once) to bound any
# slow memory growth.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "10000"))
max_requests_jitter = 1000

# Load the application before forking: workers share its memory pages and a
# configuration error stops the start instead of looping on worker boots.
preload_app = True

# Trust X-Forwarded-* only from the local reverse proxy (nginx on the same
# host); set FORWARDED_ALLOW_IPS to the load balancer's addresses otherwise.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# "-" is stdout; "off" disables it (benchmarks).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
if accesslog == "off":
    accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Time taken (microseconds) and the page-cache outcome in the access log.
access_log_format = (
    '%(h)s "%(r)s" %(s)s %(B)s %(D)sus cache=%({x-page-cache}o)s "%(a)s"'
)

# Temporary files in memory, not on a possibly slow disk (worker heartbeats).
SHM = "/dev/shm"  # noqa: S108 (gunicorn heartbeat files, not secrets)
worker_tmp_dir = SHM if os.path.isdir(SHM) else None


def post_fork(server, worker):
    # Connections opened while preloading must not be shared across forks.
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        connection.close()
