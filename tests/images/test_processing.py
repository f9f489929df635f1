import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from PIL import ExifTags
from PIL import Image as PILImage

from images.models import Image
from images.processing import process_upload
from images.renditions import renditions_generate
from tests.factories import image_bytes, upload_file
from tests.images.conftest import AVIF, stored_files

pytestmark = pytest.mark.django_db

GPS = {
    ExifTags.GPS.GPSLatitudeRef: "N",
    ExifTags.GPS.GPSLatitude: (48.0, 51.0, 24.0),
    ExifTags.GPS.GPSLongitudeRef: "E",
    ExifTags.GPS.GPSLongitude: (2.0, 21.0, 8.0),
}
XMP_WITH_GPS = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/'
    b'1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/'
    b'exif/1.0/" exif:GPSLatitude="48,51.4N" exif:GPSLongitude="2,21.1E"/>'
    b"</rdf:RDF></x:xmpmeta>"
)


def exif_with(**tags):
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = "Appareil"
    exif[ExifTags.Base.GPSInfo] = GPS
    for name, value in tags.items():
        exif[ExifTags.Base[name]] = value
    return exif.tobytes()


def png_declaring(width, height):
    """A tiny PNG whose header claims ``width`` x ``height`` pixels."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def upload(client, content, name="photo.jpg", **fields):
    return client.post(
        "/admin/images/image/choisir/televerser/",
        {
            "file": upload_file(name, content),
            "alt": "Texte",
            "licence": "staff",
            **fields,
        },
    )


BAD_FILES = {
    "svg renamed .jpg": (
        "logo.jpg",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    ),
    "html renamed .png": ("page.png", b"<!doctype html><script>alert(1)</script>"),
    "php behind a GIF header": ("shell.gif", b"GIF89a<?php system($_GET['c']); ?>"),
    "javascript renamed .webp": ("app.webp", b"alert(document.cookie)"),
    "pdf renamed .jpg": ("doc.jpg", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj"),
    "bmp, a real but refused format": ("photo.jpg", image_bytes("BMP", (20, 20))),
    "tiff, a real but refused format": ("photo.jpg", image_bytes("TIFF", (20, 20))),
    "truncated jpeg": ("photo.jpg", image_bytes("JPEG", (400, 300))[:600]),
    "truncated png": ("photo.png", image_bytes("PNG", (400, 300))[:120]),
    "corrupt png": ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00garbage" * 20),
    "decompression bomb (30000 x 30000 declared)": (
        "bomb.png",
        png_declaring(30000, 30000),
    ),
    "over the pixel limit": ("big.png", png_declaring(8000, 8000)),
    "empty file": ("photo.jpg", b""),
}


@pytest.mark.parametrize("kind", BAD_FILES)
def test_each_bad_kind_of_file_is_refused_and_nothing_is_stored(
    kind, admin_client, media_root
):
    name, content = BAD_FILES[kind]
    response = upload(admin_client, content, name)
    assert response.status_code == 400
    assert response.json()["errors"]["file"][0]["message"]
    assert not Image.objects.exists()
    assert stored_files(media_root) == []


def test_a_decompression_bomb_gets_a_french_message_about_its_size():
    with pytest.raises(ValidationError, match="dimensions démesurées"):
        process_upload(upload_file("bomb.png", png_declaring(30000, 30000)))


def test_an_svg_gets_a_french_message_naming_accepted_formats():
    with pytest.raises(ValidationError, match="JPEG, PNG, WebP, GIF ou AVIF"):
        process_upload(upload_file("logo.jpg", b"<svg></svg>"))


def test_a_truncated_file_is_called_damaged():
    with pytest.raises(ValidationError, match="tronqué ou endommagé"):
        process_upload(upload_file("photo.jpg", image_bytes("JPEG", (400, 300))[:600]))


def test_image_wider_than_the_configured_limit_is_refused(settings):
    settings.IMAGES_MAX_DIMENSION = 1000
    with pytest.raises(ValidationError) as refused:
        process_upload(upload_file("wide.png", image_bytes("PNG", (1200, 100))))
    assert refused.value.messages[0].startswith(
        "L’image mesure 1\u202f200\u00a0\u00d7\u00a0100\u00a0pixels"
    )


def test_file_heavier_than_the_configured_limit_is_refused(settings, admin_client):
    settings.IMAGES_MAX_UPLOAD_MB = 1
    noise = PILImage.effect_noise((1000, 1000), 100).convert("RGB")
    buffer = io.BytesIO()
    noise.save(buffer, "PNG")
    assert buffer.tell() > 1024 * 1024
    response = upload(admin_client, buffer.getvalue(), "noise.png")
    assert response.status_code == 400
    assert (
        "la limite est de 1\u00a0Mo" in response.json()["errors"]["file"][0]["message"]
    )
    assert not Image.objects.exists()


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "GIF", AVIF])
def test_each_accepted_format_is_stored_in_that_format(fmt, admin_client):
    response = upload(admin_client, image_bytes(fmt, (640, 480)), "photo.bin")
    assert response.status_code == 201
    image = Image.objects.get()
    with image.file.open("rb") as fh, PILImage.open(fh) as stored:
        assert stored.format == fmt
        assert stored.size == (640, 480)


def test_a_png_named_jpg_is_stored_with_the_png_extension():
    clean = process_upload(upload_file("photo.jpg", image_bytes("PNG")))
    assert clean.content.name == "photo.png"


def test_a_payload_appended_to_a_valid_jpeg_is_not_stored():
    payload = b"<script>alert('x')</script>"
    clean = process_upload(upload_file("photo.jpg", image_bytes("JPEG") + payload))
    assert payload not in clean.content.read()


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", AVIF])
def test_exif_gps_never_reaches_any_stored_file(fmt, admin_client, media_root):
    options = {"exif": exif_with()}
    if fmt in {"JPEG", "PNG", "WEBP"}:
        options["xmp"] = XMP_WITH_GPS
    original = image_bytes(fmt, (1000, 700), **options)
    with PILImage.open(io.BytesIO(original)) as source:
        assert source.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the test file has GPS
    assert upload(admin_client, original, "photo.bin").status_code == 201
    renditions_generate(image=Image.objects.get())
    files = stored_files(media_root)
    assert len(files) > 10
    for path in files:
        data = path.read_bytes()
        assert b"GPS" not in data, path.name
        with PILImage.open(path) as stored:
            assert not stored.getexif().get_ifd(ExifTags.IFD.GPSInfo), path.name
            assert ExifTags.Base.Make not in stored.getexif(), path.name


def test_exif_orientation_is_applied_to_the_stored_pixels():
    # 300x200, red on the left; orientation 6 means « turn 90° clockwise ».
    content = image_bytes(
        "JPEG",
        (300, 200),
        halves=((255, 0, 0), (0, 0, 255)),
        exif=exif_with(Orientation=6),
    )
    clean = process_upload(upload_file("photo.jpg", content))
    assert (clean.width, clean.height) == (200, 300)
    with PILImage.open(clean.content) as stored:
        red, _, blue = stored.getpixel((100, 30))
        assert red > 200
        assert blue < 60
        red, _, blue = stored.getpixel((100, 270))
        assert red < 60
        assert blue > 200
        assert ExifTags.Base.Orientation not in stored.getexif()


def test_caption_and_credit_are_suggested_from_the_file_metadata():
    content = image_bytes(
        "JPEG",
        exif=exif_with(
            ImageDescription="Manifestation place de la Republique",
            Artist="Jeanne Photo",
        ),
    )
    clean = process_upload(upload_file("manif_paris-2026.jpg", content))
    assert clean.caption == "Manifestation place de la Republique"
    assert clean.credit == "Photo\u00a0: Jeanne Photo"
    assert clean.title == "manif paris 2026"


def test_markup_in_metadata_is_kept_as_text_and_escaped_in_the_admin(admin_client):
    content = image_bytes(
        "JPEG", exif=exif_with(ImageDescription='<script>alert("x")</script>')
    )
    assert upload(admin_client, content, "photo.jpg").status_code == 201
    image = Image.objects.get()
    assert image.caption == '<script>alert("x")</script>'
    response = admin_client.get(f"/admin/images/image/{image.pk}/change/")
    assert b'<script>alert("x")</script>' not in response.content
    assert b"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in response.content


def test_a_webp_beyond_its_memory_limit_is_refused_in_french(settings):
    # 50 Mo allowed: plenty for a JPEG of 1 600 x 1 600, not for a WebP, whose
    # decoder keeps several copies of the picture.
    settings.IMAGES_UPLOAD_MEMORY_MB = 50
    assert process_upload(upload_file("p.jpg", image_bytes("JPEG", (1600, 1600))))
    with pytest.raises(ValidationError) as refused:
        process_upload(upload_file("p.webp", image_bytes("WEBP", (1600, 1600))))
    assert refused.value.code == "too_big_to_decode"
    assert refused.value.messages[0] == (
        "L’image mesure 1\u202f600\u00a0\u00d7\u00a01\u202f600\u00a0pixels\u00a0: la "
        "traiter demanderait environ 54\u00a0Mo de mémoire au serveur, plus que les "
        "50\u00a0Mo permis, car le décodage d’une image WebP en garde plusieurs "
        "copies. Pour cette image, la limite est de 2,4\u00a0mégapixels\u202f; "
        "réduisez-la, ou envoyez-la en JPEG, avant de l’envoyer."
    )


def test_a_photo_to_turn_upright_has_a_lower_pixel_limit(settings):
    settings.IMAGES_UPLOAD_MEMORY_MB = 12
    upright = image_bytes("JPEG", (1600, 1600))
    assert process_upload(upload_file("photo.jpg", upright))
    turned = image_bytes("JPEG", (1600, 1600), exif=exif_with(Orientation=6))
    with pytest.raises(ValidationError, match="redressée selon son orientation EXIF"):
        process_upload(upload_file("photo.jpg", turned))


def test_the_memory_limit_is_checked_from_the_header_before_decoding(settings):
    # The header claims 4 000 x 4 000 pixels, the data cannot be decoded: the
    # answer is about memory, so no pixel was decoded to give it.
    settings.IMAGES_UPLOAD_MEMORY_MB = 10
    with pytest.raises(ValidationError) as refused:
        process_upload(upload_file("big.png", png_declaring(4000, 4000)))
    assert refused.value.code == "too_big_to_decode"


def test_a_large_jpeg_original_is_written_without_huffman_optimisation(monkeypatch):
    noise = PILImage.effect_noise((800, 600), 60).convert("RGB")
    buffer = io.BytesIO()
    noise.save(buffer, "JPEG", quality=95)
    optimised = process_upload(upload_file("photo.jpg", buffer.getvalue()))
    monkeypatch.setattr("images.processing.JPEG_OPTIMIZE_MAX_PIXELS", 800 * 600 - 1)
    plain = process_upload(upload_file("photo.jpg", buffer.getvalue()))
    assert plain.content.size > optimised.content.size
    with PILImage.open(plain.content) as stored:
        assert stored.size == (800, 600)
