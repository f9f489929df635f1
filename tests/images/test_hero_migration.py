import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tests.factories import image_bytes

BEFORE = [("articles", "0001_initial"), ("images", "0001_image_library")]
AFTER = [("articles", "0004_remove_old_hero_fields")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.fixture
def latest_schema_afterwards():
    """Migrating backwards leaves the test database behind the models: bring it
    back to the latest migrations for the tests that follow."""
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("latest_schema_afterwards")
def test_existing_hero_files_become_library_images_with_their_alt_and_credit():
    old_apps = migrate(BEFORE)
    name = default_storage.save(
        "images/2025/01/cortege.jpg", ContentFile(image_bytes(size=(640, 480)))
    )
    Section = old_apps.get_model("articles", "Section")
    Article = old_apps.get_model("articles", "Article")
    section = Section.objects.create(name="Société", slug="societe")
    common = {"section": section, "status": "published", "publish_at": timezone.now()}
    first = Article.objects.create(
        title="Premier",
        slug="premier",
        hero_image=name,
        hero_alt="Le cortège",
        hero_credit="Photo\u00a0: AFP",
        hero_caption="Samedi à Paris.",
        **common,
    )
    second = Article.objects.create(
        title="Second", slug="second", hero_image=name, **common
    )
    Article.objects.create(title="Sans photo", slug="sans-photo", **common)

    new_apps = migrate(AFTER)

    Image = new_apps.get_model("images", "Image")
    Article = new_apps.get_model("articles", "Article")
    image = Image.objects.get()
    assert (image.file.name, image.alt, image.credit) == (
        name,
        "Le cortège",
        "Photo\u00a0: AFP",
    )
    assert (image.width, image.height) == (640, 480)
    assert Article.objects.get(pk=first.pk).hero_image_id == image.pk
    assert Article.objects.get(pk=second.pk).hero_image_id == image.pk
    assert Article.objects.get(slug="sans-photo").hero_image_id is None
    assert Article.objects.get(pk=first.pk).hero_caption == "Samedi à Paris."
