"""Retries with back-off for jobs that fail for a passing reason.

Django's tasks API has no retry policy of its own, but every worker backend
used here can defer a job (``run_after``). A job that meets a passing failure
(the CDN down or slow) calls ``retry_later()``: the same task is enqueued
again, ``TASKS_RETRY_DELAY`` seconds later, doubled at each attempt up to
``TASKS_RETRY_MAX_DELAY``, with the attempt number in its ``attempt`` keyword
argument. At the last attempt (``TASKS_MAX_ATTEMPTS``) the error is raised
instead: the job ends failed and is listed in « Tâches en échec ».

Tasks that retry take ``attempt: int = 1`` as a keyword argument.
"""

import datetime as dt
import logging

from django.conf import settings
from django.tasks import Task
from django.utils import timezone

logger = logging.getLogger("jobs")


def retry_delay(attempt: int) -> dt.timedelta:
    """How long to wait before attempt ``attempt + 1``."""
    seconds = settings.TASKS_RETRY_DELAY * 2 ** (attempt - 1)
    return dt.timedelta(seconds=min(seconds, settings.TASKS_RETRY_MAX_DELAY))


def retry_later(task: Task, error: Exception, *, attempt: int, **kwargs) -> None:
    """Enqueue ``task(**kwargs)`` again after a back-off, or raise ``error``
    if ``attempt`` was the last one."""
    if attempt >= settings.TASKS_MAX_ATTEMPTS:
        raise error
    delay = retry_delay(attempt)
    logger.warning(
        "Tâche %s : essai %d sur %d échoué (%s) ; nouvel essai dans %d s.",
        task.module_path,
        attempt,
        settings.TASKS_MAX_ATTEMPTS,
        error,
        delay.total_seconds(),
    )
    if delay and task.get_backend().supports_defer:
        task = task.using(run_after=timezone.now() + delay)
    # Without a delay, or a backend that can defer (the immediate backend of
    # tests), the next attempt runs at once: the number is still capped.
    task.enqueue(attempt=attempt + 1, **kwargs)
