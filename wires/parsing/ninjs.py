"""IPTC ninjs (JSON), versions 1.x and 2.x."""

import json

from wires.parsing.common import (
    ParsedItem,
    WireFormatError,
    each,
    paragraphs_from_text,
    version_number,
    when,
)

WITHDRAWN = {"canceled", "cancelled", "withheld"}


def parse(data: bytes) -> list[ParsedItem]:
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise WireFormatError(f"JSON illisible ({error}).") from error
    items = document if isinstance(document, list) else [document]
    if not all(isinstance(item, dict) for item in items):
        raise WireFormatError("Le JSON n’est pas un objet ninjs.")
    if not items:
        raise WireFormatError("Le JSON ne contient aucune dépêche.")
    return each(items, _item)


def _text(value) -> str:
    """A ninjs 1.x string or a 2.x list of ``{"role", "value"}``/``{"lang"}``."""
    if isinstance(value, list):
        value = next((v.get("value", "") for v in value if isinstance(v, dict)), "")
    return value if isinstance(value, str) else ""


def _names(values) -> str:
    if not isinstance(values, list):
        return _text(values)
    return ", ".join(v.get("name", "") for v in values if isinstance(v, dict))


def _item(item: dict) -> ParsedItem:
    body = _text(item.get("body_html")) or paragraphs_from_text(
        _text(item.get("body_text"))
    )
    bodies = item.get("bodies")
    if not body and isinstance(bodies, list):  # ninjs 2.x
        html = [
            b.get("value", "")
            for b in bodies
            if "html" in str(b.get("contenttype", ""))
        ]
        body = html[0] if html else ""
    headline = _text(item.get("headline")) or _text(item.get("headlines"))
    urgency = item.get("urgency")
    pictures = (
        [
            {
                "href": assoc.get("uri", ""),
                "caption": _text(assoc.get("description_text")),
            }
            for assoc in (item.get("associations") or {}).values()
            if isinstance(assoc, dict) and assoc.get("type") == "picture"
        ]
        if isinstance(item.get("associations"), dict)
        else []
    )
    return ParsedItem(
        guid=str(item.get("guid") or item.get("uri") or ""),
        version=version_number(item.get("version", 1)),
        format="ninjs",
        agency=str(item.get("source") or item.get("copyrightholder") or "").upper()[
            :100
        ],
        headline=headline,
        subheadline=_text(item.get("description_text")),
        slugline=_text(item.get("slugline")),
        byline=_text(item.get("byline")) or _names(item.get("authors")),
        copyright=_text(item.get("copyrightnotice"))
        or _text(item.get("copyrightholder")),
        usage_terms=_text(item.get("usageterms")),
        language=_text(item.get("language")),
        located=_text(item.get("located")) or _names(item.get("place")),
        ednote=_text(item.get("ednote")),
        urgency=version_number(urgency, None) if urgency is not None else None,
        subjects=[
            {
                "code": str(s.get("code") or s.get("uri") or ""),
                "name": str(s.get("name", "")),
            }
            for s in item.get("subject") or item.get("subjects") or []
            if isinstance(s, dict)
        ],
        body_html=body,
        first_created=when(str(item.get("firstcreated", ""))),
        version_created=when(str(item.get("versioncreated", ""))),
        embargoed=when(str(item.get("embargoed", ""))),
        withdrawn=str(item.get("pubstatus", "")).lower() in WITHDRAWN,
        pictures=pictures,
    ).finish()
