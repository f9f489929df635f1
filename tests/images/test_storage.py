import os
import subprocess
import sys
from pathlib import Path

import pytest

from images.renditions import renditions_generate
from tests.factories import make_article, make_image

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def in_memory_storage(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }


def test_upload_and_renditions_use_only_the_storage_api(
    in_memory_storage, media_root, client
):
    image = make_image()
    renditions_generate(image=image)
    make_article(hero_image=image)
    assert image.file.storage.exists(image.file.name)
    assert client.get(f"/images/{image.pk}/w480.jpg").status_code == 302
    assert not media_root.exists()  # nothing touched the filesystem


def settings_in_subprocess(code, **env):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsday.settings",
        "DEBUG": "true",
        **env,
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_s3_storage_is_switched_on_from_the_environment():
    result = settings_in_subprocess(
        "from django.core.files.storage import storages; s = storages['default'];"
        "print(type(s).__name__, s.url('images/2026/03/photo.jpg'))",
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="newsday-media",
        AWS_S3_CUSTOM_DOMAIN="media.newsday.example",
        AWS_ACCESS_KEY_ID="test",
        AWS_SECRET_ACCESS_KEY="test",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "S3Storage",
        "https://media.newsday.example/images/2026/03/photo.jpg",
    ]


def test_an_unknown_media_storage_stops_the_site_from_starting():
    result = settings_in_subprocess("", MEDIA_STORAGE="ftp")
    assert result.returncode != 0
    assert "MEDIA_STORAGE" in result.stderr
