"""Abstract hero illustrations drawn with Pillow: no photo to ship or fetch."""

import functools
import hashlib
import io
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter

HERO_SIZE = (1600, 900)
# Shapes are drawn small, then blurred and enlarged: soft edges, and fast.
_SKETCH_SIZE = (320, 180)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


@functools.cache
def _grain(size: tuple[int, int]) -> Image.Image:
    # Noise is slow to make and any noise will do: make it once per size.
    return Image.effect_noise(size, 24).convert("RGB")


def abstract_jpeg(*, seed: str, palette: tuple[str, ...], size=HERO_SIZE) -> bytes:
    """A JPEG of soft shapes over a gradient in ``palette`` colours.

    The same ``seed`` always gives the same shapes and colours.
    """
    rng = random.Random(hashlib.sha256(seed.encode()).digest())  # noqa: S311 (art, not secrets)
    colours = [_rgb(c) for c in palette]
    width, height = _SKETCH_SIZE

    # Diagonal gradient: a 2 by 2 image of the two darkest colours, enlarged smoothly.
    first, second = rng.sample(colours[:2], 2)
    corners = Image.new("RGB", (2, 2))
    corners.putdata(
        [first, first, second, second]
        if rng.random() < 0.5
        else [first, second, second, first]
    )
    canvas = corners.resize((width, height), Image.Resampling.BILINEAR).convert("RGBA")

    for _ in range(rng.randint(4, 7)):
        layer = Image.new("RGBA", (width, height))
        draw = ImageDraw.Draw(layer)
        colour = (*rng.choice(colours[1:]), rng.randint(70, 170))
        if rng.random() < 0.6:
            radius = rng.randint(height // 6, height // 2)
            x, y = rng.randint(0, width), rng.randint(0, height)
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
        else:
            x, thickness = rng.randint(-width // 2, width), rng.randint(12, 60)
            slant = rng.randint(-height, height)
            draw.polygon(
                [
                    (x, 0),
                    (x + thickness, 0),
                    (x + thickness + slant, height),
                    (x + slant, height),
                ],
                fill=colour,
            )
        canvas = Image.alpha_composite(
            canvas, layer.filter(ImageFilter.GaussianBlur(6))
        )

    picture = canvas.convert("RGB").resize(size, Image.Resampling.BICUBIC)
    # A light grain keeps large flat areas from banding once compressed.
    picture = Image.blend(picture, ImageChops.overlay(picture, _grain(size)), 0.12)

    out = io.BytesIO()
    picture.save(out, "JPEG", quality=84, optimize=True, progressive=True)
    return out.getvalue()
