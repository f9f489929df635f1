"""Writes of the wires app: ingesting items, « Reprendre » an item into a
draft article, and purging old items."""

import dataclasses
import datetime as dt
import logging
import re

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator

from articles.models import Article, AuditEvent
from articles.services.audit import record_event
from wires.models import WireItem, WireUse, WireVersion
from wires.parsing import ParsedItem

logger = logging.getLogger("wires")

# The body's top-level blocks, as the sanitizer leaves them.
BLOCK = re.compile(r"<(p|h2|h3|blockquote|ul|ol)\b.*?</\1>", re.S)
CREATED, UPDATED, UNCHANGED, REFUSED = "created", "updated", "unchanged", "refused"
OUTCOME_LABELS = {
    CREATED: "créée",
    UPDATED: "mise à jour",
    UNCHANGED: "inchangée",
    REFUSED: "refusée",
}
ITEM_FIELDS = (
    "agency",
    "urgency",
    "headline",
    "subheadline",
    "slugline",
    "dateline",
    "byline",
    "copyright",
    "usage_terms",
    "language",
    "located",
    "ednote",
    "subjects",
    "body_html",
    "first_created",
    "version_created",
    "embargoed",
)


@dataclasses.dataclass
class Outcome:
    """What the ingest did with one item (or one file it could not read)."""

    outcome: str
    guid: str = ""
    version: int | None = None
    agency: str = ""
    headline: str = ""
    reason: str = ""
    item: WireItem | None = None
    source: str = ""

    def line(self) -> str:
        label = OUTCOME_LABELS[self.outcome]
        what = f"{self.agency} {self.guid} v{self.version}" if self.guid else ""
        text = f"{label} : {what} « {self.headline} »" if what else label
        return f"{text} — {self.reason}" if self.reason else text

    def as_json(self) -> dict:
        return {
            "status": self.outcome,
            "guid": self.guid,
            "version": self.version,
            "agency": self.agency,
            "headline": self.headline,
            "reason": self.reason,
            "source": self.source,
        }


def _limited(parsed: ParsedItem) -> dict:
    values = {name: getattr(parsed, name) for name in ITEM_FIELDS}
    for name in ("headline", "subheadline", "copyright"):
        values[name] = values[name][:500]
    for name in ("slugline", "dateline", "byline", "located"):
        values[name] = values[name][:255]
    values["agency"] = values["agency"][:100]
    values["language"] = values["language"][:20]
    return values


def wire_ingest(*, parsed: ParsedItem, now: dt.datetime | None = None) -> Outcome:
    """Store ``parsed``: a new item, a newer version of a known one (the
    previous version kept), or nothing when this version is already known.
    A withdrawal marks the item withdrawn, whatever its version."""
    now = now or timezone.now()
    result = Outcome(
        UNCHANGED,
        guid=parsed.guid,
        version=parsed.version,
        agency=parsed.agency,
        headline=parsed.headline,
    )
    with transaction.atomic():
        item = (
            WireItem.objects.select_for_update().filter(guid=parsed.guid[:255]).first()
        )
        if item is None:
            try:
                with transaction.atomic():
                    item = _new_item(parsed, now)
                    item.save(force_insert=True)
            except IntegrityError:
                # Another ingest stored it a moment ago: this is an update.
                return wire_ingest(parsed=parsed, now=now)
            result.outcome, result.item = CREATED, item
            return result
        result.item = item
        if parsed.withdrawn and item.withdrawn_at is None:
            item.withdrawn_at = now
            item.save(update_fields=["withdrawn_at"])
            result.outcome, result.reason = UPDATED, "retirée par l’agence"
            logger.warning("Dépêche retirée par l’agence : %s « %s »", item.guid, item)
        if parsed.version <= item.version:
            return result
        WireVersion.objects.get_or_create(
            item=item,
            version=item.version,
            defaults={
                "headline": item.headline,
                "body_html": item.body_html,
                "version_created": item.version_created,
                "received_at": item.received_at,
            },
        )
        for name, value in _limited(parsed).items():
            setattr(item, name, value)
        item.version = parsed.version
        item.is_update = True
        item.received_at = now
        item.save()
        result.outcome = UPDATED
        return result


