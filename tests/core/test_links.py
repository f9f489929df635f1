"""Links to our pages and static files, computed once."""

from django.templatetags.static import static
from django.urls import reverse, set_script_prefix

from core.links import cached_reverse, cached_static


def test_a_cached_link_is_the_one_reverse_gives():
    assert cached_reverse("website:short", 42) == reverse("website:short", args=[42])
    assert cached_reverse("website:short", pk=42) == reverse(
        "website:short", kwargs={"pk": 42}
    )


def test_a_cached_link_follows_the_script_prefix():
    cached_reverse("website:short", 42)
    set_script_prefix("/journal/")
    try:
        assert cached_reverse("website:short", 42) == "/journal/articles/42/"
    finally:
        set_script_prefix("/")


def test_a_cached_static_url_follows_a_change_of_settings(settings):
    cached_static("img/logo.png")
    settings.STATIC_URL = "/statiques/"
    assert cached_static("img/logo.png") == static("img/logo.png")
    assert cached_static("img/logo.png").startswith("/statiques/")
