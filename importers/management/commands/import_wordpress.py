from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from importers.wordpress import WXRError, import_wordpress
from importers.wordpress.progress import Progress


class Command(BaseCommand):
    help = (
        "Importe un export WordPress (fichier WXR : Outils, Exporter) : articles, "
        "rubriques, mots-clés, auteurs, images (principales et dans le texte) et "
        "anciennes adresses."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", type=Path, help="le fichier .xml exporté")
        parser.add_argument(
            "--uploads-dir",
            type=Path,
            help="copie du dossier wp-content/uploads, d’où les images sont prises",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="tout vérifier et résumer sans rien enregistrer",
        )

    def handle(self, *args, export, uploads_dir, dry_run, verbosity, **options):
        if not export.is_file():
            raise CommandError(f"Fichier introuvable : « {export} ».")
        progress = Progress(self.stderr) if verbosity > 0 else None
        try:
            report = import_wordpress(
                path=export,
                uploads_dir=uploads_dir,
                dry_run=dry_run,
                on_progress=progress,
            )
        except WXRError as error:
            raise CommandError(
                f"« {export.name} » n’a pas été importé : {error} Rien n’a été modifié."
            ) from error
        finally:
            if progress:
                progress.close()
        for line in report.lines(verbose=verbosity > 1):
            self.stdout.write(line)
        if report.interrupted:
            raise CommandError(
                "Le fichier est incomplet ou abîmé : l’import s’est arrêté avant la fin."
            )
