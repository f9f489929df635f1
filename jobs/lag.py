"""Queue lag: how long the oldest job that could run now has been waiting.

Zero when workers keep up; growing when they are stopped or too few. A job
deferred to later (a retry, a scheduled run) waits from its ``run_after``.
"""

import datetime as dt

from django.tasks import task_backends
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max


def queue_lag(*, now: dt.datetime | None = None) -> float:
    """Seconds the oldest ready job has waited (0 with none, or with a backend
    that keeps no queue)."""
    now = now or timezone.now()
    backend = task_backends["default"]
    if isinstance(backend, DatabaseBackend):
        oldest = _oldest_ready_in_database(backend, now)
    elif type(backend).__module__.startswith("django_tasks_rq"):
        oldest = _oldest_ready_in_redis(backend)
    else:
        oldest = None
    return max(0.0, (now - oldest).total_seconds()) if oldest else 0.0


def _oldest_ready_in_database(backend, now):
    ready = DBTaskResult.objects.ready().filter(backend_name=backend.alias)
    # Two index-friendly reads rather than one over an expression: jobs
    # enqueued to run at once wait from when they were enqueued, deferred
    # ones from their run_after.
    immediate = (
        ready.filter(run_after=get_date_max())
        .order_by("enqueued_at")
        .values_list("enqueued_at", flat=True)
        .first()
    )
    deferred = (
        ready.filter(run_after__lte=now)
        .order_by("run_after")
        .values_list("run_after", flat=True)
        .first()
    )
    return min(filter(None, (immediate, deferred)), default=None)


def _oldest_ready_in_redis(backend):
    import django_rq
    from rq.job import Job

    oldest = None
    for name in backend.queues:
        queue = django_rq.get_queue(name)
        first = queue.get_job_ids(0, 0)
        job = Job.fetch(first[0], connection=queue.connection) if first else None
        if job and job.enqueued_at:
            enqueued = job.enqueued_at
            if enqueued.tzinfo is None:
                enqueued = enqueued.replace(tzinfo=dt.UTC)
            oldest = min(filter(None, (oldest, enqueued)))
    return oldest
