import io

import pytest
from PIL import Image as PILImage

from images import renditions
from images.models import Rendition
from images.renditions import (
    SPECS,
    get_spec,
    rendition_get_or_create,
    renditions_generate,
    widths_for,
)
from images.services import image_delete, image_reset_crops
from tests.factories import image_bytes, make_image, upload_file
from tests.images.conftest import requires_avif, stored_files

pytestmark = pytest.mark.django_db


def opened(rendition):
    with rendition.file.open("rb") as fh:
        img = PILImage.open(io.BytesIO(fh.read()))
        img.load()
        return img


def test_upload_makes_only_the_admin_thumbnail():
    image = make_image()
    assert list(image.renditions.values_list("spec", flat=True)) == ["w320.webp"]


@pytest.mark.parametrize(
    ("spec", "fmt", "size"),
    [
        ("w320.jpg", "JPEG", (320, 240)),
        ("w640.webp", "WEBP", (640, 480)),
        pytest.param("w960.avif", "AVIF", (960, 720), marks=requires_avif),
        ("w1600.jpg", "JPEG", (1600, 1200)),
    ],
)
def test_rendition_has_the_allowed_width_and_format(spec, fmt, size):
    image = make_image(file=upload_file(content=image_bytes("JPEG", (2000, 1500))))
    rendition = rendition_get_or_create(image=image, spec=SPECS[spec])
    stored = opened(rendition)
    assert stored.format == fmt
    assert stored.size == size
    assert (rendition.width, rendition.height) == size


@requires_avif
def test_all_renditions_cover_each_allowed_width_in_three_formats():
    image = make_image(file=upload_file(content=image_bytes("JPEG", (2000, 1500))))
    renditions_generate(image=image)
    specs = set(image.renditions.values_list("spec", flat=True))
    expected = {
        f"w{w}.{ext}" for w in renditions.WIDTHS for ext in ("avif", "webp", "jpg")
    }
    assert specs == expected | {"og.jpg", "16x9.jpg", "4x3.jpg", "1x1.jpg"}


def test_no_rendition_is_wider_than_the_original():
    image = make_image(file=upload_file(content=image_bytes("JPEG", (700, 500))))
    assert widths_for(image) == [320, 480, 640]
    renditions_generate(image=image)
    # Only the crops for social networks and search engines, at their size.
    assert max(image.renditions.values_list("width", flat=True)) == 1200
    assert (
        max(
            image.renditions.exclude(spec__in=renditions.CROPPED_SPECS).values_list(
                "width", flat=True
            )
        )
        == 640
    )


def test_a_photo_narrower_than_the_smallest_width_keeps_its_size():
    image = make_image(file=upload_file(content=image_bytes("PNG", (200, 100))))
    rendition = rendition_get_or_create(image=image, spec=SPECS["w320.jpg"])
    assert opened(rendition).size == (200, 100)


def test_a_rendition_is_made_once_and_then_reused(monkeypatch):
    image = make_image()
    encoded = []
    real_encode = renditions._encode
    monkeypatch.setattr(
        renditions, "_encode", lambda *a: encoded.append(a) or real_encode(*a)
    )
    first = rendition_get_or_create(image=image, spec=SPECS["w640.webp"])
    second = rendition_get_or_create(image=image, spec=SPECS["w640.webp"])
    assert renditions_generate(image=image, specs=[SPECS["w640.webp"]]) == 0
    assert first == second
    assert len(encoded) == 1
    assert Rendition.objects.filter(spec="w640.webp").count() == 1


def test_open_graph_rendition_is_1200_by_630_jpeg():
    image = make_image(file=upload_file(content=image_bytes("JPEG", (1000, 1000))))
    rendition = rendition_get_or_create(image=image, spec=SPECS["og.jpg"])
    stored = opened(rendition)
    assert stored.format == "JPEG"
    assert stored.size == (1200, 630)


def test_open_graph_crop_is_centred_on_the_focal_point():
    # A tall photo: red top half, blue bottom half; the point of interest is low.
    tall = PILImage.new("RGB", (1200, 2400), (255, 0, 0))
    tall.paste((0, 0, 255), (0, 1200, 1200, 2400))
    buffer = io.BytesIO()
    tall.save(buffer, "PNG")
    image = make_image(
        file=upload_file("tall.png", buffer.getvalue()), focal_x=50, focal_y=90
    )
    red, _, blue = opened(
        rendition_get_or_create(image=image, spec=SPECS["og.jpg"])
    ).getpixel((600, 315))
    assert blue > 200
    assert red < 60


def test_moving_the_focal_point_replaces_the_open_graph_crop(
    django_capture_on_commit_callbacks, media_root
):
    image = make_image()
    old = rendition_get_or_create(image=image, spec=SPECS["og.jpg"])
    image.focal_x, image.focal_y = 10, 10
    image.save()
    with django_capture_on_commit_callbacks(execute=True):
        image_reset_crops(image=image)
    new = rendition_get_or_create(image=image, spec=SPECS["og.jpg"])
    assert new.file.name != old.file.name
    assert not (media_root / old.file.name).exists()


