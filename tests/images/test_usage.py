import pytest

from images import usage
from images.usage import Use


class Provider:
    def __init__(self, found, shown):
        self.found, self.shown = found, shown

    def uses(self, image_pks, *, viewer=None):
        return {pk: places for pk, places in self.found.items() if pk in image_pks}

    def is_shown_to_readers(self, image):
        return self.shown


def place(title, *, live=False):
    return Use(
        title=title, status="Publié", admin_url="/admin/x/", live=live, in_text=False
    )


@pytest.fixture
def providers(monkeypatch):
    registered = []
    monkeypatch.setattr(usage, "_providers", registered)
    return registered


def test_uses_gathers_every_provider_and_lists_every_image_asked(providers):
    usage.register(Provider({1: [place("Article")]}, shown=False))
    usage.register(Provider({1: [place("Direct")], 2: [place("Lettre")]}, shown=False))
    found = usage.uses([1, 2, 3])
    assert [p.title for p in found[1]] == ["Article", "Direct"]
    assert [p.title for p in found[2]] == ["Lettre"]
    assert found[3] == []


def test_a_provider_is_registered_once(providers):
    provider = Provider({}, shown=False)
    usage.register(provider)
    usage.register(provider)
    assert providers == [provider]


def test_an_image_is_shown_to_readers_when_any_provider_says_so(providers):
    usage.register(Provider({}, shown=False))
    assert not usage.is_shown_to_readers(object())
    usage.register(Provider({}, shown=True))
    assert usage.is_shown_to_readers(object())


def test_the_articles_app_registers_itself():
    from articles.image_usage import ArticleUsage

    assert any(isinstance(p, ArticleUsage) for p in usage._providers)
