"""The edit page's « Référencement et partage » preview: what Google and a
social network would show of the article, from the text in the form, and
a warning where they would cut it. ``static/js/admin/seo-preview.js`` keeps
it up to date while typing, with the same limits."""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils.text import Truncator

# About what Google shows of a title and a description; the reader site cuts
# its meta description at the same length (website/seo.py, DESCRIPTION_LENGTH).
SEARCH_TITLE_LIMIT = 60
DESCRIPTION_LIMIT = 160
# Past this, Facebook, LinkedIn or X cut a link's title on most screens.
SOCIAL_TITLE_LIMIT = 90

TITLE_TOO_LONG = "Ce titre dépasse {limit} caractères : Google le coupera."
DESCRIPTION_TOO_LONG = (
    "Cette description dépasse {limit} caractères : Google la coupera."
)
SOCIAL_TOO_LONG = (
    "Ce titre dépasse {limit} caractères : les réseaux sociaux le couperont."
)


def _value(form, name) -> str:
    """The field's text as the form shows it: typed (a form sent back with
    errors) or saved."""
    if name not in form.fields:
        return ""
    return " ".join(str(form[name].value() or "").split())


def seo_preview(form, article) -> dict:
    """What the preview shows, and its warnings, for the article ``form``."""
    title = _value(form, "title")
    search_title = _value(form, "seo_title") or title
    social_title = _value(form, "social_title") or title
    description = _value(form, "seo_description") or _value(form, "standfirst")
    slug = _value(form, "slug") or (article.slug if article else "")
    warnings = {}
    if len(search_title) > SEARCH_TITLE_LIMIT:
        warnings["search_title"] = TITLE_TOO_LONG.format(limit=SEARCH_TITLE_LIMIT)
    if len(description) > DESCRIPTION_LIMIT:
        warnings["description"] = DESCRIPTION_TOO_LONG.format(limit=DESCRIPTION_LIMIT)
    if len(social_title) > SOCIAL_TITLE_LIMIT:
        warnings["social_title"] = SOCIAL_TOO_LONG.format(limit=SOCIAL_TITLE_LIMIT)
    return {
        "host": urlsplit(settings.SITE_URL).netloc,
        "slug": slug,
        "search_title": Truncator(search_title).chars(SEARCH_TITLE_LIMIT),
        "social_title": Truncator(social_title).chars(SOCIAL_TITLE_LIMIT),
        "description": Truncator(description).chars(DESCRIPTION_LIMIT),
        "warnings": warnings,
        "limits": {
            "search_title": SEARCH_TITLE_LIMIT,
            "description": DESCRIPTION_LIMIT,
            "social_title": SOCIAL_TITLE_LIMIT,
        },
        "messages": {
            "search_title": TITLE_TOO_LONG.format(limit=SEARCH_TITLE_LIMIT),
            "description": DESCRIPTION_TOO_LONG.format(limit=DESCRIPTION_LIMIT),
            "social_title": SOCIAL_TOO_LONG.format(limit=SOCIAL_TITLE_LIMIT),
        },
    }
