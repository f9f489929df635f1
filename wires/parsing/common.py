"""What every wire format comes down to, and the helpers the parsers share."""

import dataclasses
import datetime as dt
import re
from html import escape as html_escape
from xml.etree import ElementTree

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from django.utils.dateparse import parse_datetime
from django.utils.html import escape

from wires.text import clean_body, clean_line

# Urgency as IPTC numbers it: 1 is a flash, 2 urgent, 9 the lowest.
FLASH, URGENT = 1, 2


class WireFormatError(ValueError):
    """A file or item that cannot be read; the message is French."""


@dataclasses.dataclass
class ParsedItem:
    guid: str
    version: int
    format: str
    agency: str = ""
    headline: str = ""
    subheadline: str = ""
    slugline: str = ""
    dateline: str = ""
    byline: str = ""
    copyright: str = ""
    usage_terms: str = ""
    language: str = ""
    located: str = ""
    ednote: str = ""
    urgency: int | None = None
    subjects: list = dataclasses.field(default_factory=list)
    body_html: str = ""
    first_created: dt.datetime | None = None
    version_created: dt.datetime | None = None
    embargoed: dt.datetime | None = None
    withdrawn: bool = False
    update_signal: bool = False
    # Pictures that come with the text: references (href) to files beside it.
    pictures: list = dataclasses.field(default_factory=list)

    def finish(self):
        """Lines and body cleaned, in the item's language's typography."""
        french = self.language.lower().startswith("fr")
        for field in (
            "headline",
            "subheadline",
            "slugline",
            "dateline",
            "byline",
            "copyright",
            "usage_terms",
            "located",
            "ednote",
        ):
            setattr(self, field, clean_line(getattr(self, field), french=french))
        self.body_html = clean_body(self.body_html, french=french)
        if not self.guid:
            raise WireFormatError("La dépêche n’a pas d’identifiant (guid).")
        if not self.headline and not self.body_html:
            raise WireFormatError(f"La dépêche {self.guid} n’a ni titre ni texte.")
        return self


def each(elements, read) -> list:
    """``read`` applied to each element; an item that cannot be read gives
    its ``WireFormatError`` in its place, and the others are kept."""
    results = []
    for element in elements:
        try:
            results.append(read(element))
        except WireFormatError as error:
            results.append(error)
        except (ValueError, TypeError, AttributeError, KeyError) as error:
            results.append(WireFormatError(f"Dépêche illisible ({error})."))
    return results


_DECLARATION = re.compile(r"^\s*<\?xml[^>]*?\?>", re.DOTALL)


def xml_root(data: bytes):
    """The root element of an XML file, as real agency feeds send it.

    Bytes that are valid UTF-8 are read as UTF-8 whatever the declaration
    says: feeds that declare ISO-8859-1 and send UTF-8 are common, and text
    in a single-byte encoding with accents is almost never valid UTF-8.
    DTDs, entities and external references are refused (defusedxml).
    """
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        match = re.match(rb'^\s*<\?xml[^>]*encoding=["\']([A-Za-z0-9._-]+)', data)
        encoding = match.group(1).decode() if match else "cp1252"
        try:
            text = data.decode(encoding, errors="replace")
        except LookupError:
            text = data.decode("cp1252", errors="replace")
    text = _DECLARATION.sub("", text, count=1)
    try:
        return SafeET.fromstring(text, forbid_dtd=True)
    except DefusedXmlException as error:
        raise WireFormatError(
            "Fichier refusé : il déclare une DTD ou des entités, "
            "que les dépêches n’utilisent pas (protection contre les bombes XML)."
        ) from error
    except SafeET.ParseError as error:
        raise WireFormatError(f"XML illisible ({error}).") from error


def local(tag: str) -> str:
    """An element's name without its namespace."""
    return tag.rsplit("}", 1)[-1]


def children(element, name):
    return [child for child in element if local(child.tag) == name]


def child(element, name):
    if element is None:
        return None
    return next((c for c in element if local(c.tag) == name), None)


def path(element, *names):
    for name in names:
        element = child(element, name)
    return element


def attr(element, name, default="") -> str:
    return element.get(name, default) if element is not None else default


def inner_html(element) -> str:
    """The markup inside ``element`` (NITF, XHTML), without namespaces."""
    if element is None:
        return ""
    for sub in element.iter():
        if isinstance(sub.tag, str):
            sub.tag = local(sub.tag)
    parts = [html_escape(element.text or "")]
    parts += [ElementTree.tostring(sub, encoding="unicode") for sub in element]
    return "".join(parts)


def text_of(element) -> str:
    return "".join(element.itertext()).strip() if element is not None else ""


def when(value: str) -> dt.datetime | None:
    """A date as agencies write it: ISO 8601 (``+0100`` or ``+01:00``) or
    NewsML 1.2's ``20240710T130037Z``. None when absent or unreadable."""
    value = (value or "").strip()
    if not value:
        return None
    compact = re.fullmatch(r"(\d{8})T(\d{6})(Z|[+-]\d{4})?", value)
    if compact:
        day, time, zone = compact.groups()
        value = f"{day[:4]}-{day[4:6]}-{day[6:]}T{time[:2]}:{time[2:4]}:{time[4:]}"
        value += "+00:00" if zone in (None, "Z") else f"{zone[:3]}:{zone[3:]}"
    value = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", value)
    try:
        parsed = parse_datetime(value)
    except ValueError:
        return None
    if parsed is None or parsed.tzinfo is None:
        return parsed and parsed.replace(tzinfo=dt.UTC)
    return parsed


def paragraphs_from_text(text: str) -> str:
    """Plain text (``inlineData`` text/plain) as paragraphs: blank lines, or
    lines indented as agencies start their paragraphs, separate them."""
    text = re.sub(r"</?p>", "\n\n", text)
    blocks = re.split(r"\n\s*\n|\n(?=[ \t]{2,}\S)", text.strip())
    return "".join(
        f"<p>{escape(' '.join(block.split()))}</p>" for block in blocks if block.strip()
    )


def version_number(value, default=1) -> int:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return default
    return number if 0 < number < 2**31 else default