def test_sizes_outside_the_allow_list_do_not_exist():
    assert get_spec("w641.webp") is None
    assert get_spec("w3000.jpg") is None
    assert get_spec("og.png") is None
    assert get_spec("../../etc/passwd") is None


def test_avif_specs_vanish_when_pillow_cannot_encode_avif(monkeypatch):
    monkeypatch.setattr(renditions, "AVIF_ENABLED", False)
    assert get_spec("w640.avif") is None
    assert get_spec("w640.webp") is not None


def test_deleting_an_image_deletes_its_files(
    django_capture_on_commit_callbacks, media_root
):
    image = make_image()
    renditions_generate(image=image)
    assert stored_files(media_root)
    with django_capture_on_commit_callbacks(execute=True):
        image_delete(image=image)
    assert stored_files(media_root) == []


def test_a_task_makes_every_rendition_after_upload_when_configured(
    settings, django_capture_on_commit_callbacks
):
    settings.IMAGES_RENDITIONS_AT_UPLOAD = True
    with django_capture_on_commit_callbacks(execute=True):
        image = make_image(file=upload_file(content=image_bytes("JPEG", (1000, 800))))
    assert image.renditions.count() == len(renditions.specs_for(image))


def test_an_image_fetched_with_only_its_thumbnail_prefetched_still_finds_its_renditions():
    from images.models import Image

    made = rendition_get_or_create(image=make_image(), spec=SPECS["og.jpg"])
    image = Image.objects.with_renditions(["w320.webp"]).get()
    assert rendition_get_or_create(image=image, spec=SPECS["og.jpg"]) == made


def spy_on_resized_originals(monkeypatch):
    """The size of the decoded original each rendition is resized from."""
    sizes = []
    resize = renditions._resize

    def spy(original, image, spec):
        sizes.append(original.size)
        return resize(original, image, spec)

    monkeypatch.setattr(renditions, "_resize", spy)
    return sizes


def test_a_large_jpeg_is_decoded_at_reduced_scale_for_its_renditions(monkeypatch):
    image = make_image(file=upload_file(content=image_bytes("JPEG", (4000, 3000))))
    sizes = spy_on_resized_originals(monkeypatch)
    renditions_generate(image=image, specs=[SPECS["w1600.jpg"], SPECS["og.jpg"]])
    # Half scale still covers 1 600 x 1 200; a quarter would not.
    assert sizes == [(2000, 1500), (2000, 1500)]


def test_a_large_png_is_reduced_before_its_renditions_are_made(monkeypatch):
    image = make_image(
        file=upload_file("p.png", image_bytes("PNG", (4000, 3000)), "image/png")
    )
    sizes = spy_on_resized_originals(monkeypatch)
    rendition = rendition_get_or_create(image=image, spec=SPECS["w960.webp"])
    assert sizes == [(4000 // 4, 3000 // 4)]
    assert opened(rendition).size == (960, 720)


def test_reducing_band_by_band_gives_the_pixels_of_a_whole_reduction(monkeypatch):
    # Bands of a few rows, so that many band edges cross the picture.
    monkeypatch.setattr(renditions, "_BAND_PIXELS", 1000)
    noise = PILImage.effect_noise((301, 203), 80).convert("RGB").convert("P")
    noise.info["transparency"] = 3
    reduced = renditions._reduce(noise, 3, "RGBA")
    assert reduced.tobytes() == noise.convert("RGBA").reduce(3).tobytes()


def test_a_transparent_palette_png_keeps_its_transparency_once_reduced():
    img = PILImage.new("P", (2000, 1000), 1)
    img.putpalette([255, 255, 255, 200, 0, 0] + [0] * 762)
    img.paste(0, (0, 0, 1000, 1000))
    buffer = io.BytesIO()
    img.save(buffer, "PNG", transparency=0)
    image = make_image(file=upload_file("p.png", buffer.getvalue(), "image/png"))
    stored = opened(rendition_get_or_create(image=image, spec=SPECS["w480.webp"]))
    assert stored.mode == "RGBA"
    assert stored.getpixel((10, 100))[3] == 0
    red, green, _, alpha = stored.getpixel((470, 100))
    assert red > 190
    assert green < 20
    assert alpha == 255


def test_the_upload_stores_the_original_only_and_queues_the_renditions(
    settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.IMAGES_RENDITIONS_AT_UPLOAD = True
    with django_capture_on_commit_callbacks(execute=True):
        image = make_image()
    assert not image.renditions.exists()
    job = DBTaskResult.objects.get()
    assert job.task_path == "images.tasks.generate_image_renditions"
    assert job.args_kwargs["args"] == [image.pk]
