"""AFP's NewsML 1.2: one or more ``NewsItem`` in a ``NewsML`` envelope."""

from wires.parsing.common import (
    ParsedItem,
    WireFormatError,
    attr,
    child,
    children,
    each,
    inner_html,
    path,
    text_of,
    version_number,
    when,
)

# AFP marks a withdrawn item « Canceled » (or « Withheld »), and its kill
# notices carry « ANNULATION » in the headline.
WITHDRAWN_STATUSES = {"canceled", "cancelled", "withheld"}


def parse(root) -> list[ParsedItem]:
    items = children(root, "NewsItem")
    if not items:
        raise WireFormatError("Fichier NewsML 1.2 sans NewsItem.")
    return each(items, _item)


def _item(item) -> ParsedItem:
    identifier = path(item, "Identification", "NewsIdentifier")
    revision = child(identifier, "RevisionId")
    provider = text_of(child(identifier, "ProviderId"))
    # The PublicIdentifier names one revision (« …:qpsp2jzk:1 »): the item
    # is that identifier without its revision number.
    guid = text_of(child(identifier, "PublicIdentifier"))
    if guid.count(":") >= 4:
        guid = guid.rsplit(":", 1)[0]
    guid = guid or ":".join(
        text_of(child(identifier, name))
        for name in ("ProviderId", "DateId", "NewsItemId")
    ).strip(":")
    management = child(item, "NewsManagement")
    component = child(item, "NewsComponent")
    lines = child(component, "NewsLines")
    status = attr(child(management, "Status"), "FormalName")
    urgency = attr(child(management, "Urgency"), "FormalName")
    headline = text_of(child(lines, "HeadLine"))
    descriptive = child(component, "DescriptiveMetadata")
    language = attr(child(descriptive, "Language"), "FormalName")
    party = path(component, "AdministrativeMetadata", "Provider", "Party")
    parsed = ParsedItem(
        guid=guid,
        version=version_number(text_of(revision)),
        format="newsml12",
        agency=attr(party, "FormalName") or provider.split(".")[0].upper(),
        headline=headline,
        subheadline=text_of(child(lines, "SubHeadLine")),
        slugline=text_of(child(lines, "SlugLine"))
        or text_of(path(item, "Identification", "NameLabel")),
        dateline=text_of(child(lines, "DateLine")),
        byline=text_of(child(lines, "ByLine")),
        copyright=text_of(child(lines, "CopyrightLine")),
        language=language,
        urgency=version_number(urgency, None),
        first_created=when(text_of(child(management, "FirstCreated"))),
        version_created=when(text_of(child(management, "ThisRevisionCreated"))),
        withdrawn=status.lower() in WITHDRAWN_STATUSES
        or "ANNULATION" in headline.upper(),
        update_signal=attr(revision, "Update", "N") != "N",
        subjects=[
            {"code": s.get("FormalName", ""), "name": ""}
            for s in descriptive.iter()
            if s.tag.endswith(("SubjectMatter", "SubjectDetail", "Subject"))
        ]
        if descriptive is not None
        else [],
    )
    bodies, pictures = [], []
    for content in component.iter() if component is not None else []:
        if content.tag.endswith("ContentItem"):
            kind = attr(child(content, "MediaType"), "FormalName")
            if kind == "Photo" and content.get("Href"):
                pictures.append({"href": content.get("Href"), "caption": ""})
            data = child(content, "DataContent")
            if kind in ("Text", "") and data is not None:
                bodies.append(inner_html(data))
    parsed.body_html = "".join(bodies)
    parsed.pictures = pictures
    return parsed.finish()
