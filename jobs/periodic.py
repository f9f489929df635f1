"""Periodic jobs: a task run every so often, once, however many schedulers.

Declare one next to its task, in an app's ``tasks.py``::

    @periodic(every=dt.timedelta(minutes=5))
    @task
    def wires_poll(): ...

``manage.py run_periodic`` (one or more processes) imports every app's
``tasks.py`` and, when an entry is due, enqueues its task on the task backend;
workers run it. Neither the database backend nor Django's tasks API has a
scheduler, so this is the small piece that fills the gap. A due entry is
claimed with one conditional ``UPDATE`` of its ``PeriodicRun`` row (its next
run moves forward only if it has not moved yet): two schedulers never enqueue
the same run twice. Runs missed while no scheduler was up are not replayed:
the next one comes at once, then every ``every``.
"""

import dataclasses
import datetime as dt
import logging

from django.db import IntegrityError, transaction
from django.tasks import Task
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

from jobs.models import PeriodicRun

logger = logging.getLogger("jobs")


@dataclasses.dataclass(frozen=True)
class Periodic:
    name: str
    task: Task
    every: dt.timedelta


REGISTRY: dict[str, Periodic] = {}


def periodic(*, every: dt.timedelta, name: str = ""):
    """Run the decorated task every ``every`` (see the module's docstring)."""

    def register(task: Task) -> Task:
        entry = Periodic(name or task.module_path, task, every)
        REGISTRY[entry.name] = entry
        return task

    return register


def discover() -> dict[str, Periodic]:
    autodiscover_modules("tasks")
    return REGISTRY


def periodic_enqueue_due(*, now: dt.datetime | None = None) -> list[str]:
    """Enqueue every registered task whose time has come; the names of those
    this call enqueued."""
    now = now or timezone.now()
    enqueued = []
    for entry in discover().values():
        if _claim(entry, now):
            enqueued.append(entry.name)
    return enqueued


def _claim(entry: Periodic, now: dt.datetime) -> bool:
    try:
        with transaction.atomic():
            PeriodicRun.objects.get_or_create(
                name=entry.name, defaults={"next_run_at": now}
            )
    except IntegrityError:
        pass  # another scheduler created it first
    with transaction.atomic():
        claimed = PeriodicRun.objects.filter(
            name=entry.name, next_run_at__lte=now
        ).update(next_run_at=now + entry.every, last_run_at=now)
        if claimed:
            # In the same transaction: with the database backend, a job that
            # cannot be stored gives the run back.
            entry.task.enqueue()
            logger.info("Tâche périodique %s mise en file.", entry.name)
    return bool(claimed)


def seconds_to_next_run(*, now: dt.datetime | None = None, ceiling: float) -> float:
    now = now or timezone.now()
    names = list(discover())
    soonest = (
        PeriodicRun.objects.filter(name__in=names)
        .order_by("next_run_at")
        .values_list("next_run_at", flat=True)
        .first()
    )
    if soonest is None:
        return 0.0 if names else ceiling
    return max(0.0, min(ceiling, (soonest - now).total_seconds()))
