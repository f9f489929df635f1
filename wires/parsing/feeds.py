"""A plain RSS 2.0 or Atom agency feed: each entry is an item."""

import hashlib

from wires.parsing.common import (
    ParsedItem,
    child,
    children,
    each,
    inner_html,
    local,
    text_of,
    when,
)


def parse(root, *, agency="") -> list[ParsedItem]:
    if local(root.tag) == "rss":
        channel = child(root, "channel")
        source = text_of(child(channel, "title"))
        language = text_of(child(channel, "language"))
        return each(
            children(channel, "item"), lambda e: _rss(e, agency or source, language)
        )
    source = text_of(child(root, "title"))
    language = root.get("{http://www.w3.org/XML/1998/namespace}lang", "")
    return each(children(root, "entry"), lambda e: _atom(e, agency or source, language))


def _guid(*parts) -> str:
    key = "|".join(parts)
    return "urn:feed:" + hashlib.sha256(key.encode()).hexdigest()[:40]


def _rss(entry, agency, language) -> ParsedItem:
    link = text_of(child(entry, "link"))
    guid = text_of(child(entry, "guid")) or _guid(link, text_of(child(entry, "title")))
    encoded = next((c for c in entry if local(c.tag) == "encoded"), None)
    body = (encoded.text if encoded is not None else "") or text_of(
        child(entry, "description")
    )
    return ParsedItem(
        guid=guid,
        version=1,
        format="rss",
        agency=agency.upper()[:100],
        headline=text_of(child(entry, "title")),
        byline=text_of(child(entry, "creator")) or text_of(child(entry, "author")),
        language=language,
        body_html=body if "<" in body else f"<p>{body}</p>",
        version_created=_rfc822(text_of(child(entry, "pubDate"))),
        subjects=[
            {"code": "", "name": text_of(c)} for c in children(entry, "category")
        ],
    ).finish()


def _atom(entry, agency, language) -> ParsedItem:
    content = child(entry, "content")
    if content is None:
        content = child(entry, "summary")
    if content is not None and content.get("type") == "xhtml":
        div = child(content, "div")
        body = inner_html(div if div is not None else content)
    else:
        body = text_of(content)
    author = child(entry, "author")
    return ParsedItem(
        guid=text_of(child(entry, "id")) or _guid(text_of(child(entry, "title"))),
        version=1,
        format="atom",
        agency=agency.upper()[:100],
        headline=text_of(child(entry, "title")),
        byline=text_of(child(author, "name")),
        language=language,
        body_html=body if "<" in body else f"<p>{body}</p>",
        version_created=when(text_of(child(entry, "updated"))),
    ).finish()


def _rfc822(value):
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value) if value else None
    except (TypeError, ValueError):
        return None
