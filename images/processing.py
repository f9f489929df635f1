"""Server-side checks and clean-up of uploaded photos.

Every upload goes through ``process_upload``: the file is identified by its
content (never its name or the browser's content type), its declared size is
checked before any pixel is decoded, and so is the memory decoding it would
take (``upload_memory_cost``, from the header alone). Then it is decoded in full
(a truncated or corrupt file fails here), turned upright according to its EXIF
orientation and re-encoded without any metadata (EXIF, GPS, XMP, IPTC,
comments). Nothing is written anywhere until the file has passed.
"""

import contextlib
import io
import re
import struct
import warnings
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.text import slugify
from PIL import ExifTags, ImageCms, ImageOps, IptcImagePlugin, UnidentifiedImageError
from PIL import Image as PILImage

# Pillow plugins tried when opening a file: only these, never BMP, TIFF, EPS, ...
ACCEPTED_FORMATS = {
    "JPEG": "jpg",
    "PNG": "png",
    "WEBP": "webp",
    "GIF": "gif",
    "AVIF": "avif",
}
ACCEPTED_MIME_TYPES = "image/jpeg,image/png,image/webp,image/gif,image/avif"
ACCEPTED_LABEL = "JPEG, PNG, WebP, GIF ou AVIF"

# How the cleaned original is written back.
SAVE_OPTIONS = {
    "JPEG": {"quality": 90, "optimize": True},
    "PNG": {"compress_level": 6},
    "WEBP": {"quality": 90, "method": 4},
    "AVIF": {"quality": 85},
    "GIF": {},
}

NOT_AN_IMAGE = (
    f"Ce fichier n’est pas une image {ACCEPTED_LABEL} lisible. Les fichiers SVG, "
    "HTML, PDF ou autres, même renommés en .jpg ou .png, sont refusés."
)
DAMAGED = (
    "Ce fichier image est tronqué ou endommagé\u00a0: enregistrez-le ou exportez-le "
    "à nouveau, puis recommencez."
)
NO_AVIF = (
    "Ce serveur ne sait pas lire les images AVIF\u00a0: envoyez un JPEG, PNG ou WebP."
)

# Huffman optimisation makes libjpeg hold every DCT coefficient of the picture
# (about 3 bytes a pixel) before writing: worth a few per cent of file size on
# camera-sized photos, not 150 MB on a 50-megapixel one.
JPEG_OPTIMIZE_MAX_PIXELS = 12_000_000

# Bytes a decoded pixel takes in Pillow: one for 8-bit single-band modes, two
# for 16-bit grey, four for everything else (RGB is stored as RGBX).
_MODE_BYTES = {"1": 1, "L": 1, "P": 1, "I;16": 2, "I;16B": 2, "I;16L": 2}

# How many times the decoded picture a worker holds, at its peak, while
# cleaning an upload of each format (decoder buffers, the picture, the
# encoder's own), measured with bench/upload_memory.py. WebP's decoder keeps
# its canvas twice and returns a copy; AVIF's encoder needs several frames.
FORMAT_COPIES = {"JPEG": 1.1, "PNG": 1.1, "GIF": 1.8, "WEBP": 5.5, "AVIF": 8.5}
# Turning a picture upright (or converting CMYK) makes a second full copy.
SECOND_COPY = 1.2

FORMAT_WHY = {
    "WEBP": "le décodage d’une image WebP en garde plusieurs copies",
    "AVIF": "l’encodage d’une image AVIF demande plusieurs copies",
}

_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]+")


@dataclass(frozen=True)
class CleanUpload:
    """An upload that passed: the re-encoded file and what was read from it."""

    content: ContentFile
    width: int
    height: int
    format: str
    title: str = ""
    caption: str = ""
    credit: str = ""


def french_number(n):
    return f"{n:,}".replace(",", "\u202f")


def max_upload_bytes():
    return settings.IMAGES_MAX_UPLOAD_MB * 1024 * 1024


