"""Featured images: a WordPress attachment → a photo-library image → the
article's hero image.

Files are taken from ``--uploads-dir`` (a copy of ``wp-content/uploads``);
nothing is downloaded. Each file goes through the library's upload checks
(format, size, EXIF stripped) and is keyed on its attachment, so a re-import
or another post using the same attachment reuses it.
"""

from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files import File

from articles.importers.wordpress.content import plain_text
from images.models import Image
from images.processing import process_upload
from images.services import image_create

# Where uploads live in an attachment URL: self-hosted, then WordPress.com.
_UPLOAD_MARKERS = ("/wp-content/uploads/", "/files/")


@dataclass
class Attachment:
    id: int
    url: str
    file: str  # relative to the uploads folder: "2024/05/photo.jpg"
    alt: str
    caption: str
    credit: str

    @classmethod
    def from_item(cls, item):
        url = item.get("wp:attachment_url").strip() or item.guid
        return cls(
            id=item.post_id,
            url=url,
            file=item.meta.get("_wp_attached_file", "").strip() or _relative(url),
            alt=plain_text(item.meta.get("_wp_attachment_image_alt", "")),
            caption=plain_text(item.get("excerpt:encoded")),
            # Newspack and the Media Credit plugin keep the credit here.
            credit=plain_text(item.meta.get("_media_credit", "")),
        )


def _relative(url: str) -> str:
    path = unquote(urlsplit(url).path)
    for marker in _UPLOAD_MARKERS:
        if marker in path:
            return path.split(marker, 1)[1]
    return ""


class FeaturedImages:
    """Remembers attachments as they stream past and attaches featured images.

    A post may name its featured image before the attachment's own item
    appears in the file: such posts wait in ``pending`` until ``finish()``.
    Only a few fields per attachment are kept, so memory stays small.
    """

    def __init__(self, *, uploads_dir: Path | None, dry_run: bool, report, site="site"):
        self.site = site
        self.uploads_dir = uploads_dir.resolve() if uploads_dir else None
        self.dry_run = dry_run
        self.report = report
        self.attachments: dict[int, Attachment] = {}
        self.pending: list[tuple[int, int]] = []  # (article pk, attachment id)

    def remember(self, item):
        if item.post_id is not None:
            self.attachments[item.post_id] = Attachment.from_item(item)

    def thumbnail_id(self, item) -> int | None:
        value = item.meta.get("_thumbnail_id", "").strip()
        return int(value) if value.isdigit() else None

    def attach_or_wait(self, article, item) -> bool:
        """Give ``article`` the post's featured image; True if it changed."""
        attachment_id = self.thumbnail_id(item)
        if attachment_id is None:
            return False
        if self.uploads_dir is None:
            self.report.images["non importée (pas de --uploads-dir)"] += 1
            return False
        if attachment_id not in self.attachments:
            self.pending.append((article.pk, attachment_id))
            return False
        return self.attach(article, self.attachments[attachment_id])

    def attach(self, article, attachment: Attachment) -> bool:
        """Make ``attachment`` the hero image of ``article``; True if it changed."""
        image = self.library_image(attachment)
        if image is None or article.hero_image_id == image.pk:
            return False
        article.hero_image = image
        return True

    def library_image(self, attachment: Attachment) -> Image | None:
        """The library image for ``attachment``, created on first sight and
        kept in step with WordPress's alt text, caption and credit."""
        key = f"wordpress:{self.site}:{attachment.id}"[:200]
        fields = {
            "alt": attachment.alt[:300],
            "caption": attachment.caption[:500],
            "credit": attachment.credit[:150],
        }
        image = Image.objects.filter(source_key=key).first()
        if image is not None:
            self.report.images["déjà présente"] += 1
            changed = {k: v for k, v in fields.items() if v and getattr(image, k) != v}
            if changed and not self.dry_run:
                Image.objects.filter(pk=image.pk).update(**changed)
            return image
        source = self._source(attachment)
        if source is None:
            return None
        with source.open("rb") as file:
            try:
                upload = process_upload(File(file, name=source.name))
            except ValidationError as error:
                self.report.images[f"refusée : {' '.join(error.messages)}"] += 1
                return None
        if self.dry_run:
            self.report.images["serait importée"] += 1
            return None
        title = attachment.caption or attachment.alt or source.stem
        image = image_create(
            image=Image(
                title=title[:200], licence=Image.Licence.OTHER, source_key=key, **fields
            ),
            upload=upload,
        )
        self.report.images["importée"] += 1
        return image

    def _source(self, attachment: Attachment) -> Path | None:
        relative = PurePosixPath(attachment.file)
        if not attachment.file or relative.is_absolute() or ".." in relative.parts:
            self.report.images["chemin de fichier inutilisable"] += 1
            return None
        source = (self.uploads_dir / relative).resolve()
        if not source.is_relative_to(self.uploads_dir) or not source.is_file():
            self.report.images["fichier absent de --uploads-dir"] += 1
            return None
        return source
