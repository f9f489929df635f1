"""Tags typed in any case, with or without accents, find the existing tag:
« energie » and « ÉNERGIE » are « Énergie ».

django-taggit matches names case-insensitively (``TAGGIT_CASE_INSENSITIVE``),
but on SQLite only for ASCII letters, and never across accents. The database
is asked for the few names that could fold to the same string (a regular
expression with each letter's accented and upper-case forms, which both
SQLite and PostgreSQL run whatever their collation), and the fold itself is
done here.
"""

import re
import unicodedata

from taggit.models import Tag


def fold(name: str) -> str:
    """``name`` without accents, case or surrounding spaces."""
    decomposed = unicodedata.normalize("NFKD", name.strip())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _variants() -> dict[str, str]:
    # Every Latin letter French text may carry (Latin-1 and Latin
    # Extended-A), grouped by the ASCII letter it folds to.
    groups: dict[str, set[str]] = {}
    for code in [*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x180)]:
        char = chr(code)
        base = fold(char)
        if len(base) == 1 and base.isascii() and base.isalpha():
            groups.setdefault(base, set()).update({char, char.upper(), char.lower()})
    return {base: "".join(sorted(chars)) for base, chars in groups.items()}


VARIANTS = _variants()


def _pattern(name: str) -> str:
    parts = []
    for char in fold(name):
        chars = VARIANTS.get(char) or "".join({char: 0, char.upper(): 0})
        parts.append(f"[{re.escape(chars)}]" if len(chars) > 1 else re.escape(char))
    return "".join(parts)


def tags_folding_to(name: str, *, prefix: bool = False):
    """Tags named ``name`` (with ``prefix``, whose name starts with it) up
    to case and accents; a superset, to check with ``fold``."""
    end = "" if prefix else "$"
    return Tag.objects.filter(name__regex=f"^{_pattern(name)}{end}")


def existing_name(name: str) -> str:
    """The name of the existing tag ``name`` stands for (the oldest, should
    duplicates exist), else ``name`` itself."""
    folded = fold(name)
    for tag in tags_folding_to(name).order_by("pk"):
        if fold(tag.name) == folded:
            return tag.name
    return name.strip()


def existing_names(names) -> list[str]:
    """``names`` as existing tags, each once."""
    found = {}
    for name in names:
        found.setdefault(fold(name), existing_name(name))
    return list(found.values())
