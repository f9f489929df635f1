from django.tasks import task

from images.models import Image
from images.renditions import renditions_generate


@task
def generate_image_renditions(image_id: int) -> int:
    """Make every missing rendition of an image (queued after upload when
    ``IMAGES_RENDITIONS_AT_UPLOAD`` is on). Run twice, the second run finds
    them all made and does nothing; an image deleted meanwhile is skipped."""
    image = Image.objects.filter(pk=image_id).first()
    return renditions_generate(image=image) if image else 0
