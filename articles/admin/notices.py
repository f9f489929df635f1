"""Notices other apps add to an article's edit page.

A provider is ``provider(request, article)`` returning ``Notice``s: the wires
app, for one, flags an article made from an item the agency withdrew, or
whose item has a newer version. The articles app knows no provider; each
registers itself in its ``AppConfig.ready()``.
"""

import dataclasses

_providers = []


@dataclasses.dataclass(frozen=True)
class Notice:
    text: str
    level: str = "warning"  # "warning" or "error", as the admin's messages
    url: str = ""
    link_text: str = ""


def register(provider) -> None:
    if provider not in _providers:
        _providers.append(provider)


def notices_for(request, article) -> list[Notice]:
    return [notice for provider in _providers for notice in provider(request, article)]