def process_upload(uploaded) -> CleanUpload:
    """Check ``uploaded`` (a Django ``File``) and return it cleaned, or raise
    ``ValidationError`` with a French message."""
    size = uploaded.size or 0
    if size == 0:
        raise ValidationError("Le fichier est vide.", code="empty")
    if size > max_upload_bytes():
        megabytes = f"{size / 1024 / 1024:.1f}".replace(".", ",")
        raise ValidationError(
            f"Le fichier pèse {megabytes}\u00a0Mo\u202f; la limite est de "
            f"{settings.IMAGES_MAX_UPLOAD_MB}\u00a0Mo.",
            code="too_heavy",
        )
    uploaded.seek(0)
    head = uploaded.read(32)
    uploaded.seek(0)
    try:
        with warnings.catch_warnings():
            # Past the limit Pillow only warns; here that is a refusal.
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(uploaded, formats=list(ACCEPTED_FORMATS)) as img:
                # Both checks read the header only: no pixel is decoded yet.
                _check_dimensions(*img.size)
                _check_memory(img)
                img.load()
                return _clean(img, uploaded.name or "image")
    except ValidationError:
        raise
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        raise ValidationError(_too_big_message(), code="too_big") from None
    except UnidentifiedImageError:
        if _looks_like_avif(head) and not _avif_readable():
            raise ValidationError(NO_AVIF, code="no_avif") from None
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from None
    except (OSError, SyntaxError, ValueError, EOFError, IndexError, struct.error):
        raise ValidationError(DAMAGED, code="damaged") from None


def _too_big_message(width=None, height=None):
    limits = (
        f"le maximum est de {french_number(settings.IMAGES_MAX_DIMENSION)}\u00a0pixels "
        f"de côté et {french_number(settings.IMAGES_MAX_PIXELS // 1_000_000)}\u00a0mégapixels"
    )
    if width is None:
        return f"L’image annonce des dimensions démesurées\u202f; {limits}."
    return (
        f"L’image mesure {french_number(width)}\u00a0\u00d7\u00a0{french_number(height)}\u00a0pixels\u202f; "
        f"{limits}. Réduisez-la avant de l’envoyer."
    )


def _check_dimensions(width, height):
    if (
        width * height > settings.IMAGES_MAX_PIXELS
        or max(width, height) > settings.IMAGES_MAX_DIMENSION
    ):
        raise ValidationError(_too_big_message(width, height), code="too_big")
    if width < 1 or height < 1:
        raise ValidationError(DAMAGED, code="damaged")


def _needs_turning(img):
    try:
        orientation = img.getexif().get(ExifTags.Base.Orientation, 1)
    except (SyntaxError, ValueError, TypeError, IndexError, struct.error, OSError):
        return False  # unreadable EXIF is ignored when cleaning too
    return orientation in range(2, 9)


def upload_memory_cost(img):
    """Bytes cleaning the (not yet decoded) ``img`` would hold at its peak, and
    why it takes more than one copy of the picture, if it does."""
    width, height = img.size
    copies = FORMAT_COPIES.get(img.format, 1)
    why = FORMAT_WHY.get(img.format)
    if _needs_turning(img):
        copies += SECOND_COPY
        why = why or "elle doit être redressée selon son orientation EXIF"
    elif img.mode == "CMYK":
        copies += SECOND_COPY
        why = why or "elle doit être convertie de CMJN en RVB"
    return width * height * _MODE_BYTES.get(img.mode, 4) * copies, why


def _check_memory(img):
    cost, why = upload_memory_cost(img)
    budget = settings.IMAGES_UPLOAD_MEMORY_MB * 1024 * 1024
    if cost <= budget:
        return
    width, height = img.size
    limit = f"{budget / (cost / (width * height)) / 1_000_000:.1f}".replace(".", ",")
    because = f", car {why}" if why else ""
    other = ", ou envoyez-la en JPEG," if img.format in FORMAT_WHY else ""
    raise ValidationError(
        f"L’image mesure {french_number(width)}\u00a0\u00d7\u00a0{french_number(height)}"
        f"\u00a0pixels\u00a0: la traiter demanderait environ "
        f"{french_number(round(cost / 1024 / 1024))}\u00a0Mo de mémoire au serveur, plus "
        f"que les {french_number(settings.IMAGES_UPLOAD_MEMORY_MB)}\u00a0Mo permis{because}. "
        f"Pour cette image, la limite est de {limit}\u00a0mégapixels\u202f; "
        f"réduisez-la{other} avant de l’envoyer.",
        code="too_big_to_decode",
    )


def _looks_like_avif(head):
    return head[4:8] == b"ftyp" and head[8:12] in {b"avif", b"avis"}


def _avif_readable():
    from PIL import features

    return features.check("avif")


