"""Featured images: a WordPress attachment → the article's hero image.

Files are taken from ``--uploads-dir`` (a copy of ``wp-content/uploads``);
nothing is downloaded. They go into the current hero fields (``hero_image``,
``hero_alt``, ``hero_caption``, ``hero_credit``). This module is the only
place that knows where an imported image goes: switching to the photo
library means changing ``FeaturedImages.attach`` and nothing else.
"""

import hashlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.files import File
from PIL import Image, UnidentifiedImageError

from articles.importers.wordpress.content import plain_text

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


def _digest(file) -> str:
    sha = hashlib.sha256()
    for chunk in iter(lambda: file.read(1 << 20), b""):
        sha.update(chunk)
    file.seek(0)
    return sha.hexdigest()


class FeaturedImages:
    """Remembers attachments as they stream past and attaches featured images.

    A post may name its featured image before the attachment's own item
    appears in the file: such posts wait in ``pending`` until ``finish()``.
    Only a few fields per attachment are kept, so memory stays small.
    """

    def __init__(self, *, uploads_dir: Path | None, dry_run: bool, report):
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
        source = self._source(attachment)
        if source is None:
            return False
        changed = False
        with source.open("rb") as file:
            try:
                with Image.open(file) as image:
                    image.verify()
            except (UnidentifiedImageError, OSError, SyntaxError):
                self.report.images["fichier qui n’est pas une image"] += 1
                return False
            file.seek(0)
            if not self._same_file(article, file):
                if self.dry_run:
                    self.report.images["serait importée"] += 1
                else:
                    article.hero_image.save(source.name, File(file), save=False)
                    self.report.images["importée"] += 1
                changed = True
            else:
                self.report.images["déjà présente"] += 1
        for name, value, limit in (
            ("hero_alt", attachment.alt, 300),
            ("hero_caption", attachment.caption, 300),
            ("hero_credit", attachment.credit, 150),
        ):
            if getattr(article, name) != value[:limit]:
                setattr(article, name, value[:limit])
                changed = True
        return changed

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

    @staticmethod
    def _same_file(article, file) -> bool:
        if not article.hero_image:
            return False
        try:
            with article.hero_image.open("rb") as current:
                return _digest(current) == _digest(file)
        except OSError:
            return False
