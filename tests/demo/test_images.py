"""The demo's hero illustrations."""

import io

from PIL import Image

from demo import images


def test_hero_illustration_is_a_1600_by_900_jpeg():
    picture = Image.open(
        io.BytesIO(
            images.abstract_jpeg(seed="x", palette=("#000000", "#ffffff", "#ff0000"))
        )
    )
    assert (picture.format, picture.size) == ("JPEG", (1600, 900))
