from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from articles.models import Article, Section
from importers.text import TextImportError, describe, import_text_file

ACTIONS = {
    "created": ("créé", "serait créé"),
    "updated": ("mis à jour", "serait mis à jour"),
    "unchanged": ("inchangé", "inchangé"),
}


class Command(BaseCommand):
    help = "Importe des articles depuis des fichiers texte (une ligne par fichier)."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", type=Path, metavar="FICHIER")
        parser.add_argument(
            "--section",
            help="identifiant de la rubrique (par défaut : la première rubrique active)",
        )
        parser.add_argument(
            "--status",
            choices=[
                Article.Status.DRAFT,
                Article.Status.REVIEW,
                Article.Status.PUBLISHED,
            ],
            help="statut des articles importés (par défaut : brouillon, "
            "ou le statut actuel d’un article déjà importé)",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="tout analyser sans rien enregistrer"
        )

    def handle(self, *args, files, section, status, dry_run, **options):
        target = self._section(section)
        failures = 0
        for path in files:
            try:
                outcome = import_text_file(
                    path,
                    section=target,
                    status=status,
                    site_name=settings.SITE_NAME,
                    dry_run=dry_run,
                )
            except (OSError, TextImportError, ValidationError) as error:
                failures += 1
                self.stderr.write(f"{path.name} : ignoré — {_reason(error)}")
                continue
            done, would = ACTIONS[outcome.action]
            line = (
                f"{path.name} : {would if dry_run else done} — "
                f"« {outcome.parsed.title} » ({describe(outcome.parsed)})"
            )
            if outcome.skipped_related:
                line += f", {len(outcome.skipped_related)} lien(s) « À lire aussi » sans correspondance"
            self.stdout.write(line)
        if failures:
            raise CommandError(
                f"{failures} fichier(s) sur {len(files)} non importé(s)."
            )

    def _section(self, slug):
        sections = Section.objects.filter(is_active=True)
        found = sections.filter(slug=slug).first() if slug else sections.first()
        if found is None:
            raise CommandError(
                f"La rubrique « {slug} » n’existe pas."
                if slug
                else "Aucune rubrique active : créez-en une ou passez --section."
            )
        return found


def _reason(error):
    if isinstance(error, FileNotFoundError):
        return "fichier introuvable"
    if isinstance(error, IsADirectoryError):
        return "c’est un dossier, pas un fichier"
    if isinstance(error, OSError):
        return f"lecture impossible ({error.strerror})"
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    return str(error)
