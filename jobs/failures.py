"""Jobs that failed for good: a French log line for each, the list the
admin's « Tâches en échec » shows, and « Relancer ».

Both worker backends keep failed jobs: the database backend as rows of
``DBTaskResult`` with status FAILED, RQ in each queue's failed job registry.
This module reads either through the same small interface.
"""

import dataclasses
import datetime as dt
import logging

import django_tasks.signals
from django.db import transaction
from django.tasks import TaskResultStatus, task_backends
from django.tasks.signals import task_finished
from django.utils.module_loading import import_string
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger("jobs")


@dataclasses.dataclass(frozen=True)
class FailedTask:
    id: str
    name: str
    arguments: str
    error: str
    traceback: str
    failed_at: dt.datetime | None


def summary(exception_class_path: str, traceback: str) -> str:
    """« TimeoutError : délai dépassé »: the class and the last line."""
    last = traceback.strip().splitlines()[-1] if traceback.strip() else ""
    return last or exception_class_path.rsplit(".", 1)[-1]


def log_failure(sender, task_result, **kwargs):
    if task_result.status != TaskResultStatus.FAILED:
        return
    error = task_result.errors[-1] if task_result.errors else None
    logger.error(
        "Tâche en échec : %s (id %s), arguments %s : %s",
        task_result.task.module_path,
        task_result.id,
        [*task_result.args, task_result.kwargs],
        summary(error.exception_class_path, error.traceback)
        if error
        else "voir le journal du worker",
    )


def connect():
    # The RQ backend sends the signals of the django-tasks package, the
    # database backend those of django.tasks.
    task_finished.connect(log_failure, dispatch_uid="jobs-failure-log")
    django_tasks.signals.task_finished.connect(
        log_failure, dispatch_uid="jobs-failure-log-rq"
    )


def _backend():
    return task_backends["default"]


def _is_rq(backend) -> bool:
    return type(backend).__module__.startswith("django_tasks_rq")


def failed_tasks(*, limit: int = 100) -> list[FailedTask]:
    """The most recent jobs that failed for good, newest first."""
    backend = _backend()
    if isinstance(backend, DatabaseBackend):
        rows = DBTaskResult.objects.failed().filter(backend_name=backend.alias)
        return [
            FailedTask(
                id=str(row.id),
                name=row.task_path,
                arguments=_arguments(
                    row.args_kwargs["args"], row.args_kwargs["kwargs"]
                ),
                error=summary(row.exception_class_path, row.traceback),
                traceback=row.traceback,
                failed_at=row.finished_at,
            )
            for row in rows.order_by("-finished_at")[:limit]
        ]
    if _is_rq(backend):
        tasks = [_from_rq_job(job) for job in _rq_failed_jobs(backend, limit)]
        oldest = dt.datetime.min.replace(tzinfo=dt.UTC)
        tasks.sort(key=lambda task: task.failed_at or oldest, reverse=True)
        return tasks[:limit]
    return []


def failed_task_retry(*, task_id: str) -> None:
    """Enqueue a failed job again, from its first attempt, and take it off
    the failed list. ``LookupError`` if it is not (or no longer) there."""
    backend = _backend()
    if isinstance(backend, DatabaseBackend):
        with transaction.atomic():
            row = (
                DBTaskResult.objects.failed()
                .select_for_update()
                .filter(pk=task_id, backend_name=backend.alias)
                .first()
            )
            if row is None:
                raise LookupError(task_id)
            _enqueue_again(row.task_path, **row.args_kwargs)
            row.delete()
        return
    if _is_rq(backend):
        _rq_retry(backend, task_id)
        return
    raise LookupError(task_id)


def _enqueue_again(task_path: str, *, args, kwargs) -> None:
    if "attempt" in kwargs:
        kwargs = {**kwargs, "attempt": 1}
    import_string(task_path).enqueue(*args, **kwargs)


def _arguments(args, kwargs) -> str:
    shown = [repr(value) for value in args]
    shown += [f"{key}={value!r}" for key, value in kwargs.items()]
    return ", ".join(shown)


# ---------------------------------------------------------------- RQ


def _rq_registries(backend):
    import django_rq
    from rq.registry import FailedJobRegistry

    for name in sorted(backend.queues):
        yield FailedJobRegistry(queue=django_rq.get_queue(name))


def _rq_failed_jobs(backend, limit):
    from rq.job import Job

    jobs = []
    for registry in _rq_registries(backend):
        ids = registry.get_job_ids(0, limit - 1)
        jobs += [
            job
            for job in Job.fetch_many(ids, connection=registry.connection)
            if job is not None
        ]
    return jobs


def _from_rq_job(job) -> FailedTask:
    result = job.latest_result()
    traceback = (result.exc_string if result else None) or ""
    ended = job.ended_at
    return FailedTask(
        id=job.id,
        name=job.func_name,
        arguments=_arguments(list(job.args), job.kwargs),
        error=summary("", traceback),
        traceback=traceback,
        failed_at=ended.replace(tzinfo=dt.UTC) if ended and not ended.tzinfo else ended,
    )


def _rq_retry(backend, task_id):
    from rq.job import Job

    for registry in _rq_registries(backend):
        if task_id in registry.get_job_ids():
            job = Job.fetch(task_id, connection=registry.connection)
            _enqueue_again(job.func_name, args=list(job.args), kwargs=job.kwargs)
            registry.remove(job, delete_job=True)
            return
    raise LookupError(task_id)
