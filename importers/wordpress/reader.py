"""Streaming, safe reading of a WordPress export (WXR 1.0 to 1.2).

``read_wxr(stream)`` yields one ``Channel`` (the site, its authors and
categories) and then one ``Item`` per ``<item>``, parsing with ``iterparse``
and clearing each element once read, so memory stays bounded whatever the size
of the file. defusedxml refuses DTDs, entity declarations and external
references: no entity-expansion bomb, no file read through an entity.
"""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException, DTDForbidden
from defusedxml.ElementTree import iterparse

# Bytes that XML 1.0 forbids but WordPress exports sometimes contain (text
# pasted from word processors): removed before parsing rather than failing.
_FORBIDDEN_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])

_WP_NS = re.compile(r"^https?://wordpress\.org/export/\d+\.\d+/$")
_EXCERPT_NS = re.compile(r"^https?://wordpress\.org/export/\d+\.\d+/excerpt/$")
_KNOWN_NS = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
}
SUPPORTED_VERSIONS = re.compile(r"^1\.[0-2]$")


class WXRError(Exception):
    """The file is not a WordPress export we can read; nothing was imported.

    The message is in French, for the person running the import.
    """


class WXRInterrupted(Exception):
    """The XML breaks off (truncated or malformed) after some items were read."""

    def __init__(self, line, column, detail):
        self.line, self.column, self.detail = line, column, detail
        super().__init__(
            f"le fichier s’interrompt ou devient illisible à la ligne {line}, "
            f"colonne {column} ({detail})"
        )


@dataclass
class Author:
    login: str
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""
    description: str = ""


@dataclass
class Category:
    term_id: str
    nicename: str
    name: str
    parent: str = ""
    description: str = ""


@dataclass
class Channel:
    title: str = ""
    link: str = ""
    base_blog_url: str = ""
    wxr_version: str = ""
    # The site's language as WordPress exports it (``fr-FR``, ``en-US``).
    language: str = ""
    authors: dict[str, Author] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)


@dataclass(frozen=True)
class Term:
    domain: str
    nicename: str
    name: str


@dataclass
class Item:
    fields: dict[str, str]
    terms: list[Term]
    meta: dict[str, str]
    guid_is_permalink: bool = True

    def get(self, key, default=""):
        return self.fields.get(key, default)

    @property
    def post_id(self) -> int | None:
        value = self.get("wp:post_id").strip()
        return int(value) if value.isdigit() else None

    @property
    def post_type(self) -> str:
        return self.get("wp:post_type").strip() or "post"

    @property
    def status(self) -> str:
        return self.get("wp:status").strip()

    @property
    def title(self) -> str:
        return self.get("title")

    @property
    def guid(self) -> str:
        return self.get("guid").strip()

    @property
    def link(self) -> str:
        return self.get("link").strip()


@lru_cache(maxsize=256)
def _key(tag: str) -> str:
    """``{namespace}local`` → ``prefix:local`` (``wp:``, ``excerpt:``…)."""
    if not tag.startswith("{"):
        return tag
    uri, local = tag[1:].split("}", 1)
    if _WP_NS.match(uri):
        return f"wp:{local}"
    if _EXCERPT_NS.match(uri):
        return f"excerpt:{local}"
    prefix = _KNOWN_NS.get(uri)
    return f"{prefix}:{local}" if prefix else f"{{{uri}}}{local}"


def _text(element) -> str:
    return element.text or ""


class CleanStream:
    """A binary file seen through ``read()`` with forbidden bytes removed,
    counting what has been read so far (for the progress bar)."""

    def __init__(self, raw, *, on_read: Callable[[int], None] | None = None):
        self.raw = raw
        self.position = 0
        self.removed = 0
        self.on_read = on_read

    def read(self, size=-1):
        chunk = self.raw.read(size)
        self.position += len(chunk)
        cleaned = chunk.translate(None, _FORBIDDEN_BYTES)
        self.removed += len(chunk) - len(cleaned)
        if self.on_read:
            self.on_read(self.position)
        return cleaned