def _new_item(parsed: ParsedItem, now) -> WireItem:
    return WireItem(
        guid=parsed.guid[:255],
        version=parsed.version,
        format=parsed.format,
        is_update=parsed.update_signal or parsed.version > 1,
        withdrawn_at=now if parsed.withdrawn else None,
        received_at=now,
        **_limited(parsed),
    )


def wire_ingest_many(
    *, items: list[ParsedItem], now: dt.datetime | None = None
) -> list[Outcome]:
    """``wire_ingest`` for a batch, in the same order: the items the desk
    does not know yet in one INSERT, the others (updates, repeats) one by
    one. A wire brings mostly new items, so this is where an ingest spends
    its time (docs/benchmarks.md)."""
    now = now or timezone.now()
    known = set(
        WireItem.objects.filter(guid__in=[p.guid[:255] for p in items]).values_list(
            "guid", flat=True
        )
    )
    fresh, seen = {}, set()
    for index, parsed in enumerate(items):
        guid = parsed.guid[:255]
        if guid not in known and guid not in seen:
            seen.add(guid)
            fresh[index] = parsed
    outcomes = {}
    try:
        with transaction.atomic():
            created = WireItem.objects.bulk_create(
                [_new_item(parsed, now) for parsed in fresh.values()]
            )
    except IntegrityError:
        fresh = {}  # stored by another ingest meanwhile: one by one below
    else:
        for (index, parsed), item in zip(fresh.items(), created, strict=True):
            outcomes[index] = Outcome(
                CREATED,
                guid=parsed.guid,
                version=parsed.version,
                agency=parsed.agency,
                headline=parsed.headline,
                item=item,
            )
    for index, parsed in enumerate(items):
        if index not in outcomes:
            outcomes[index] = wire_ingest(parsed=parsed, now=now)
    return [outcomes[index] for index in range(len(items))]


def wire_item_reprise(*, item: WireItem, user, section) -> Article:
    """« Reprendre » : a draft article made from ``item``: its title, the
    first paragraph as chapô, the others as text, « Avec AFP » as sources,
    the subjects as tags, the agency's photo as hero, and a link back."""
    blocks = [match.group(0) for match in BLOCK.finditer(item.body_html)]
    standfirst = strip_tags(blocks[0]).strip() if blocks else item.subheadline
    body = "".join(blocks[1:]) if len(blocks) > 1 else item.body_html
    with transaction.atomic():
        article = Article.objects.create(
            title=Truncator(item.headline or item.slugline or "Dépêche").chars(250),
            slug=Article.objects.unique_slug(
                item.headline or item.slugline or "depeche"
            ),
            standfirst=standfirst,
            body=body,
            sources=f"Avec {item.agency}" if item.agency else "",
            status=Article.Status.DRAFT,
            section=section,
            hero_image=item.images.first(),
            created_by=user,
        )
        tags = [s["name"] for s in item.subjects if s.get("name")][:10]
        if tags:
            article.tags.add(*[tag[:100] for tag in tags])
        WireUse.objects.create(
            item=item, article=article, version=item.version, created_by=user
        )
        record_event(
            article,
            AuditEvent.Action.CREATED,
            actor=user,
            comment=f"Reprise de la dépêche {item.agency} « {item} » (version {item.version})",
        )
    logger.info("Dépêche reprise : « %s » → article %s par %s", item, article.pk, user)
    return article


def wires_purge(*, days: int, now: dt.datetime | None = None) -> int:
    """Delete items received more than ``days`` ago that no article uses."""
    count, _ = WireItem.objects.expired(days=days, now=now).delete()
    return count
