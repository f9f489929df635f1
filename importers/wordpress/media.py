"""WordPress attachments → photo-library images, for heroes and bodies.

Files are taken from ``--uploads-dir`` (a copy of ``wp-content/uploads``);
nothing is downloaded. Each file goes through the library's upload checks
(format, size, EXIF stripped) and is keyed on its attachment
(``Image.source_key`` = ``wordpress:<site>:<attachment id>``), so a re-import,
or another post using the same attachment, reuses it.
"""

import logging
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import DatabaseError

from images.models import Image
from images.processing import process_upload
from images.services import image_create
from importers.wordpress.attachments import (
    Attachment,
    AttachmentIndex,
    src_keys,
    upload_path,
)

logger = logging.getLogger(__name__)

NO_UPLOADS_DIR = "pas de --uploads-dir"
NOT_IN_EXPORT = "pièce jointe absente de l’export"


class ImageUnavailable(Exception):
    """This attachment gives no library image; the message says why, in French."""


class MediaLibrary:
    """The attachments of an export and the library images made from them."""

    def __init__(self, *, uploads_dir: Path | None, dry_run: bool, report, site="site"):
        self.site = site
        self.uploads_dir = uploads_dir.resolve() if uploads_dir else None
        self.dry_run = dry_run
        self.report = report
        self.index: AttachmentIndex | None = None  # made on the first attachment

    def close(self):
        if self.index is not None:
            self.index.close()
            self.index = None

    # -- attachments --------------------------------------------------------

    def remember(self, item):
        if item.post_id is None:
            return
        attachment = Attachment.from_item(item)
        if not attachment.is_image:
            return  # PDFs, sound, video: never a library image
        if self.index is None:
            self.index = AttachmentIndex()
        self.index.add(attachment)

    def get(self, attachment_id: int) -> Attachment | None:
        return self.index.get(attachment_id) if self.index else None

    def find(self, *, attachment_id: int | None = None, src: str = ""):
        """The attachment an image names by id, else the one its address
        points to (an original or one of its sizes), else None."""
        if self.index is None:
            return None
        if attachment_id is not None and (found := self.index.get(attachment_id)):
            return found
        for key in src_keys(src):
            if (found_id := self.index.id_for_path(key)) is not None:
                return self.index.get(found_id)
        return None

    def attached_to(self, post_id: int) -> list[int]:
        """The image attachments uploaded to a post, in WordPress's gallery
        order (menu order, then id)."""
        return self.index.attached_to(post_id) if self.index else []

    def is_local(self, src: str) -> bool:
        """Whether ``src`` points at the site itself (its uploads or any of
        its addresses) rather than at another site."""
        if upload_path(src):
            return True
        host = (urlsplit(src.strip()).hostname or "").removeprefix("www.")
        return not host or host == self.site.split("/")[0].removeprefix("www.")

    # -- library images -----------------------------------------------------

    def image_pk(self, attachment: Attachment, *, alt: str = "") -> int | None:
        """The pk of the library image for ``attachment`` (created on first
        sight, kept in step with WordPress's alt text, caption and credit;
        ``alt``, the text of an <img> using it, fills an empty alt). None in a
        dry run for an image that would be created. Raises
        ``ImageUnavailable`` with the reason when there is none."""
        if self.uploads_dir is None:
            raise ImageUnavailable(NO_UPLOADS_DIR)
        if attachment.outcome == "dry":
            return None  # a dry run: it would be created
        if attachment.outcome == "image" and (attachment.has_alt or not alt):
            return attachment.image_pk
        if attachment.outcome not in {"", "image"}:
            raise ImageUnavailable(attachment.outcome)
        try:
            pk, has_alt = self._library_image(attachment, alt=alt)
        except ImageUnavailable as error:
            self.report.images[str(error)] += 1
            self._record(attachment, str(error))
            raise
        self._record(attachment, "dry" if pk is None else "image", pk, has_alt)
        return pk

    def _record(self, attachment, outcome, pk=None, has_alt=False):
        attachment.outcome, attachment.image_pk = outcome, pk
        attachment.has_alt = has_alt
        if self.index is not None:
            self.index.record(attachment)

    def _library_image(self, attachment: Attachment, *, alt: str):
        key = f"wordpress:{self.site}:{attachment.id}"[:200]
        fields = {
            "alt": (attachment.alt or alt)[:300],
            "caption": attachment.caption[:500],
            "credit": attachment.credit[:150],
        }
        image = Image.objects.filter(source_key=key).only(*fields).first()
        if image is not None:
            if not attachment.outcome:  # counted once per run
                self.report.images["déjà présente"] += 1
            changed = {k: v for k, v in fields.items() if v and getattr(image, k) != v}
            if not attachment.alt and image.alt:
                changed.pop("alt", None)  # an <img>'s alt only fills a blank
            if changed and not self.dry_run:
                Image.objects.filter(pk=image.pk).update(**changed)
            return image.pk, bool(changed.get("alt") or image.alt)
        source = self._source(attachment)
        with source.open("rb") as file:
            try:
                upload = process_upload(File(file, name=source.name))
            except ValidationError as error:
                raise ImageUnavailable(
                    f"refusée : {' '.join(error.messages)}"
                ) from None
        if self.dry_run:
            self.report.images["serait importée"] += 1
            return None, bool(fields["alt"])
        title = attachment.caption or fields["alt"] or source.stem
        try:
            image = image_create(
                image=Image(
                    title=title[:200],
                    licence=Image.Licence.OTHER,
                    source_key=key,
                    **fields,
                ),
                upload=upload,
            )
        except (DatabaseError, OSError):
            # A storage or database failure loses this image, not the post.
            logger.exception("WordPress attachment %s not stored", attachment.id)
            raise ImageUnavailable("erreur à l’enregistrement du fichier") from None
        self.report.images["importée"] += 1
        return image.pk, bool(image.alt)

    def _source(self, attachment: Attachment) -> Path:
        relative = PurePosixPath(attachment.file)
        if not attachment.file or relative.is_absolute() or ".." in relative.parts:
            raise ImageUnavailable("chemin de fichier inutilisable")
        source = (self.uploads_dir / relative).resolve()
        if not source.is_relative_to(self.uploads_dir) or not source.is_file():
            raise ImageUnavailable("fichier absent de --uploads-dir")
        return source

    # -- featured images ----------------------------------------------------

    def thumbnail_id(self, item) -> int | None:
        value = item.meta.get("_thumbnail_id", "").strip()
        return int(value) if value.isdigit() else None

    def hero_pk(self, item) -> int | None:
        """The library image for the post's featured image, or None (the
        report says why)."""
        attachment_id = self.thumbnail_id(item)
        if attachment_id is None:
            return None
        attachment = self.get(attachment_id)
        try:
            if attachment is None:
                raise ImageUnavailable(
                    NO_UPLOADS_DIR if self.uploads_dir is None else NOT_IN_EXPORT
                )
            pk = self.image_pk(attachment)
        except ImageUnavailable as error:
            self.report.featured[f"non reprise : {error}"] += 1
            return None
        self.report.featured["reprise"] += 1
        return pk
