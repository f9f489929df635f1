"""WordPress attachments → photo-library images, for heroes and bodies.

Files are taken from ``--uploads-dir`` (a copy of ``wp-content/uploads``);
nothing is downloaded. Each file goes through the library's upload checks
(format, size, EXIF stripped) and is keyed on its attachment
(``Image.source_key`` = ``wordpress:<site>:<attachment id>``), so a re-import,
or another post using the same attachment, reuses it.

Only a few fields per image attachment are kept in memory, with two small
indexes: upload path → attachment, parent post → attachments (for the
galleries that name no ids).
"""

import logging
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import DatabaseError

from articles.importers.wordpress.content import plain_text
from images.models import Image
from images.processing import process_upload
from images.services import image_create

logger = logging.getLogger(__name__)

# Where uploads live in an attachment URL: self-hosted, then old multisite.
_UPLOAD_MARKERS = ("/wp-content/uploads/", "/files/")
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".jpe", ".png", ".gif", ".webp", ".avif"}
# The sizes WordPress derives from an upload: photo-300x200.jpg.
_SIZE_SUFFIX = re.compile(r"-[0-9]+x[0-9]+(?=\.[A-Za-z0-9]+$)")
# Since WordPress 5.3 a big upload is kept as photo-scaled.jpg (or -rotated),
# while its sizes are named after photo.jpg.
_ORIGINAL_SUFFIX = re.compile(r"-(?:scaled|rotated)(?=\.[A-Za-z0-9]+$)")

NO_UPLOADS_DIR = "pas de --uploads-dir"
NOT_IN_EXPORT = "pièce jointe absente de l’export"


class ImageUnavailable(Exception):
    """This attachment gives no library image; the message says why, in French."""


@dataclass(slots=True)
class Attachment:
    id: int
    url: str
    file: str  # relative to the uploads folder: "2024/05/photo.jpg"
    alt: str
    caption: str
    credit: str
    parent: int = 0
    menu_order: int = 0

    @classmethod
    def from_item(cls, item):
        url = item.get("wp:attachment_url").strip() or item.guid
        return cls(
            id=item.post_id,
            url=url,
            file=item.meta.get("_wp_attached_file", "").strip() or upload_path(url),
            alt=plain_text(item.meta.get("_wp_attachment_image_alt", "")),
            caption=plain_text(item.get("excerpt:encoded")),
            # Newspack and the Media Credit plugin keep the credit here.
            credit=plain_text(item.meta.get("_media_credit", "")),
            parent=_integer(item.get("wp:post_parent")),
            menu_order=_integer(item.get("wp:menu_order")),
        )

    @property
    def is_image(self) -> bool:
        name = self.file or urlsplit(self.url).path
        return PurePosixPath(name).suffix.lower() in IMAGE_EXTENSIONS


def _integer(value: str) -> int:
    value = (value or "").strip()
    return int(value) if value.isdigit() else 0


def upload_path(url: str) -> str:
    """The path of ``url`` inside the uploads folder ("2024/03/a.jpg"), or ""."""
    parts = urlsplit(url.strip())
    path = unquote(parts.path)
    for marker in _UPLOAD_MARKERS:
        if marker in path:
            return path.split(marker, 1)[1]
    if parts.hostname and parts.hostname.endswith(".files.wordpress.com"):
        return path.lstrip("/")  # WordPress.com serves uploads from the root
    return ""


def _url_keys(url: str) -> list[str]:
    """Ways to recognise an upload from its URL whatever the host it is
    served from (http or https, www or not, a CDN): its path, and its place
    in the uploads folder."""
    path = unquote(urlsplit(url.strip()).path)
    keys = [path] if path.strip("/") else []
    if relative := upload_path(url):
        keys.append(relative)
    return keys


class MediaLibrary:
    """The attachments of an export and the library images made from them."""

    def __init__(self, *, uploads_dir: Path | None, dry_run: bool, report, site="site"):
        self.site = site
        self.uploads_dir = uploads_dir.resolve() if uploads_dir else None
        self.dry_run = dry_run
        self.report = report
        self.attachments: dict[int, Attachment] = {}
        self.by_path: dict[str, int] = {}
        self.children: dict[int, list[int]] = {}
        # Per attachment, what was found this run: the image's pk and whether
        # it has alt text, or why there is none. Library images are created
        # outside the posts' transactions, so a pk kept here stays valid.
        self.found: dict[int, tuple[int, bool] | None] = {}
        self.failures: dict[int, str] = {}

    # -- attachments --------------------------------------------------------

    def remember(self, item):
        if item.post_id is None or item.post_id in self.attachments:
            return
        attachment = Attachment.from_item(item)
        if not attachment.is_image:
            return  # PDFs, sound, video: never a library image
        self.attachments[attachment.id] = attachment
        for key in {attachment.file, *_url_keys(attachment.url)}:
            if key:
                self.by_path.setdefault(key, attachment.id)
                self.by_path.setdefault(_ORIGINAL_SUFFIX.sub("", key), attachment.id)
        if attachment.parent:
            self.children.setdefault(attachment.parent, []).append(attachment.id)

    def find(self, *, attachment_id: int | None = None, src: str = ""):
        """The attachment an image names by id, else the one its address
        points to (an original or one of its sizes), else None."""
        if attachment_id is not None and attachment_id in self.attachments:
            return self.attachments[attachment_id]
        for key in _url_keys(src):
            found = self.by_path.get(key) or self.by_path.get(_SIZE_SUFFIX.sub("", key))
            if found is not None:
                return self.attachments[found]
        return None

    def attached_to(self, post_id: int) -> list[int]:
        """The image attachments uploaded to a post, in WordPress's gallery
        order (menu order, then id)."""
        ids = self.children.get(post_id, [])
        return sorted(ids, key=lambda i: (self.attachments[i].menu_order, i))

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
        if attachment.id in self.failures:
            raise ImageUnavailable(self.failures[attachment.id])
        if attachment.id in self.found:
            cached = self.found[attachment.id]
            if cached is None:
                return None  # a dry run: it would be created
            pk, has_alt = cached
            if has_alt or not alt:
                return pk
        try:
            pk, has_alt = self._library_image(attachment, alt=alt)
        except ImageUnavailable as error:
            self.failures[attachment.id] = str(error)
            self.report.images[str(error)] += 1
            raise
        self.found[attachment.id] = None if pk is None else (pk, has_alt)
        return pk

    def _library_image(self, attachment: Attachment, *, alt: str):
        key = f"wordpress:{self.site}:{attachment.id}"[:200]
        fields = {
            "alt": (attachment.alt or alt)[:300],
            "caption": attachment.caption[:500],
            "credit": attachment.credit[:150],
        }
        image = Image.objects.filter(source_key=key).only(*fields).first()
        if image is not None:
            if attachment.id not in self.found:
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
        attachment = self.attachments.get(attachment_id)
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
