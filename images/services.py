"""Writes to the photo library that do more than save one row."""

from django.conf import settings
from django.db import transaction

from images.models import Image
from images.processing import CleanUpload
from images.renditions import (
    CROPPED_SPECS,
    THUMBNAIL_SPEC,
    rendition_get_or_create,
    renditions_delete,
)
from images.tasks import generate_image_renditions


def image_create(*, image: Image, upload: CleanUpload, uploaded_by=None) -> Image:
    """Store a checked upload as ``image`` (an unsaved instance carrying the
    journalist's title, alt text, credit...; blanks are filled from the file's
    own metadata). If anything fails, nothing is kept.

    With ``IMAGES_RENDITIONS_AT_UPLOAD`` (the default) the request returns as
    soon as the original is stored: a background job makes every rendition,
    the admin thumbnail included (until it has, pages ask for it by its
    on-demand address). Otherwise the thumbnail is made here and the rest on
    first use."""
    image.file = upload.content
    image.width, image.height = upload.width, upload.height
    image.file_size = upload.content.size
    image.title = image.title or upload.title
    image.caption = image.caption or upload.caption
    image.credit = image.credit or upload.credit
    if uploaded_by is not None and uploaded_by.is_authenticated:
        image.uploaded_by = uploaded_by
    thumbnail = None
    try:
        with transaction.atomic():
            image.save()
            if not settings.IMAGES_RENDITIONS_AT_UPLOAD:
                thumbnail = rendition_get_or_create(image=image, spec=THUMBNAIL_SPEC)
    except Exception:
        # The files were written before the transaction failed: remove them.
        if image.file._committed and image.file.name:
            image.file.storage.delete(image.file.name)
        if thumbnail is not None:
            thumbnail.file.storage.delete(thumbnail.file.name)
        raise
    if settings.IMAGES_RENDITIONS_AT_UPLOAD:
        transaction.on_commit(lambda: generate_image_renditions.enqueue(image.pk))
    return image


def image_reset_crops(*, image: Image) -> None:
    """Drop the renditions cropped around the focal point (Open Graph), after
    it moved; they are made again on next use."""
    renditions_delete(image=image, specs=CROPPED_SPECS)


def image_delete(*, image: Image) -> None:
    """Delete ``image``, its renditions and, once committed, their files."""
    with transaction.atomic():
        renditions_delete(image=image)
        name, storage = image.file.name, image.file.storage
        image.delete()
        transaction.on_commit(lambda: storage.delete(name))
