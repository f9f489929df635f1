"""Where items come from: files, a drop folder (FTP/SFTP deliveries), an
HTTPS feed polled with ``ETag``/``If-Modified-Since``.

A file that cannot be read never stops the ingest: it is refused with its
reason (and, from a drop folder, moved to its ``quarantine/`` folder with a
``.raison.txt`` beside it); the other files and items go on.
"""

import datetime as dt
import itertools
import logging
import shutil
import urllib.error
import urllib.request
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import DatabaseError
from django.utils import timezone

from images.models import Image
from images.processing import process_upload
from images.services import image_create
from wires.models import WireFeed
from wires.parsing import ParsedItem, WireFormatError, parse
from wires.services import REFUSED, Outcome, wire_ingest_many

logger = logging.getLogger("wires")

QUARANTINE, ARCHIVE = "quarantine", "archive"
PICTURE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".gif"}


def max_bytes() -> int:
    return settings.WIRES_MAX_FILE_MB * 1024 * 1024


# Files read, then stored together (``wire_ingest_many``).
BATCH = 200


def _parsed(data: bytes, agency: str = "") -> list:
    """The items of ``data``, and a refusal in place of each unreadable one."""
    try:
        items = parse(data, agency=agency)
    except WireFormatError as error:
        return [Outcome(REFUSED, reason=str(error))]
    return [
        Outcome(REFUSED, reason=str(item))
        if isinstance(item, WireFormatError)
        else item
        for item in items
    ]


def _read(path: Path) -> list:
    try:
        size = path.stat().st_size
        if size > max_bytes():
            return [
                Outcome(
                    REFUSED,
                    reason=f"fichier de {size // 1024} Ko, au-delà de la limite de "
                    f"{settings.WIRES_MAX_FILE_MB} Mo",
                )
            ]
        return _parsed(path.read_bytes())
    except OSError as error:
        return [Outcome(REFUSED, reason=f"fichier illisible ({error.strerror})")]


def _store(entries: list, pictures_dir: Path | None) -> list[Outcome]:
    """Outcomes for ``entries`` (parsed items and refusals), in order."""
    parsed = [entry for entry in entries if isinstance(entry, ParsedItem)]
    stored = iter(wire_ingest_many(items=parsed) if parsed else [])
    outcomes = []
    for entry in entries:
        if isinstance(entry, Outcome):
            outcomes.append(entry)
            continue
        outcome = next(stored)
        if pictures_dir is not None and entry.pictures and outcome.item is not None:
            _attach_pictures(outcome.item, entry.pictures, pictures_dir)
        outcomes.append(outcome)
    return outcomes


def ingest_bytes(data: bytes, *, agency: str = "", pictures_dir: Path | None = None):
    """Each item of ``data``, stored (``Outcome`` per item)."""
    return _store(_parsed(data, agency), pictures_dir)


def ingest_files(paths, *, folder: Path | None = None):
    """Files, ``BATCH`` at a time; from a drop ``folder``, each moved to its
    archive or quarantine once its items are stored."""
    for chunk in itertools.batched(paths, BATCH, strict=False):
        read = [(path, _read(path)) for path in chunk]
        entries = [entry for _, found in read for entry in found]
        pictures_dir = chunk[0].parent
        outcomes = iter(_store(entries, pictures_dir))
        for path, found in read:
            mine = [next(outcomes) for _ in found]
            for outcome in mine:
                outcome.source = str(path)
            if folder is not None:
                _file_away(path, folder, mine)
            yield from mine


def ingest_file(path: Path, *, folder: Path | None = None):
    """One file; from a drop ``folder``, moved to its archive or quarantine."""
    return list(ingest_files([path], folder=folder))


def ingest_folder(folder: Path):
    """Every item file in a drop folder, oldest first (pictures stay until
    the item that names them is read)."""
    files = sorted(
        (
            p
            for p in folder.iterdir()
            if p.is_file()
            and not p.name.startswith(".")
            and p.suffix.lower() not in PICTURE_SUFFIXES
            and not p.name.endswith(".raison.txt")
        ),
        key=lambda p: (p.stat().st_mtime, p.name),
    )
    yield from ingest_files(files, folder=folder)


def poll_feed(url: str, *, agency: str = "", timeout: float = 20):
    """An HTTPS feed, asked only for what changed since the last poll."""
    feed, _ = WireFeed.objects.get_or_create(url=url, defaults={"agency": agency})
    request = urllib.request.Request(url, headers={"User-Agent": "NewsDayFR-wires/1"})  # noqa: S310
    if feed.etag:
        request.add_header("If-None-Match", feed.etag)
    if feed.last_modified:
        request.add_header("If-Modified-Since", feed.last_modified)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            data = response.read(max_bytes() + 1)
            etag = response.headers.get("ETag", "")
            modified = response.headers.get("Last-Modified", "")
    except urllib.error.HTTPError as error:
        if error.code == 304:
            WireFeed.objects.filter(pk=feed.pk).update(polled_at=timezone.now())
            return []
        return [Outcome(REFUSED, reason=f"le flux a répondu {error.code}")]
    except (urllib.error.URLError, OSError, ValueError) as error:
        return [Outcome(REFUSED, reason=f"flux injoignable ({error})")]
    if len(data) > max_bytes():
        return [Outcome(REFUSED, reason="réponse au-delà de la limite de taille")]
    outcomes = ingest_bytes(data, agency=agency or feed.agency)
    WireFeed.objects.filter(pk=feed.pk).update(
        etag=etag[:255], last_modified=modified[:100], polled_at=timezone.now()
    )
    return outcomes


def _file_away(path: Path, folder: Path, outcomes):
    refused = all(o.outcome == REFUSED for o in outcomes)
    target = folder / (QUARANTINE if refused else ARCHIVE)
    target.mkdir(exist_ok=True)
    destination = target / path.name
    try:
        shutil.move(path, destination)
        if refused:
            reasons = "\n".join(o.reason for o in outcomes)
            destination.with_name(destination.name + ".raison.txt").write_text(
                reasons + "\n", encoding="utf-8"
            )
    except OSError:
        logger.exception("Dépêche %s : impossible de la déplacer", path)


def _attach_pictures(item, pictures, folder: Path):
    """Pictures named by the item and delivered beside it, into the photo
    library with the agency's credit and terms (once per picture)."""
    for picture in pictures:
        name = PurePosixPath(picture["href"].split(":")[-1]).name
        source = folder / name
        key = f"wire:{item.agency}:{name}"[:255]
        if not name or not source.is_file():
            continue
        image = Image.objects.filter(source_key=key).first()
        if image is None:
            image = _store_picture(item, source, key, picture.get("caption", ""))
        if image is not None:
            item.images.add(image)


def _store_picture(item, source: Path, key: str, caption: str):
    days = settings.WIRES_PHOTO_LICENCE_DAYS
    try:
        with source.open("rb") as file:
            upload = process_upload(File(file, name=source.name))
        return image_create(
            image=Image(
                title=(caption or item.headline or source.stem)[:200],
                caption=caption[:500],
                credit=item.agency or "Agence",
                licence=Image.Licence.AGENCY,
                licence_expires_on=(timezone.localdate() + dt.timedelta(days=days))
                if days
                else None,
                source_key=key,
            ),
            upload=upload,
        )
    except (ValidationError, DatabaseError, OSError):
        logger.warning("Photo de dépêche refusée : %s", source, exc_info=True)
        return None
