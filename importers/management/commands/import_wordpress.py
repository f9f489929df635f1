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
            "--sections",
            choices=["none", "top", "all"],
            default="none",
            help=(
                "quelles catégories deviennent des rubriques : aucune (par défaut ; "
                "elles restent des mots-clés), les plus utilisées (top) ou toutes"
            ),
        )
        parser.add_argument(
            "--top-sections",
            type=int,
            default=6,
            metavar="N",
            help="avec --sections top : combien de catégories (6 par défaut)",
        )
        parser.add_argument(
            "--default-section",
            default="",
            metavar="SLUG",
            help=(
                "rubrique des articles dont la catégorie n’est pas une rubrique "
                "(par défaut : la première rubrique du menu)"
            ),
        )
        parser.add_argument(
            "--keep-sticky",
            action="store_true",
            help="mettre « À la une » les articles épinglés dans WordPress",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="tout vérifier et résumer sans rien enregistrer",
        )

    def handle(self, *args, export, uploads_dir, dry_run, verbosity, **options):
        if options["top_sections"] < 1:
            raise CommandError("--top-sections doit valoir au moins 1.")
        if not export.is_file():
            raise CommandError(f"Fichier introuvable : « {export} ».")
        progress = Progress(self.stderr) if verbosity > 0 else None
        try:
            report = import_wordpress(
                path=export,
                uploads_dir=uploads_dir,
                dry_run=dry_run,
                on_progress=progress,
                sections=options["sections"],
                top_sections=options["top_sections"],
                default_section=options["default_section"],
                keep_sticky=options["keep_sticky"],
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
