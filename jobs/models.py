from django.db import models
from django_tasks_db.models import DBTaskResult


class PeriodicRun(models.Model):
    """When a periodic job (``jobs.periodic``) next runs; its row is the lock
    that makes one run happen once."""

    name = models.CharField("tâche", max_length=200, unique=True)
    next_run_at = models.DateTimeField("prochaine exécution")
    last_run_at = models.DateTimeField("dernière mise en file", null=True)

    class Meta:
        verbose_name = "tâche périodique"
        verbose_name_plural = "tâches périodiques"
        ordering = ["name"]

    def __str__(self):
        return self.name


class FailedTask(DBTaskResult):
    """What the admin's « Tâches en échec » page hangs on (its permissions and
    its place in the index); the page itself reads whichever backend is
    configured (``jobs.failures``)."""

    class Meta:
        proxy = True
        verbose_name = "tâche en échec"
        verbose_name_plural = "tâches en échec"
        default_permissions = ("view", "change")
