"""Photos served by the app when no nginx is in front (newsday/media.py),
with DEBUG off as in production."""

import pytest

pytestmark = pytest.mark.django_db

JPEG = b"\xff\xd8\xff\xe0 une photo"


@pytest.fixture
def files(media_root):
    renditions = media_root / "images" / "renditions" / "7"
    renditions.mkdir(parents=True)
    (renditions / "manif-a1b2c3d4-w800.webp").write_bytes(b"RIFF une declinaison")
    (media_root / "images" / "manif-a1b2c3d4.jpg").write_bytes(JPEG)
    (media_root.parent / "secret.txt").write_text("hors de MEDIA_ROOT")
    return media_root


@pytest.mark.usefixtures("files")
def test_uploaded_photo_is_served_without_nginx(client):
    response = client.get("/media/images/manif-a1b2c3d4.jpg")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == JPEG
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "public, max-age=604800"


@pytest.mark.usefixtures("files")
def test_rendition_is_cached_for_a_year_as_its_name_never_serves_other_content(
    client,
):
    response = client.get("/media/images/renditions/7/manif-a1b2c3d4-w800.webp")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"


@pytest.mark.usefixtures("files")
def test_unchanged_photo_answers_304(client):
    first = client.get("/media/images/manif-a1b2c3d4.jpg")
    again = client.get(
        "/media/images/manif-a1b2c3d4.jpg",
        headers={"if-modified-since": first["Last-Modified"]},
    )
    assert again.status_code == 304


@pytest.mark.usefixtures("files")
def test_missing_file_is_a_french_404(client):
    response = client.get("/media/images/absente.jpg")
    assert response.status_code == 404
    assert "Cette page est introuvable" in response.text


@pytest.mark.usefixtures("files")
@pytest.mark.parametrize(
    "path", ["/media/../secret.txt", "/media/%2e%2e/secret.txt", "/media/images/"]
)
def test_nothing_outside_media_root_nor_a_folder_listing_is_served(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert "hors de MEDIA_ROOT" not in response.text


@pytest.mark.usefixtures("files")
def test_photos_cannot_be_posted_to(client):
    assert client.post("/media/images/manif-a1b2c3d4.jpg").status_code == 405


@pytest.mark.usefixtures("files")
def test_name_longer_than_the_file_system_allows_is_not_found(client):
    assert client.get("/media/images/" + "a" * 300 + ".jpg").status_code == 404


@pytest.mark.usefixtures("files")
@pytest.mark.parametrize(
    "path",
    [
        "/media/" + "a" * 300,
        "/media/images/" + "a" * 300 + "/x.jpg",
        "/media/" + "a" * 5000,
    ],
)
def test_name_too_long_for_the_disk_is_a_404(client, path):
    client.raise_request_exception = False
    assert client.get(path).status_code == 404
