"""An article as IPTC ninjs 2.1 (News in JSON), what agencies and
aggregators exchange: https://www.iptc.org/std/ninjs/

Built from the API's own representation (``api.representation``), so both
show the same article.
"""

from django.conf import settings

from core.formats import NBSP

VERSION = "2.1"
SCHEMA = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"
MEDIA_TYPE = "application/ninjs+json"


def _iso(value):
    return value.isoformat() if value else None


def _by(bylines):
    names = [byline["name"] for byline in bylines]
    if len(names) > 1:
        return ", ".join(names[:-1]) + " et " + names[-1]
    return names[0] if names else settings.SITE_NAME


def _picture(image):
    item = {
        "name": "hero",
        "uri": image["renditions"][-1]["url"],
        "type": "picture",
        "representationtype": "full",
        "renditions": [
            {
                "name": rendition["name"],
                "href": rendition["url"],
                "contenttype": rendition["type"],
                "width": rendition["width"],
                "height": rendition["height"],
            }
            for rendition in image["renditions"]
        ],
    }
    descriptions = [
        {"role": "caption", "contenttype": "text/plain", "value": image["caption"]},
        {"role": "alt", "contenttype": "text/plain", "value": image["alt"]},
    ]
    item["descriptions"] = [d for d in descriptions if d["value"]]
    if image["credit"]:
        item["by"] = image["credit"]
        item["copyrightholder"] = image["credit"]
    return item


def article(data: dict) -> dict:
    """``data`` (``api.representation.article_data()``) as a ninjs object."""
    item = {
        "uri": data["short_url"],
        "standard": {"name": "ninjs", "version": VERSION, "schema": SCHEMA},
        "type": "text",
        "representationtype": "full",
        "profile": "newsday-article",
        "firstcreated": _iso(data["first_published_at"]),
        "versioncreated": _iso(data["updated_at"] or data["published_at"]),
        "pubstatus": "usable",
        "urgency": 1 if data["is_breaking"] else 4,
        "language": "fr",
        "copyrightholder": settings.SITE_NAME,
        "headlines": [{"role": "main", "value": data["title"]}],
        "descriptions": [
            {
                "role": "summary",
                "contenttype": "text/plain",
                "value": data["standfirst"],
            }
        ],
        "bodies": [
            {
                "role": "main",
                "contenttype": "text/html",
                "value": data["body_html"],
                "wordcount": data["word_count"],
            },
            *(
                {
                    "role": correction["kind"],
                    "contenttype": "text/plain",
                    "value": f"{correction['label']}{NBSP}: {correction['text']}",
                }
                for correction in data["corrections"]
            ),
        ],
        "by": _by(data["bylines"]),
        "slugline": data["rubrique"]["name"],
        "subjects": [
            {
                "name": data["rubrique"]["name"],
                "rel": "rubrique",
                "uri": data["rubrique"]["url"],
                "literal": data["rubrique"]["slug"],
            },
            *(
                {"name": tag["name"], "rel": "tag", "uri": tag["url"]}
                for tag in data["tags"]
            ),
        ],
        "altids": [
            {"role": "id", "value": str(data["id"])},
            {"role": "canonical", "value": data["url"]},
        ],
    }
    if data["sources"]:
        item["infosources"] = [{"name": data["sources"]}]
    if data["hero_image"]:
        item["associations"] = [_picture(data["hero_image"])]
    return item


def _link(link):
    return {
        "name": "lien",
        "uri": link["url"],
        "type": "text",
        "representationtype": "partial",
        "headlines": [{"role": "main", "value": link["title"]}],
    }


def _entry(entry: dict) -> dict:
    """An entry of a live as a ninjs item (an association of the live)."""
    item = {
        "name": f"entree-{entry['id']}",
        "uri": entry["url"],
        "type": "text",
        "representationtype": "full",
        "profile": "newsday-live-entry",
        "firstcreated": _iso(entry["published_at"]),
        "versioncreated": _iso(entry["edited_at"] or entry["published_at"]),
        "pubstatus": "usable",
        "urgency": 2 if entry["is_important"] else 4,
        "language": "fr",
        "by": entry["author"]["name"] if entry["author"] else settings.SITE_NAME,
        "altids": [{"role": "id", "value": str(entry["id"])}],
    }
    if entry["title"]:
        item["headlines"] = [{"role": "main", "value": entry["title"]}]
    if entry["body_html"]:
        item["bodies"] = [
            {"role": "main", "contenttype": "text/html", "value": entry["body_html"]}
        ]
    if entry["is_pinned"]:
        item["ednote"] = "Entrée épinglée en tête du direct."
    associations = []
    if entry["image"]:
        associations.append(_picture(entry["image"]) | {"name": "photo"})
    if entry["link"]:
        associations.append(_link(entry["link"]))
    if associations:
        item["associations"] = associations
    return item


def live(data: dict) -> dict:
    """A live (``api.lives``: the article's data, its state, its pinned and
    latest entries) as a ninjs composite: the live's own text, then each
    entry as an association, pinned ones first."""
    item = article(data)
    item["type"] = "composite"
    item["profile"] = "newsday-live"
    item["versioncreated"] = _iso(data["updated_at"])
    item["ednote"] = (
        "Direct en cours."
        if data["state"] == "running"
        else f"Direct {data['state_label'][0].lower()}{data['state_label'][1:]}."
    )
    if data["summary"]:
        item["descriptions"].append(
            {
                "role": "keypoints",
                "contenttype": "text/plain",
                "value": "\n".join(data["summary"]),
            }
        )
    item["associations"] = [
        *item.get("associations", []),
        *(_entry(entry) for entry in [*data["pinned"], *data["entries"]]),
    ]
    if not item["associations"]:
        del item["associations"]
    return item
