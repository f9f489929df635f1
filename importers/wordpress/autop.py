"""WordPress's automatic paragraphs (``wpautop``), step for step.

Classic-editor posts are stored without ``<p>``: WordPress adds them at display
time. Reproducing its exact rules (blank line → paragraph, single newline →
``<br />``, block-level tags left alone, ``<pre>`` untouched, newlines inside
tags preserved) is what keeps imported articles laid out as they were.

PHP's PCRE without the ``u`` flag treats ``\\s`` and ``\\w`` as ASCII, so every
pattern here is compiled with ``re.ASCII``: a no-break space is text, not
whitespace, exactly as in WordPress.
"""

import re

_A = re.ASCII

ALLBLOCKS = (
    r"(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol"
    r"|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset"
    r"|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption"
    r"|details|menu|summary)"
)

# An HTML tag, comment or CDATA section, as WordPress's get_html_split_regex().
_COMMENT = r"!(?:-(?!->)[^\-]*+)*+(?:-->)?"
_CDATA = r"!\[CDATA\[[^\]]*+(?:\](?!\]>)[^\]]*+)*+(?:\]\]>)?"
HTML_SPLIT = re.compile(
    rf"(<(?:(?=!--){_COMMENT}|(?=!\[CDATA\[){_CDATA}|(?!!--|!\[CDATA\[)[^>]*>?))", _A
)

_BR_PAIR = re.compile(r"<br\s*/?>\s*<br\s*/?>", _A)
_BLOCK_OPEN = re.compile(rf"(<{ALLBLOCKS}[\s/>])", _A)
_BLOCK_CLOSE = re.compile(rf"(</{ALLBLOCKS}>)", _A)
_HR = re.compile(r"(<hr\s*?/?>)", _A)
_MANY_NEWLINES = re.compile(r"\n\n+")
_PARAGRAPH_SPLIT = re.compile(r"\n\s*\n", _A)
_EMPTY_P = re.compile(r"<p>\s*</p>", _A)
_UNCLOSED_P = re.compile(r"<p>([^<]+)</(div|address|form)>")
_P_AROUND_BLOCK = re.compile(rf"<p>\s*(</?{ALLBLOCKS}[^>]*>)\s*</p>", _A)
_P_AROUND_LI = re.compile(r"<p>(<li.+?)</p>")
_P_BLOCKQUOTE = re.compile(r"<p><blockquote([^>]*)>", re.IGNORECASE)
_P_BEFORE_BLOCK = re.compile(rf"<p>\s*(</?{ALLBLOCKS}[^>]*>)", _A)
_P_AFTER_BLOCK = re.compile(rf"(</?{ALLBLOCKS}[^>]*>)\s*</p>", _A)
_PRESERVE = re.compile(r"<(script|style|svg|math).*?</\1>", re.DOTALL)
_NEWLINE_TO_BR = re.compile(r"(?<!<br />)\s*\n", _A)
_BR_AFTER_BLOCK = re.compile(rf"(</?{ALLBLOCKS}[^>]*>)\s*<br />", _A)
_BR_BEFORE_BLOCK = re.compile(
    r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", _A
)
_TRAILING_NEWLINE_P = re.compile(r"\n</p>$")

_PRESERVED_NEWLINE = "<WPPreserveNewline />"
_TAG_NEWLINE = " <!-- wpnl --> "


def replace_in_html_tags(text: str, needle: str, replacement: str) -> str:
    """Replace ``needle`` inside tags and comments only, never in text."""
    parts = HTML_SPLIT.split(text)
    for i in range(1, len(parts), 2):
        parts[i] = parts[i].replace(needle, replacement)
    return "".join(parts)


