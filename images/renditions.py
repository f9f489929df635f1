"""Renditions: the resized copies readers download.

Only the sizes and formats in ``SPECS`` can ever exist, whatever a URL asks.
Each is made once (at upload, by the rendition view on first use, or by
``manage.py generate_renditions``), stored through the storage API and reused;
rendering a page never makes one. The original is decoded (JPEG) or reduced
(other formats) to the largest size needed before any resize, and renditions
are made one size at a time, so a 50-megapixel original does not cost a
worker several copies of itself (docs/design/upload-memory.md).
"""

import hashlib
import io
import logging
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from PIL import Image as PILImage
from PIL import ImageCms, features

from images.models import RENDITION_LIST, Image, Rendition
from images.processing import ACCEPTED_FORMATS

logger = logging.getLogger(__name__)

WIDTHS = (320, 480, 640, 960, 1280, 1600)
OG_SIZE = (1200, 630)
# Google's three recommended crops for an article's image (16:9, 4:3, 1:1),
# 1,200 px wide: search results, Top stories and Discover pick among them.
SEARCH_CROPS = {"16x9": (1200, 675), "4x3": (1200, 900), "1x1": (1200, 1200)}
# The width given to ``<img src>`` for browsers that ignore ``srcset``.
FALLBACK_WIDTH = 960

AVIF_ENABLED = features.check("avif")


@dataclass(frozen=True)
class Format:
    ext: str
    pil_name: str
    mime: str
    options: dict = field(default_factory=dict, hash=False, compare=False)


FORMATS = {
    "avif": Format("avif", "AVIF", "image/avif", {"quality": 55, "speed": 7}),
    "webp": Format("webp", "WEBP", "image/webp", {"quality": 78, "method": 4}),
    "jpg": Format(
        "jpg",
        "JPEG",
        "image/jpeg",
        {"quality": 80, "optimize": True, "progressive": True},
    ),
}


@dataclass(frozen=True)
class Spec:
    """One allowed rendition: a width in one format, or the Open Graph crop."""

    name: str
    format: Format
    width: int
    crop: tuple[int, int] | None = None


def _build_specs():
    specs = {
        f"w{width}.{fmt.ext}": Spec(f"w{width}.{fmt.ext}", fmt, width)
        for width in WIDTHS
        for fmt in FORMATS.values()
    }
    specs["og.jpg"] = Spec("og.jpg", FORMATS["jpg"], OG_SIZE[0], crop=OG_SIZE)
    for ratio, size in SEARCH_CROPS.items():
        name = f"{ratio}.jpg"
        specs[name] = Spec(name, FORMATS["jpg"], size[0], crop=size)
    return specs


SPECS = _build_specs()
OG_SPEC = SPECS["og.jpg"]
SEARCH_SPECS = [SPECS[f"{ratio}.jpg"] for ratio in SEARCH_CROPS]
THUMBNAIL_SPEC = SPECS["w320.webp"]
CROPPED_SPECS = [spec.name for spec in SPECS.values() if spec.crop]


def avif_enabled():
    return AVIF_ENABLED


def picture_formats():
    """``<source>`` formats, best first; JPEG is the ``<img>`` fallback."""
    return [FORMATS["avif"], FORMATS["webp"]] if avif_enabled() else [FORMATS["webp"]]


def get_spec(name):
    """The allowed spec called ``name``, or None."""
    spec = SPECS.get(name)
    if spec is None or (spec.format.ext == "avif" and not avif_enabled()):
        return None
    return spec


def widths_for(image):
    """Allowed widths for ``image``: never wider than the original (a photo
    narrower than the smallest width gets that one, at its own size)."""
    return [w for w in WIDTHS if w <= image.width] or [WIDTHS[0]]


def applies_to(spec, image):
    return spec.crop is not None or spec.width in widths_for(image)


