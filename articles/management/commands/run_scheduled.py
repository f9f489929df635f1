import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from articles.models import Article, ScheduledChange
from articles.services import scheduled_events_run
from articles.services.scheduled_events import overdue_events
from core.formats import french_datetime

LABELS = {
    "live": "mise en ligne",
    "offline": "dépublication",
    "change": "nouvelle version",
}


class Command(BaseCommand):
    help = (
        "Effectue les suites des évènements programmés arrivés à échéance "
        "(statut, purge de cache, notifications), une seule fois chacun, même "
        "lancé par plusieurs processus à la fois ; rattrape ceux manqués."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop",
            action="store_true",
            help="Rester actif et traiter chaque évènement à sa seconde.",
        )
        parser.add_argument(
            "--max-sleep",
            type=float,
            default=30.0,
            help="En boucle, attente maximale entre deux passages (secondes).",
        )
        parser.add_argument(
            "--check",
            action="store_true",
            help="Ne rien faire ; lister les évènements en retard (code 1 s’il y en a).",
        )

    def handle(self, *, loop, max_sleep, check, **options):
        if check:
            late = overdue_events()
            for event in late:
                self.stdout.write(self._line(event, "en retard"))
            if late:
                raise SystemExit(1)
            return
        while True:
            for event in scheduled_events_run():
                self.stdout.write(self._line(event, "effectuée"))
            if not loop:
                return
            time.sleep(self._seconds_to_next_event(max_sleep))

    def _line(self, event, state):
        return (
            f"{LABELS[event.kind]} {state} : « {event.title} » (id {event.article_id}), "
            f"prévue le {french_datetime(event.due)}"
        )

    @staticmethod
    def _seconds_to_next_event(max_sleep):
        now = timezone.now()
        upcoming = [
            Article.objects.next_visibility_change(after=now),
            ScheduledChange.objects.filter(
                state=ScheduledChange.State.PENDING, apply_at__gt=now
            )
            .order_by("apply_at")
            .values_list("apply_at", flat=True)
            .first(),
        ]
        soonest = min(filter(None, upcoming), default=None)
        if soonest is None:
            return max_sleep
        return max(0.0, min(max_sleep, (soonest - now).total_seconds()))
