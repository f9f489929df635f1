import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from demo.loader import load_demo, typeset


def _agreed(tally, feminine=False):
    created = "créées" if feminine else "créés"
    return f"{tally.created} {created}, {tally.existing} déjà là"


class Command(BaseCommand):
    help = (
        "Charge le contenu de démonstration : rubriques, auteurs, articles et "
        "compte administrateur. Ce qui existe déjà n’est pas modifié."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Supprime les articles de démonstration et les recrée avec des dates fraîches.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Charge la démonstration même quand DEBUG est désactivé.",
        )

    def handle(self, *args, reset, force, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                typeset(
                    "DEBUG est désactivé : ce site ressemble à une production, la démonstration n’y est pas chargée. Ajoutez --force pour la charger quand même."
                )
            )
        report = load_demo(
            admin_password=os.environ.get("DEMO_ADMIN_PASSWORD") or None, reset=reset
        )
        lines = ["Contenu de démonstration :"]
        if reset:
            lines.append(f"- articles supprimés : {report.articles_removed}")
        lines += [
            f"- rubriques : {_agreed(report.sections, feminine=True)}",
            f"- auteurs : {_agreed(report.authors)}",
            f"- articles : {_agreed(report.articles)}",
            f"- directs : {_agreed(report.lives)}",
        ]
        for line in lines:
            self.stdout.write(typeset(line))

        accounts = ", ".join(f"« {name} »" for name in report.accounts_created)
        if not report.accounts_created:
            self.stdout.write(typeset("- comptes : déjà là, mots de passe inchangés"))
        elif report.generated_password is None:
            self.stdout.write(
                typeset(
                    f"- comptes créés : {accounts}, avec le mot de passe de DEMO_ADMIN_PASSWORD"
                )
            )
        else:
            self.stdout.write(
                typeset(
                    f"- comptes créés : {accounts}, mot de passe (affiché cette seule fois) : "
                )
                + report.generated_password
            )
        if report.accounts_created:
            self.stdout.write(
                typeset(
                    "  « admin » administre le site, « journaliste » écrit et soumet, "
                    "« editeur » relit, programme et publie."
                )
            )
            self.stdout.write(
                typeset(
                    "  Pour changer un mot de passe : python manage.py changepassword NOM"
                )
            )