def specs_for(image):
    formats = [*picture_formats(), FORMATS["jpg"]]
    return [
        SPECS[f"w{width}.{fmt.ext}"] for width in widths_for(image) for fmt in formats
    ] + [OG_SPEC, *SEARCH_SPECS]


def size_for(image, spec):
    if spec.crop:
        return spec.crop
    width = min(spec.width, image.width)
    return width, max(1, round(image.height * width / image.width))


# ---------------------------------------------------------------- URLs


def existing_renditions(image):
    """Renditions of ``image`` by spec: those read with it
    (``renditions_prefetch()``) when they were, else from the database."""
    renditions = getattr(image, RENDITION_LIST, None)
    if renditions is None:
        renditions = image.renditions.all()
    return {r.spec: r for r in renditions}


def rendition_url(image, spec, existing=None):
    """The stored file's URL if the rendition exists, else the URL that makes it."""
    existing = existing_renditions(image) if existing is None else existing
    if rendition := existing.get(spec.name):
        return rendition.file.url
    return reverse("images:rendition", kwargs={"pk": image.pk, "spec": spec.name})


def absolute_url(url):
    return url if url.startswith(("http://", "https://")) else settings.SITE_URL + url


# ---------------------------------------------------------------- making them


def rendition_get_or_create(*, image: Image, spec: Spec) -> Rendition:
    """The rendition, made now if it does not exist yet (once: concurrent
    requests for the same image wait for the first one, then reuse its file)."""
    if rendition := Rendition.objects.filter(image=image, spec=spec.name).first():
        return rendition
    with transaction.atomic():
        # Serialises makers of the same image (SQLite already serialises writers).
        list(Image.objects.select_for_update().filter(pk=image.pk).values_list("pk"))
        if rendition := Rendition.objects.filter(image=image, spec=spec.name).first():
            return rendition
        original = _load_original(image, size_for(image, spec))
        return _store(image, spec, _encode(_resize(original, image, spec), spec.format))


def renditions_generate(*, image: Image, specs=None) -> int:
    """Make every missing rendition of ``image`` (or of ``specs``), decoding
    the original once, already reduced to the largest of them. Returns how
    many were made."""
    wanted = [s for s in (specs or specs_for(image)) if applies_to(s, image)]
    have = set(Rendition.objects.filter(image=image).values_list("spec", flat=True))
    missing = [s for s in wanted if s.name not in have]
    if not missing:
        return 0
    sizes = [size_for(image, s) for s in missing]
    original = _load_original(
        image, (max(w for w, _ in sizes), max(h for _, h in sizes))
    )
    made = 0
    # One size at a time, shared by its formats, then dropped before the next.
    by_size = sorted(missing, key=lambda s: (size_for(image, s), s.crop or ()))
    key = resized = None
    for spec in by_size:
        if (size_for(image, spec), spec.crop) != key:
            # Released before the next size is made, not after.
            key, resized = (size_for(image, spec), spec.crop), None
            resized = _resize(original, image, spec)
        try:
            _store(image, spec, _encode(resized, spec.format))
            made += 1
        except IntegrityError:
            pass  # made meanwhile by a request: theirs is as good
    return made


def renditions_delete(*, image: Image, specs=None):
    """Delete renditions (all, or ``specs``) and, once committed, their files."""
    renditions = Rendition.objects.filter(image=image)
    if specs is not None:
        renditions = renditions.filter(spec__in=list(specs))
    names = list(renditions.values_list("file", flat=True))
    renditions.delete()
    storage = Rendition._meta.get_field("file").storage
    transaction.on_commit(lambda: [storage.delete(name) for name in names])


