"""French typography for text shown to readers.

Narrow no-break spaces (U+202F) go before « ; : ! ? », inside « », between a
number and « % » or a unit, and between groups of thousands, so a line never
breaks between a word and its punctuation. Only the text between HTML tags is
touched: tags, attribute values (URLs included) and the content of ``<script>``,
``<style>``, ``<pre>``, ``<code>`` and ``<textarea>`` stay as they are.
"""

import re

NNBSP = "\u202f"

# Whitespace between words; no-break space entities are turned into their
# characters first (see _fix_text), so one character class covers them all.
_SPACE = r"[ \t\r\n\u00a0\u202f]"
_SPACE_ENTITIES = {
    "&nbsp;": "\u00a0",
    "&#160;": "\u00a0",
    "&#xa0;": "\u00a0",
    "&#8239;": NNBSP,
    "&#x202f;": NNBSP,
}

_TAG_OR_TEXT = re.compile(r"(<!--.*?-->|<[^>]*>)", re.DOTALL)
_RAW_ELEMENT = re.compile(r"<(/?)(script|style|pre|code|textarea)\b", re.IGNORECASE)

_UNITS = (
    "%|‰|€|\\$|£|°C|°F|°|km/h|km²|km|m²|m³|cm|mm|m|kg|g|mg|ml|cl|hl|ha|"
    "kWh|MWh|GWh|TWh|kW|MW|GW|h|min|Mo|Go|To|Md€|M€|k€|millions?|milliards?"
)
# (characters that must be present for the rule to apply, pattern, replacement):
# the cheap presence test spares most text most of the regular expressions.
_RULES = [
    # A space before a high punctuation mark becomes narrow and unbreakable.
    (";:!?»", re.compile(rf"{_SPACE}+([;:!?»])"), NNBSP + r"\1"),
    # Inside guillemets, with or without a space typed.
    ("«", re.compile(rf"«{_SPACE}*"), "«" + NNBSP),
    ("»", re.compile(r"([^\s«])»"), r"\1" + NNBSP + "»"),
    # Groups of thousands: 10 000 -> 10 000 (narrow), never inside a longer
    # number (a year followed by a number stays apart).
    (
        "0123456789",
        re.compile(rf"(\d[\d,.]*){_SPACE}(?=\d{{3}}(?!\d))"),
        lambda m: m[1] + (NNBSP if len(m[1]) <= 3 and m[1].isdigit() else m[0][-1]),
    ),
    # A number and its unit or percent sign. « 50% » gains the space; a URL
    # escape such as « %20 » is left alone.
    (
        "0123456789",
        re.compile(rf"(\d){_SPACE}+({_UNITS})(?![\w/])"),
        r"\1" + NNBSP + r"\2",
    ),
    ("%", re.compile(r"(\d)%(?![0-9A-Fa-f]{2})"), r"\1" + NNBSP + "%"),
]
_URL = re.compile(r"\b(?:https?|ftp|mailto):[^\s<>\"']+|\bwww\.[^\s<>\"']+")


def _fix_text(text: str) -> str:
    if "&" in text:
        for entity, char in _SPACE_ENTITIES.items():
            text = text.replace(entity, char)
    for triggers, pattern, replacement in _RULES:
        if any(char in text for char in triggers):
            text = pattern.sub(replacement, text)
    return text


def _fix_segment(text: str) -> str:
    """Fix a run of text, leaving any URL written out in it untouched."""
    if "://" not in text and "www." not in text and "mailto:" not in text:
        return _fix_text(text)
    parts = []
    last = 0
    for match in _URL.finditer(text):
        parts.append(_fix_text(text[last : match.start()]))
        parts.append(match.group())
        last = match.end()
    parts.append(_fix_text(text[last:]))
    return "".join(parts)


def french_typography(html: str) -> str:
    """Return ``html`` with French spacing rules applied to its text only."""
    if not html:
        return html
    pieces = _TAG_OR_TEXT.split(html)
    raw_depth = 0
    for index, piece in enumerate(pieces):
        if index % 2:  # a tag or a comment
            if match := _RAW_ELEMENT.match(piece):
                raw_depth = max(0, raw_depth + (-1 if match.group(1) else 1))
        elif piece and not raw_depth:
            pieces[index] = _fix_segment(piece)
    return "".join(pieces)
