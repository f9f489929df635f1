import contextlib
import time

from django.core.management.base import BaseCommand

from jobs.periodic import periodic_enqueue_due, seconds_to_next_run


class Command(BaseCommand):
    help = (
        "Met en file les tâches périodiques arrivées à échéance, une seule fois "
        "chacune même avec plusieurs processus ; les workers les exécutent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once",
            action="store_true",
            help="Un seul passage, puis quitter.",
        )
        parser.add_argument(
            "--max-sleep",
            type=float,
            default=5.0,
            help="Attente maximale entre deux passages (secondes).",
        )

    def handle(self, *, once, max_sleep, **options):
        # Ctrl-C under `make run` stops it quietly.
        with contextlib.suppress(KeyboardInterrupt):
            self._run(once, max_sleep)

    def _run(self, once, max_sleep):
        while True:
            for name in periodic_enqueue_due():
                self.stdout.write(f"mise en file : {name}")
            if once:
                return
            time.sleep(seconds_to_next_run(ceiling=max_sleep))
