"""Agency wire formats read into ``ParsedItem``: AFP NewsML 1.2, IPTC
NewsML-G2 (``newsItem``, ``newsMessage``), ninjs 1.x/2.x JSON, and RSS/Atom.

``parse(data)`` finds the format from the content itself, never from the
file's name: drop folders hold ``.xml`` files of every kind.
"""

from wires.parsing import feeds, g2, newsml12, ninjs
from wires.parsing.common import (
    FLASH,
    URGENT,
    ParsedItem,
    WireFormatError,
    local,
    xml_root,
)

__all__ = ["FLASH", "URGENT", "ParsedItem", "WireFormatError", "parse"]


def parse(data: bytes, *, agency: str = "") -> list[ParsedItem]:
    """The items in one file or HTTP answer; ``WireFormatError`` (French)
    when it is none of the formats or cannot be read."""
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    if start in (b"{", b"["):
        return ninjs.parse(data)
    if start != b"<":
        raise WireFormatError("Format inconnu : ni XML ni JSON.")
    root = xml_root(data)
    name = local(root.tag)
    if name == "NewsML":
        return newsml12.parse(root)
    if name in ("newsItem", "newsMessage"):
        return g2.parse(root)
    if name in ("rss", "feed"):
        return feeds.parse(root, agency=agency)
    raise WireFormatError(f"Format inconnu : élément racine « {name} ».")
