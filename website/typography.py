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
_SINGLE_SPACES = (" ", "\u00a0", "\n")
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
# (substrings of which one must be present for the rule to apply, pattern,
# replacement): the cheap test spares most text most regular expressions.
# Patterns start with a literal where they can: the engine then searches fast.
_RULES = [
    # Several spaces before a high punctuation mark (a single one is handled
    # by _fix_text with str.replace).
    (
        ("  ", " \u00a0", "\u00a0 ", "\n ", " \n", "\t"),
        re.compile(rf"{_SPACE}{{2,}}([;:!?»])"),
        NNBSP + r"\1",
    ),
    # Inside guillemets, with or without a space typed.
    (("«",), re.compile(rf"«{_SPACE}*"), "«" + NNBSP),
    (("»",), re.compile(r"»(?<=[^\s«\0]»)"), NNBSP + "»"),
]
# A number and what follows it: a group of thousands, a unit, a percent sign.
_NUMBER = re.compile(
    rf"(\d)(?:({_SPACE}+)(?:(?=\d{{3}}(?!\d))|({_UNITS})(?![\w/]))|%(?![0-9A-Fa-f]{{2}}))"
)
_DIGITS = re.compile(r"\d")


def _number(match):
    digit, spaces, unit = match.groups()
    if unit:
        return digit + NNBSP + unit
    if spaces is None:  # « 50% »; a URL escape such as « %20 » is not matched
        return digit + NNBSP + "%"
    # Thousands: 10 000 -> 10 000 (narrow), but only after a group of at most
    # three digits (a year followed by a number stays apart).
    text, start = match.string, match.start()
    run = start
    while run and (text[run - 1].isdigit() or text[run - 1] in ",."):
        run -= 1
    number = text[run : start + 1]
    if len(number) <= 3 and number.isdigit():
        return digit + NNBSP
    return match.group()


_URL = re.compile(r"\b(?:https?|ftp|mailto):[^\s<>\"'\0]+|\bwww\.[^\s<>\"'\0]+")


def _fix_text(text: str) -> str:
    if "&" in text:
        for entity, char in _SPACE_ENTITIES.items():
            text = text.replace(entity, char)
    for triggers, pattern, replacement in _RULES:
        if any(trigger in text for trigger in triggers):
            text = pattern.sub(replacement, text)
    for mark in ";:!?»":
        if mark in text:
            for space in _SINGLE_SPACES:
                text = text.replace(space + mark, NNBSP + mark)
    if _DIGITS.search(text):
        text = _NUMBER.sub(_number, text)
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
    if "<" not in html:
        return _fix_segment(html)
    pieces = _TAG_OR_TEXT.split(html)
    texts = []  # indexes of the text pieces to fix
    raw_depth = 0
    for index, piece in enumerate(pieces):
        if index % 2:  # a tag or a comment
            if match := _RAW_ELEMENT.match(piece):
                raw_depth = max(0, raw_depth + (-1 if match.group(1) else 1))
        elif piece and not raw_depth:
            texts.append(index)
    # The rules never match across a NUL, so all text pieces are fixed in one
    # pass over their concatenation (much faster than one pass per piece).
    if "\0" in html:
        fixed = [_fix_segment(pieces[index]) for index in texts]
    else:
        fixed = _fix_segment("\0".join(pieces[index] for index in texts)).split("\0")
    for index, text in zip(texts, fixed, strict=True):
        pieces[index] = text
    return "".join(pieces)