def read_wxr(stream) -> Iterator[Channel | Item]:
    """Yield the ``Channel`` first, then every ``Item`` of a WXR file.

    Raises ``WXRError`` before yielding anything if the file is not a WXR
    export (or is refused for safety), and ``WXRInterrupted`` if the XML
    breaks off after the channel was read.
    """
    channel = Channel()
    channel_element = None
    seen_rss = seen_channel = channel_yielded = False
    depth = 0
    events = iterparse(stream, events=("start", "end"), forbid_dtd=True)
    try:
        for event, element in events:
            if event == "start":
                depth += 1
                tag = _key(element.tag)
                if depth == 1:
                    if tag != "rss":
                        raise WXRError(
                            f"l’élément racine est <{tag}>, pas <rss> : "
                            "ce n’est pas un export WordPress (WXR)."
                        )
                    seen_rss = True
                elif depth == 2 and tag == "channel":
                    seen_channel = True
                    channel_element = element
                elif depth == 3 and tag == "item" and not channel_yielded:
                    _check_channel(channel)
                    channel_yielded = True
                    yield channel
                continue

            depth -= 1
            if depth != 2 or channel_element is None:
                continue
            tag = _key(element.tag)
            if tag == "item":
                item = _item(element)
                channel_element.clear()
                yield item
            else:
                _read_channel_child(channel, tag, element)
                channel_element.clear()
    except ParseError as error:
        line, column = error.position
        if not channel_yielded:
            raise WXRError(
                "le fichier n’est pas un XML lisible "
                f"(ligne {line}, colonne {column} : {_expat_reason(error)}) ; "
                "ce n’est pas un export WordPress (WXR) valide."
            ) from error
        raise WXRInterrupted(line, column, _expat_reason(error)) from error
    except DTDForbidden as error:
        if (error.name or "").lower() == "html":
            raise WXRError(
                "c’est une page HTML, pas un export WordPress (WXR)."
            ) from error
        raise WXRError(
            "le fichier déclare une DTD, refusée par sécurité (risque de « bombe "
            "XML » ou de lecture de fichiers). Un export WordPress n’en a jamais."
        ) from error
    except DefusedXmlException as error:
        raise WXRError(
            "le fichier déclare une DTD ou des entités XML, refusées par "
            "sécurité (risque de « bombe XML » ou de lecture de fichiers). "
            "Un export WordPress n’en contient jamais."
        ) from error

    if not (seen_rss and seen_channel):
        raise WXRError(
            "aucun élément <rss><channel> : ce n’est pas un export WordPress (WXR)."
        )
    if not channel_yielded:
        _check_channel(channel)
        yield channel


def _expat_reason(error: ParseError) -> str:
    return str(error).split(":", 1)[0]


def _check_channel(channel: Channel):
    if not channel.wxr_version:
        raise WXRError(
            "aucune balise <wp:wxr_version> : ce flux RSS n’est pas un export "
            "WordPress (WXR). Exportez depuis le menu « Outils », « Exporter » de WordPress."
        )
    if not SUPPORTED_VERSIONS.match(channel.wxr_version):
        raise WXRError(
            f"version WXR « {channel.wxr_version} » non prise en charge "
            "(versions acceptées : 1.0, 1.1 et 1.2)."
        )


def _read_channel_child(channel: Channel, tag: str, element):
    if tag == "title":
        channel.title = _text(element).strip()
    elif tag == "link":
        channel.link = _text(element).strip()
    elif tag == "language":
        channel.language = _text(element).strip()
    elif tag == "wp:base_blog_url":
        channel.base_blog_url = _text(element).strip()
    elif tag == "wp:wxr_version":
        channel.wxr_version = _text(element).strip()
    elif tag == "wp:author":
        values = {_key(child.tag): _text(child).strip() for child in element}
        login = values.get("wp:author_login", "")
        if login:
            channel.authors[login] = Author(
                login=login,
                display_name=values.get("wp:author_display_name", ""),
                first_name=values.get("wp:author_first_name", ""),
                last_name=values.get("wp:author_last_name", ""),
                description=values.get("wp:author_description", ""),
            )
    elif tag == "wp:category":
        values = {_key(child.tag): _text(child).strip() for child in element}
        nicename = values.get("wp:category_nicename", "")
        if nicename:
            channel.categories[nicename] = Category(
                term_id=values.get("wp:term_id", ""),
                nicename=nicename,
                name=values.get("wp:cat_name", "") or nicename,
                parent=values.get("wp:category_parent", ""),
                description=values.get("wp:category_description", ""),
            )


def _item(element) -> Item:
    fields, terms, meta = {}, [], {}
    guid_is_permalink = True
    for child in element:
        key = _key(child.tag)
        if key == "category":
            terms.append(
                Term(
                    domain=child.get("domain", ""),
                    nicename=child.get("nicename", ""),
                    name=_text(child).strip(),
                )
            )
        elif key == "wp:postmeta":
            pair = {_key(part.tag): _text(part) for part in child}
            if meta_key := pair.get("wp:meta_key", "").strip():
                meta[meta_key] = pair.get("wp:meta_value", "")
        elif key == "wp:comment":
            continue
        else:
            if key == "guid":
                guid_is_permalink = child.get("isPermaLink", "true") != "false"
            fields[key] = _text(child)
    return Item(
        fields=fields, terms=terms, meta=meta, guid_is_permalink=guid_is_permalink
    )
