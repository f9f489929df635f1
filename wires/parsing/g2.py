"""IPTC NewsML-G2: a ``newsItem``, or a ``newsMessage`` carrying several."""

from wires.parsing.common import (
    ParsedItem,
    WireFormatError,
    attr,
    child,
    children,
    each,
    inner_html,
    local,
    paragraphs_from_text,
    text_of,
    version_number,
    when,
)

WITHDRAWN = {"stat:canceled", "stat:withheld"}
SUBHEADLINE_ROLES = {"hld:subHeadline", "hld:subheadline", "hld:sub"}


def parse(root) -> list[ParsedItem]:
    if local(root.tag) == "newsItem":
        return each([root], _item)
    items = [
        item
        for item_set in children(root, "itemSet")
        for item in item_set
        if local(item.tag) == "newsItem"
    ]
    if not items:
        raise WireFormatError("Message NewsML-G2 sans newsItem de texte.")
    return each(items, _item)


def _name(element) -> str:
    """A concept's label: its ``name`` in French if given, else the first,
    else its ``literal``."""
    if element is None:
        return ""
    names = children(element, "name")
    for name in names:
        if attr(name, "{http://www.w3.org/XML/1998/namespace}lang").startswith("fr"):
            return text_of(name)
    return text_of(names[0]) if names else attr(element, "literal")


def _provider(meta) -> str:
    provider = child(meta, "provider")
    value = attr(provider, "literal") or attr(provider, "qcode").split(":")[-1]
    return value.split(".")[0].upper()


def _item(item) -> ParsedItem:
    meta, content = child(item, "itemMeta"), child(item, "contentMeta")
    rights = child(item, "rightsInfo")
    headlines = children(content, "headline") if content is not None else []
    main = [h for h in headlines if attr(h, "role") not in SUBHEADLINE_ROLES]
    sub = [h for h in headlines if attr(h, "role") in SUBHEADLINE_ROLES]
    language = attr(child(content, "language"), "tag") or attr(
        item, "{http://www.w3.org/XML/1998/namespace}lang"
    )
    signals = (
        {attr(s, "qcode") for s in children(meta, "signal")}
        if meta is not None
        else set()
    )
    located = child(content, "located")
    parsed = ParsedItem(
        guid=attr(item, "guid"),
        version=version_number(attr(item, "version", "1")),
        format="g2",
        agency=_provider(meta),
        headline=text_of(main[0]) if main else "",
        subheadline=text_of(sub[0]) if sub else "",
        slugline=text_of(child(content, "slugline")),
        byline=", ".join(_name(c) for c in children(content, "creator"))
        if content is not None
        else "",
        copyright=text_of(child(rights, "copyrightNotice"))
        or attr(child(rights, "copyrightHolder"), "literal")
        or text_of(child(child(rights, "copyrightHolder"), "name")),
        usage_terms=text_of(child(rights, "usageTerms")),
        language=language,
        located=_name(located),
        ednote=text_of(child(meta, "edNote")),
        urgency=version_number(text_of(child(content, "urgency")), None),
        subjects=[
            {"code": attr(s, "qcode") or attr(s, "literal"), "name": _name(s)}
            for s in children(content, "subject")
        ]
        if content is not None
        else [],
        first_created=when(text_of(child(meta, "firstCreated"))),
        version_created=when(text_of(child(meta, "versionCreated"))),
        embargoed=when(text_of(child(meta, "embargoed"))),
        withdrawn=attr(child(meta, "pubStatus"), "qcode") in WITHDRAWN,
        update_signal="sig:update" in signals or "sig:correction" in signals,
    )
    bodies, pictures = [], []
    content_set = child(item, "contentSet")
    for part in content_set if content_set is not None else []:
        kind = local(part.tag)
        if kind == "inlineXML":
            bodies.append(inner_html(part))
        elif kind == "inlineData":
            data = part.text or ""
            if attr(part, "contenttype").startswith("text/plain"):
                bodies.append(paragraphs_from_text(data))
            else:
                bodies.append(data)
        elif kind == "remoteContent" and attr(part, "contenttype").startswith("image/"):
            pictures.append({"href": attr(part, "href"), "caption": ""})
    parsed.body_html = "".join(bodies)
    parsed.pictures = pictures
    return parsed.finish()
