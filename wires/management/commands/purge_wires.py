"""``manage.py purge_wires``: items older than ``WIRES_RETENTION_DAYS``."""

from django.conf import settings
from django.core.management.base import BaseCommand

from wires.services import wires_purge


class Command(BaseCommand):
    help = (
        "Supprime les dépêches reçues il y a plus de WIRES_RETENTION_DAYS jours "
        "dont aucun article n’a été tiré."
    )

    def handle(self, *args, **options):
        count = wires_purge(days=settings.WIRES_RETENTION_DAYS)
        self.stdout.write(f"{count} dépêche(s) supprimée(s).")