def _clean(img, filename) -> CleanUpload:
    fmt = img.format
    metadata = _metadata(img)
    icc_profile = img.info.get("icc_profile")
    transparency = img.info.get("transparency")

    # Unreadable EXIF: keep the pixels as they are rather than refuse.
    with contextlib.suppress(
        SyntaxError, ValueError, TypeError, IndexError, struct.error, OSError
    ):
        # In place: an upright picture is not copied, a turned one replaces
        # the decoded one instead of living beside it.
        ImageOps.exif_transpose(img, in_place=True)
    upright = img
    if upright.mode == "CMYK":
        upright, icc_profile = _cmyk_to_rgb(upright, icc_profile), None
    # Nothing read from the upload is written back but the pixels, the colour
    # profile and (for GIF and PNG) the transparent colour.
    upright.info = {}
    options = dict(SAVE_OPTIONS[fmt])
    if fmt == "JPEG" and upright.width * upright.height > JPEG_OPTIMIZE_MAX_PIXELS:
        options["optimize"] = False
    if icc_profile and fmt != "GIF":
        options["icc_profile"] = icc_profile
    if (
        transparency is not None
        and fmt in {"GIF", "PNG"}
        and upright.mode in {"P", "L", "RGB"}
    ):
        options["transparency"] = transparency
    if fmt in {"WEBP", "AVIF"} and upright.mode not in {"RGB", "RGBA"}:
        upright = upright.convert("RGBA" if _has_alpha(upright) else "RGB")
    if fmt == "JPEG" and upright.mode not in {"RGB", "L"}:
        upright = upright.convert("RGB")

    buffer = io.BytesIO()
    upright.save(buffer, fmt, **options)
    stem = slugify(PurePosixPath(filename).stem)[:80] or "image"
    return CleanUpload(
        content=ContentFile(buffer.getvalue(), name=f"{stem}.{ACCEPTED_FORMATS[fmt]}"),
        width=upright.width,
        height=upright.height,
        format=fmt,
        title=metadata.get("title") or _title_from_filename(filename),
        caption=metadata.get("caption", ""),
        credit=metadata.get("credit", ""),
    )


def _has_alpha(img):
    return img.mode in {"RGBA", "LA", "PA"} or "transparency" in img.info


def _cmyk_to_rgb(img, icc_profile):
    if icc_profile:
        try:
            return ImageCms.profileToProfile(
                img,
                ImageCms.ImageCmsProfile(io.BytesIO(icc_profile)),
                ImageCms.createProfile("sRGB"),
                outputMode="RGB",
            )
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass
    return img.convert("RGB")


def _title_from_filename(filename):
    stem = PurePosixPath(filename).stem
    words = re.sub(r"[-_.]+", " ", stem).split()
    return " ".join(words)[:200] or "Image sans titre"


def _text(value, max_length):
    """Printable text from a metadata value (bytes in any encoding, or str)."""
    if isinstance(value, (list, tuple)):
        value = value[0] if value else b""
    if isinstance(value, bytes):
        for encoding in ("utf-8", "cp1252"):
            try:
                value = value.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    if not isinstance(value, str):
        return ""
    return " ".join(_CONTROL_CHARS.sub(" ", value).split())[:max_length]


def _metadata(img):
    """Title, caption and credit suggested by the file's EXIF and IPTC fields.

    Agencies put the caption and credit in IPTC; cameras put the author in
    EXIF. The values are plain text, escaped wherever they are shown.
    """
    found = {}
    try:
        iptc = IptcImagePlugin.getiptcinfo(img) or {}
    except (SyntaxError, ValueError, TypeError, IndexError, struct.error):
        iptc = {}
    try:
        exif = img.getexif()
    except (SyntaxError, ValueError, TypeError, IndexError, struct.error, OSError):
        exif = {}

    title = _text(iptc.get((2, 105)) or iptc.get((2, 5)), 200)
    caption = _text(iptc.get((2, 120)), 500) or _text(
        exif.get(ExifTags.Base.ImageDescription), 500
    )
    author = _text(iptc.get((2, 80)), 80) or _text(exif.get(ExifTags.Base.Artist), 80)
    agency = _text(iptc.get((2, 110)), 60)
    copyright_ = _text(iptc.get((2, 116)), 140) or _text(
        exif.get(ExifTags.Base.Copyright), 140
    )
    if author or agency:
        credit = "Photo\u00a0: " + " / ".join(filter(None, [author, agency]))
    else:
        credit = copyright_
    for key, value in (("title", title), ("caption", caption), ("credit", credit)):
        if value:
            found[key] = value[:150] if key == "credit" else value
    return found
