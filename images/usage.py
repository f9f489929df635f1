"""Where library images are used, as the apps that use them tell it.

The photo library knows no article. Each app that shows library images
registers a provider in its ``AppConfig.ready()``; the library asks them
which of its images are used where (the admin's « utilisée dans », the
licence report, the protection of images on delete) and whether readers see
an image (renditions of an unused image stay staff-only).

Given a ``viewer`` (the person looking), a provider leaves out what that
person may not read: a page they may not see is listed without its title or
address (``title`` says what it is, e.g. « un article non publié »).
"""

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Use:
    """One place that shows an image: ``title`` of the page, its ``status``
    in words, its admin address, whether readers see it (``live``) and
    whether the image is only referenced from a text (no foreign key
    protects it then)."""

    title: str
    status: str
    admin_url: str
    live: bool
    in_text: bool


class UsageProvider(Protocol):
    def uses(self, image_pks: set[int], *, viewer=None) -> dict[int, list[Use]]: ...

    def is_shown_to_readers(self, image) -> bool: ...


_providers: list[UsageProvider] = []


def register(provider: UsageProvider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def uses(image_pks, *, viewer=None) -> dict[int, list[Use]]:
    """{image pk: [Use, …]} for these images, from every provider; with a
    ``viewer``, as that person may see them."""
    image_pks = set(image_pks)
    found: dict[int, list[Use]] = {pk: [] for pk in image_pks}
    if image_pks:
        for provider in _providers:
            for pk, places in provider.uses(image_pks, viewer=viewer).items():
                found[pk].extend(places)
    return found


def is_shown_to_readers(image) -> bool:
    return any(provider.is_shown_to_readers(image) for provider in _providers)
