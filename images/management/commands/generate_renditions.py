from django.core.management.base import BaseCommand

from images.models import Image
from images.renditions import renditions_generate


class Command(BaseCommand):
    help = (
        "Make the missing renditions of library images (all of them, or the "
        "ids given), e.g. after a bulk import, so no reader waits for one."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="ids d’images")

    def handle(self, *args, ids, **options):
        images = Image.objects.order_by("pk")
        if ids:
            images = images.filter(pk__in=ids)
        total = 0
        for image in images.iterator():
            try:
                made = renditions_generate(image=image)
            except (OSError, ValueError) as error:
                self.stderr.write(
                    f"{image.pk} «\u00a0{image.title}\u00a0»\u00a0: fichier illisible ({error})"
                )
                continue
            total += made
            if made:
                self.stdout.write(
                    f"{image.pk} «\u00a0{image.title}\u00a0»\u00a0: {made} déclinaison(s)"
                )
        self.stdout.write(f"{total} déclinaison(s) créée(s).")
