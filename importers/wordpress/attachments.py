"""The image attachments of an export, and how their files are addressed.

An export may list hundreds of thousands of attachments, before or after the
posts that use them. They are kept in a temporary SQLite file rather than in
memory, so an import's memory stays flat whatever their number; a lookup by
id, by upload path or by parent post is one indexed query.
"""

import re
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from importers.wordpress.content import plain_text

# Where uploads live in an attachment URL: self-hosted, then old multisite.
_UPLOAD_MARKERS = ("/wp-content/uploads/", "/files/")
IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".jpe", ".png", ".gif", ".webp", ".avif"}
# The sizes WordPress derives from an upload: photo-300x200.jpg.
_SIZE_SUFFIX = re.compile(r"-[0-9]+x[0-9]+(?=\.[A-Za-z0-9]+$)")
# Since WordPress 5.3 a big upload is kept as photo-scaled.jpg (or -rotated),
# while its sizes are named after photo.jpg.
_ORIGINAL_SUFFIX = re.compile(r"-(?:scaled|rotated)(?=\.[A-Za-z0-9]+$)")


@dataclass(slots=True)
class Attachment:
    id: int
    file: str  # relative to the uploads folder: "2024/05/photo.jpg"
    alt: str = ""
    caption: str = ""
    credit: str = ""
    parent: int = 0
    menu_order: int = 0
    url: str = ""
    # What this run found for it: "" (not tried yet), "image" (image_pk),
    # "dry" (would be created), or why there is no image.
    outcome: str = ""
    image_pk: int | None = None
    has_alt: bool = False

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

    def path_keys(self) -> set[str]:
        """The upload paths that name this attachment's file."""
        keys = {self.file, upload_path(self.url) or url_path(self.url)} - {""}
        return keys | {_ORIGINAL_SUFFIX.sub("", key) for key in keys}


def _integer(value: str) -> int:
    value = (value or "").strip()
    return int(value) if value.isdigit() else 0


def url_path(url: str) -> str:
    path = unquote(urlsplit(url.strip()).path)
    return path if path.strip("/") else ""


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


def src_keys(src: str) -> list[str]:
    """Upload paths an <img> address may name, whatever the host it is
    served from (http or https, www or not, a CDN), the exact file first,
    then the original of a size."""
    keys = [key for key in (upload_path(src), url_path(src)) if key]
    return keys + [_SIZE_SUFFIX.sub("", key) for key in keys]


_SCHEMA = """
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
CREATE TABLE attachment (
    id INTEGER PRIMARY KEY, file TEXT, alt TEXT, caption TEXT, credit TEXT,
    parent INTEGER, menu_order INTEGER,
    outcome TEXT NOT NULL DEFAULT '', image_pk INTEGER, has_alt INTEGER
);
CREATE INDEX attachment_parent ON attachment (parent, menu_order, id);
CREATE TABLE upload_path (key TEXT PRIMARY KEY, id INTEGER) WITHOUT ROWID;
"""
_FIELDS = (
    "id, file, alt, caption, credit, parent, menu_order, outcome, image_pk, has_alt"
)


class AttachmentIndex:
    """Image attachments by id, by upload path and by parent post."""

    def __init__(self):
        self._folder = tempfile.TemporaryDirectory(prefix="newsday-wordpress-")
        self.db = sqlite3.connect(Path(self._folder.name) / "attachments.sqlite3")
        self.db.executescript(_SCHEMA)

    def close(self):
        self.db.close()
        self._folder.cleanup()

    def add(self, attachment: Attachment) -> bool:
        """Keep ``attachment`` (the first one seen for an id wins)."""
        added = self.db.execute(
            "INSERT OR IGNORE INTO attachment (id, file, alt, caption, credit, "
            "parent, menu_order) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                attachment.id,
                attachment.file,
                attachment.alt,
                attachment.caption,
                attachment.credit,
                attachment.parent,
                attachment.menu_order,
            ),
        ).rowcount
        if added:
            self.db.executemany(
                "INSERT OR IGNORE INTO upload_path VALUES (?, ?)",
                [(key, attachment.id) for key in attachment.path_keys()],
            )
        return bool(added)

    def get(self, attachment_id: int) -> Attachment | None:
        row = self.db.execute(
            f"SELECT {_FIELDS} FROM attachment WHERE id = ?",  # noqa: S608 (constant)
            (attachment_id,),
        ).fetchone()
        if row is None:
            return None
        values = dict(zip(_FIELDS.split(", "), row, strict=True))
        values["has_alt"] = bool(values["has_alt"])
        return Attachment(**values)

    def id_for_path(self, key: str) -> int | None:
        row = self.db.execute(
            "SELECT id FROM upload_path WHERE key = ?", (key,)
        ).fetchone()
        return row[0] if row else None

    def attached_to(self, post_id: int) -> list[int]:
        return [
            row[0]
            for row in self.db.execute(
                "SELECT id FROM attachment WHERE parent = ? ORDER BY menu_order, id",
                (post_id,),
            )
        ]

    def record(self, attachment: Attachment):
        """Keep what this run found for ``attachment``."""
        self.db.execute(
            "UPDATE attachment SET outcome = ?, image_pk = ?, has_alt = ? WHERE id = ?",
            (
                attachment.outcome,
                attachment.image_pk,
                attachment.has_alt,
                attachment.id,
            ),
        )