def _load_original(image, at_least):
    """The original as RGB(A) in sRGB, decoded or reduced to no less than
    ``at_least`` (width, height) when it is at least twice that."""
    with image.file.open("rb") as fh:
        img = PILImage.open(fh, formats=list(ACCEPTED_FORMATS))
        if img.format == "JPEG":
            # libjpeg decodes at 1/2, 1/4 or 1/8 scale, still covering the target.
            img.draft("RGB", at_least)
        img.load()
    icc = img.info.get("icc_profile")
    has_alpha = img.mode in {"RGBA", "LA", "PA"} or "transparency" in img.info
    mode = "RGBA" if has_alpha else "RGB"
    factor = max(1, min(img.width // at_least[0], img.height // at_least[1]))
    if factor > 1 or img.mode != mode:
        img = _reduce(img, factor, mode)
    if icc:
        img = _to_srgb(img, icc)
    img.info = {}
    return img


# Rows converted and reduced at a time: about a megapixel.
_BAND_PIXELS = 1_000_000


def _reduce(img, factor, mode):
    """``img`` in ``mode``, shrunk ``factor`` times (box average, as
    ``Image.reduce``), one band of rows at a time: a full-size converted copy
    (four bytes a pixel) never exists beside the decoded picture."""
    width, height = img.size
    reduced = PILImage.new(mode, (-(-width // factor), -(-height // factor)))
    # A multiple of ``factor`` so that bands cut between reduced rows.
    rows = max(1, _BAND_PIXELS // width // factor) * factor
    for top in range(0, height, rows):
        band = img.crop((0, top, width, min(top + rows, height)))
        if band.mode != mode:
            band = band.convert(mode)
        if factor > 1:
            band = band.reduce(factor)
        reduced.paste(band, (0, top // factor))
    return reduced


def _to_srgb(img, icc):
    try:
        return ImageCms.profileToProfile(
            img,
            ImageCms.ImageCmsProfile(io.BytesIO(icc)),
            ImageCms.createProfile("sRGB"),
            outputMode=img.mode,
        )
    except (ImageCms.PyCMSError, OSError, ValueError):
        logger.warning("Unusable colour profile in image file, left as is.")
        return img


def _focal_crop_box(width, height, ratio, focal):
    """The largest box of aspect ``ratio`` inside the image, centred as near
    the focal point as the edges allow."""
    if width / height > ratio:
        box_w, box_h = round(height * ratio), height
    else:
        box_w, box_h = width, round(width / ratio)
    fx, fy = focal
    left = min(max(round(fx * width - box_w / 2), 0), width - box_w)
    top = min(max(round(fy * height - box_h / 2), 0), height - box_h)
    return (left, top, left + box_w, top + box_h)


def _resize(original, image, spec):
    target = size_for(image, spec)
    if spec.crop:
        # The original may be a reduced-scale decode: work in its coordinates.
        box = _focal_crop_box(
            original.width, original.height, target[0] / target[1], image.focal_point
        )
        return original.resize(target, PILImage.Resampling.LANCZOS, box=box)
    if original.size == target:
        return original
    return original.resize(target, PILImage.Resampling.LANCZOS, reducing_gap=3.0)


def _encode(img, fmt):
    if fmt.pil_name == "JPEG" and img.mode == "RGBA":
        flat = PILImage.new("RGB", img.size, "white")
        flat.paste(img, mask=img.getchannel("A"))
        img = flat
    buffer = io.BytesIO()
    img.save(buffer, fmt.pil_name, **fmt.options)
    return buffer.getvalue(), img.size


def _file_name(image, spec):
    stem = PurePosixPath(image.file.name).stem[:60]
    label = spec.name.rsplit(".", 1)[0]
    if spec.crop:
        # A new focal point gives a new name, so no cache serves the old crop.
        label += "-" + hashlib.sha256(repr(image.focal_point).encode()).hexdigest()[:6]
    return f"{stem}-{label}.{spec.format.ext}"


def _store(image, spec, rendered):
    data, (width, height) = rendered
    rendition = Rendition(image=image, spec=spec.name, width=width, height=height)
    rendition.file.save(_file_name(image, spec), ContentFile(data), save=False)
    try:
        with transaction.atomic():
            rendition.save()
    except IntegrityError:
        rendition.file.delete(save=False)
        raise
    return rendition