def wpautop(text: str, br: bool = True) -> str:
    """Turn double line breaks into paragraphs, as WordPress does."""
    if not text.strip(" \t\n\r\0\x0b"):
        return ""
    text += "\n"

    pre_tags = {}
    if "<pre" in text:
        parts = text.split("</pre>")
        last = parts.pop()
        text = ""
        for i, part in enumerate(parts):
            start = part.find("<pre")
            if start == -1:  # malformed HTML: a stray </pre>
                text += part
                continue
            name = f"<pre wp-pre-tag-{i}></pre>"
            pre_tags[name] = part[start:] + "</pre>"
            text += part[:start] + name
        text += last

    text = _BR_PAIR.sub("\n\n", text)
    text = _BLOCK_OPEN.sub("\n\n\\1", text)
    text = _BLOCK_CLOSE.sub("\\1\n\n", text)
    text = _HR.sub("\\1\n\n", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = replace_in_html_tags(text, "\n", _TAG_NEWLINE)

    if "<option" in text:
        text = re.sub(r"\s*<option", "<option", text, flags=_A)
        text = re.sub(r"</option>\s*", "</option>", text, flags=_A)
    if "</object>" in text:
        text = re.sub(r"(<object[^>]*>)\s*", r"\1", text, flags=_A)
        text = re.sub(r"\s*</object>", "</object>", text, flags=_A)
        text = re.sub(r"\s*(</?(?:param|embed)[^>]*>)\s*", r"\1", text, flags=_A)
    if "<source" in text or "<track" in text:
        text = re.sub(r"([<\[](?:audio|video)[^>\]]*[>\]])\s*", r"\1", text, flags=_A)
        text = re.sub(r"\s*([<\[]/(?:audio|video)[>\]])", r"\1", text, flags=_A)
        text = re.sub(r"\s*(<(?:source|track)[^>]*>)\s*", r"\1", text, flags=_A)
    if "<figcaption" in text:
        text = re.sub(r"\s*(<figcaption[^>]*>)", r"\1", text, flags=_A)
        text = re.sub(r"</figcaption>\s*", "</figcaption>", text, flags=_A)

    text = _MANY_NEWLINES.sub("\n\n", text)
    paragraphs = [p for p in _PARAGRAPH_SPLIT.split(text) if p]
    text = "".join(f"<p>{p.strip(chr(10))}</p>\n" for p in paragraphs)

    text = _EMPTY_P.sub("", text)
    text = _UNCLOSED_P.sub(r"<p>\1</p></\2>", text)
    text = _P_AROUND_BLOCK.sub(r"\1", text)
    text = _P_AROUND_LI.sub(r"\1", text)
    text = _P_BLOCKQUOTE.sub(r"<blockquote\1><p>", text)
    text = text.replace("</blockquote></p>", "</p></blockquote>")
    text = _P_BEFORE_BLOCK.sub(r"\1", text)
    text = _P_AFTER_BLOCK.sub(r"\1", text)

    if br:
        text = _PRESERVE.sub(
            lambda m: m.group(0).replace("\n", _PRESERVED_NEWLINE), text
        )
        text = text.replace("<br>", "<br />").replace("<br/>", "<br />")
        text = _NEWLINE_TO_BR.sub("<br />\n", text)
        text = text.replace(_PRESERVED_NEWLINE, "\n")

    text = _BR_AFTER_BLOCK.sub(r"\1", text)
    text = _BR_BEFORE_BLOCK.sub(r"\1", text)
    text = _TRAILING_NEWLINE_P.sub("</p>", text)

    for name, original in pre_tags.items():
        text = text.replace(name, original)
    if "<!-- wpnl -->" in text:
        text = text.replace(_TAG_NEWLINE, "\n").replace("<!-- wpnl -->", "\n")
    return text


def shortcode_unautop(text: str, tagnames) -> str:
    """Unwrap ``<p>[shortcode]</p>`` so block-level shortcodes stand alone."""
    if not tagnames:
        return text
    tags = "|".join(re.escape(name) for name in tagnames)
    spaces = r"(?:[\r\n\t ]|\xa0|&nbsp;)"
    pattern = re.compile(
        rf"<p>{spaces}*+"
        rf"(\[({tags})(?![\w-])[^\]/]*(?:/(?!\])[^\]/]*)*?"
        rf"(?:/\]|\](?:[^\[]*+(?:\[(?!/\2\])[^\[]*+)*+\[/\2\])?))"
        rf"{spaces}*+</p>",
        _A,
    )
    return pattern.sub(r"\1", text)
