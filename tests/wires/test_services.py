import datetime as dt

import pytest
from django.utils import timezone

from articles.models import Article, AuditEvent
from tests.factories import make_section
from wires.models import WireItem, WireUse, WireVersion
from wires.parsing import parse
from wires.services import (
    CREATED,
    UNCHANGED,
    UPDATED,
    wire_ingest,
    wire_ingest_many,
    wire_item_reprise,
    wires_purge,
)

pytestmark = pytest.mark.django_db


def ingest(data):
    return [wire_ingest(parsed=item) for item in parse(data)]


def test_a_new_item_is_created(sample):
    (outcome,) = ingest(sample("g2-v1.xml"))
    assert outcome.outcome == CREATED
    item = WireItem.objects.get()
    assert (item.agency, item.version, item.slugline) == ("AFP", 1, "france-incendie")
    assert item.is_flash
    assert item.urgency_label == "Urgent"
    assert not item.is_update


def test_the_same_file_twice_changes_nothing(sample):
    ingest(sample("g2-v1.xml"))
    (outcome,) = ingest(sample("g2-v1.xml"))
    assert outcome.outcome == UNCHANGED
    assert WireItem.objects.count() == 1
    assert not WireVersion.objects.exists()


def test_a_higher_version_replaces_the_item_and_keeps_the_previous(sample):
    ingest(sample("g2-v1.xml"))
    (outcome,) = ingest(sample("g2-v2.xml"))
    assert outcome.outcome == UPDATED
    item = WireItem.objects.get()
    assert item.version == 2
    assert item.is_update
    assert "Un violent incendie" in item.body_html
    (previous,) = item.versions.all()
    assert previous.version == 1
    assert "Un incendie s’est déclaré" in previous.body_html


def test_an_older_version_arriving_late_changes_nothing(sample):
    ingest(sample("g2-v2.xml"))
    (outcome,) = ingest(sample("g2-v1.xml"))
    assert outcome.outcome == UNCHANGED
    assert WireItem.objects.get().version == 2


def test_a_withdrawal_marks_the_item(sample):
    (outcome,) = ingest(sample("g2-kill.xml"))
    assert WireItem.objects.get().is_withdrawn
    assert outcome.outcome == CREATED


def test_reprise_makes_a_draft_article_with_a_link_back(sample, journalist):
    ingest(sample("g2-v2.xml"))
    item = WireItem.objects.get()
    article = wire_item_reprise(item=item, user=journalist, section=make_section())
    assert article.status == Article.Status.DRAFT
    assert article.title == "Incendie dans un entrepôt à Lyon"
    assert article.standfirst.startswith("Un violent incendie s’est déclaré")
    assert article.body.startswith("<p>« Le feu est maîtrisé »")
    assert "Deux pompiers" in article.body
    assert article.sources == "Avec AFP"
    assert list(article.tags.names()) == ["désastres et accidents"]
    use = WireUse.objects.get()
    assert (use.article, use.version, use.created_by) == (article, 2, journalist)
    event = article.audit_events.get()
    assert event.action == AuditEvent.Action.CREATED
    assert "Reprise de la dépêche AFP" in event.comment


def test_an_article_made_from_version_1_learns_of_version_2(sample, journalist):
    ingest(sample("g2-v1.xml"))
    wire_item_reprise(
        item=WireItem.objects.get(), user=journalist, section=make_section()
    )
    ingest(sample("g2-v2.xml"))
    assert WireUse.objects.get().newer_version_available


def test_purge_keeps_recent_items_and_those_articles_use(sample, journalist):
    old = timezone.now() - dt.timedelta(days=40)
    for name in ("g2-v1.xml", "g2-kill.xml"):
        for item in parse(sample(name)):
            wire_ingest(parsed=item, now=old)
    wire_item_reprise(
        item=WireItem.objects.get(slugline="france-incendie"),
        user=journalist,
        section=make_section(),
    )
    for item in parse(sample("afp-latin1.xml")):
        wire_ingest(parsed=item)
    assert wires_purge(days=30) == 1
    assert set(WireItem.objects.values_list("slugline", flat=True)) == {
        "france-incendie",
        "",
    }


def test_a_batch_inserts_the_new_items_at_once_and_keeps_the_order(sample):
    (v1,) = parse(sample("g2-v1.xml"))
    (v2,) = parse(sample("g2-v2.xml"))
    (kill,) = parse(sample("g2-kill.xml"))
    (latin,) = parse(sample("afp-latin1.xml"))
    wire_ingest(parsed=v1)
    outcomes = wire_ingest_many(items=[kill, v2, latin, latin])
    assert [o.outcome for o in outcomes] == [CREATED, UPDATED, CREATED, UNCHANGED]
    assert outcomes[0].item.guid == kill.guid
    assert WireItem.objects.count() == 3


def test_a_batch_of_new_items_is_one_select_and_one_insert(
    sample, django_assert_num_queries
):
    items = [
        item
        for name in ("g2-kill.xml", "afp-latin1.xml")
        for item in parse(sample(name))
    ]
    # The two, and the savepoint around the INSERT (inside the test's own
    # transaction): four statements however many items.
    with django_assert_num_queries(4):
        wire_ingest_many(items=items)
