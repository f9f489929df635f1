"""``manage.py ingest_wires PATH_OR_URL…``: agency items into the desk."""

import json
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wires import sources


class Command(BaseCommand):
    help = (
        "Lit des dépêches (AFP NewsML 1.2, NewsML-G2, ninjs, RSS/Atom) depuis des "
        "fichiers, un dossier de dépôt ou un flux HTTPS, et les range dans le "
        "desk « Dépêches ». Une ligne par dépêche."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "sources", nargs="+", help="fichier, dossier ou URL https://"
        )
        parser.add_argument(
            "--loop",
            type=float,
            metavar="SECONDES",
            help="recommencer toutes les N secondes (dossier de dépôt, flux)",
        )
        parser.add_argument(
            "--json",
            action="store_true",
            help="un objet JSON par dépêche, pour les scripts",
        )
        parser.add_argument("--agency", default="", help="agence d’un flux RSS/Atom")

    def handle(self, *args, sources: list, loop=None, json=False, agency="", **options):
        self.as_json = json
        while True:
            for source in sources:
                for outcome in self._read(source, agency):
                    self._print(outcome)
            if not loop:
                return
            time.sleep(loop)

    def _read(self, source, agency):
        if source.startswith(("https://", "http://")):
            return sources.poll_feed(source, agency=agency)
        path = Path(source)
        if path.is_dir():
            return sources.ingest_folder(path)
        if path.is_file():
            return sources.ingest_file(path)
        raise CommandError(
            f"« {source} » n’est ni un fichier, ni un dossier, ni une URL."
        )

    def _print(self, outcome):
        if self.as_json:
            self.stdout.write(json.dumps(outcome.as_json(), ensure_ascii=False))
            return
        line = outcome.line()
        if outcome.source:
            line = f"{outcome.source} : {line}"
        style = self.style.ERROR if outcome.outcome == "refused" else self.style.SUCCESS
        self.stdout.write(style(line) if outcome.outcome != "unchanged" else line)
