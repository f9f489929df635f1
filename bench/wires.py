"""The wire at newsroom scale (docs/benchmarks.md, « Dépêches »).

1. Ingest: 10,000 items written to a drop folder (NewsML-G2 40 %, AFP
   NewsML 1.2 30 %, ninjs 20 %, RSS 10 %; 5 % of them newer versions of
   earlier items, 1 % malformed), read by ``ingest_folder`` as the worker
   does: time, items per second, and the process's peak memory after
   1,000 and after 10,000 items (flat memory: the two are close).
2. The desk with ``DESK_N`` items (200,000 by default) on PostgreSQL: its
   list, a filter and a French full-text search through the admin as an
   editor, p50 in-process.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/newsday_bench_wires \\
        uv run python -m bench.wires

Without DATABASE_URL it runs on a scratch SQLite file (the desk's search
then uses its SQLite fallback). ``WIRE_ITEMS=0`` or ``DESK_N=0`` skips a part.
"""

import os
import random
import resource
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("N", "0")
os.environ.setdefault("DATABASE_URL", "sqlite:////var/tmp/newsday-bench-wires.sqlite3")

from bench.inprocess import setup_django

setup_django()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

ITEMS = int(os.environ.get("WIRE_ITEMS", "10000"))
DESK_N = int(os.environ.get("DESK_N", "200000"))
WORDS = [
    "gouvernement",
    "ministre",
    "incendie",
    "élection",
    "tribunal",
    "grève",
    "budget",
    "Assemblée",
    "sénat",
    "pompiers",
    "police",
    "santé",
    "hôpital",
    "école",
    "université",
    "énergie",
    "climat",
    "Europe",
    "Lyon",
    "Marseille",
    "Paris",
    "Strasbourg",
    "Bordeaux",
    "économie",
    "entreprise",
    "bourse",
    "football",
]


# Most words from a large made-up vocabulary, the real ones rarely: a word
# searched for is then in a few percent of the items, as on a real wire.
VOCABULARY = [f"mot{n}" for n in range(5000)]


def word(rng):
    return rng.choice(WORDS) if rng.random() < 0.02 else rng.choice(VOCABULARY)


def sentence(rng, n=18):
    return " ".join(word(rng) for _ in range(n)).capitalize() + "."


def body(rng):
    return "".join(f"<p>{sentence(rng, 25)}</p>" for _ in range(rng.randint(3, 8)))


def g2(guid, version, rng):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="{guid}" version="{version}" xml:lang="fr">
<itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:AFP"/>
<versionCreated>2026-12-06T09:00:00+01:00</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
<contentMeta><urgency>{rng.randint(1, 6)}</urgency><slugline>bench-{guid[-6:]}</slugline>
<subject qcode="medtop:04000000"><name xml:lang="fr">économie</name></subject>
<headline>{sentence(rng, 8)}</headline></contentMeta>
<contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>{body(rng)}</body></html></inlineXML></contentSet>
</newsItem>""".encode()


def newsml12(guid, version, rng):
    return f"""<?xml version="1.0" encoding="iso-8859-1"?>
<NewsML><NewsItem><Identification><NewsIdentifier><ProviderId>afp.com</ProviderId>
<DateId>20261206</DateId><NewsItemId>{guid}</NewsItemId><RevisionId>{version}</RevisionId>
<PublicIdentifier>urn:newsml:afp.com:20261206:{guid}:{version}</PublicIdentifier></NewsIdentifier></Identification>
<NewsManagement><Status FormalName="Usable"/><ThisRevisionCreated>20261206T090000Z</ThisRevisionCreated></NewsManagement>
<NewsComponent><NewsLines><HeadLine>{sentence(rng, 8)}</HeadLine><DateLine>Paris, 6 déc 2026 (AFP)</DateLine></NewsLines>
<DescriptiveMetadata><Language FormalName="fr"/></DescriptiveMetadata>
<NewsComponent><ContentItem><MediaType FormalName="Text"/><DataContent>{body(rng)}</DataContent></ContentItem></NewsComponent>
</NewsComponent></NewsItem></NewsML>""".encode()


def ninjs(guid, version, rng):
    import json

    return json.dumps(
        {
            "guid": guid,
            "version": str(version),
            "headline": sentence(rng, 8),
            "body_html": body(rng),
            "language": "fr",
            "source": "AFP",
            "urgency": rng.randint(1, 6),
        }
    ).encode()


def rss(guid, version, rng):
    return f"""<rss version="2.0"><channel><title>Agence</title><language>fr</language>
<item><guid>{guid}</guid><title>{sentence(rng, 8)}</title><description><![CDATA[{body(rng)}]]></description></item>
</channel></rss>""".encode()


FORMATS = [(g2, 40), (newsml12, 30), (ninjs, 20), (rss, 10)]


def write_drop(folder: Path, count: int, rng) -> None:
    makers = [maker for maker, weight in FORMATS for _ in range(weight)]
    made = []
    for n in range(count):
        roll = rng.random()
        if roll < 0.01:
            data = b"<newsItem><broken"
        elif roll < 0.06 and made:
            maker, guid, version = rng.choice(made)
            data = maker(guid, version + 1, rng)
        else:
            maker = rng.choice(makers)
            guid = f"urn:bench:{maker.__name__}:{n:06d}"
            made.append((maker, guid, 1))
            data = maker(guid, 1, rng)
        path = folder / f"{n:06d}.xml"
        path.write_bytes(data)
        os.utime(path, (n, n))  # the order they arrived in


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ingest_benchmark():
    from wires.models import WireItem
    from wires.sources import ingest_folder

    WireItem.objects.all().delete()
    rng = random.Random(6)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_drop(folder, ITEMS, rng)
        outcomes = {}
        start = time.perf_counter()
        at_1000 = None
        for n, outcome in enumerate(ingest_folder(folder), 1):
            outcomes[outcome.outcome] = outcomes.get(outcome.outcome, 0) + 1
            if n == 1000:
                at_1000 = peak_mb()
        elapsed = time.perf_counter() - start
    print(
        f"ingest: {ITEMS} files in {elapsed:.1f} s ({ITEMS / elapsed:.0f} items/s) on {connection.vendor}"
    )
    print(f"ingest: outcomes {dict(sorted(outcomes.items()))}")
    print(
        f"ingest: peak RSS {at_1000:.0f} MB after 1,000 items, {peak_mb():.0f} MB after {ITEMS:,}"
    )


def fill_desk(n):
    from wires.models import WireItem

    WireItem.objects.filter(guid__startswith="urn:bench:desk:").delete()
    have = WireItem.objects.count()
    rng = random.Random(7)
    now = timezone.now()
    batch = []
    for i in range(have, n):
        batch.append(
            WireItem(
                guid=f"urn:bench:desk:{i:07d}",
                format="g2",
                agency=rng.choice(["AFP", "REUTERS", "AP", "ANSA"]),
                urgency=rng.randint(1, 6),
                headline=sentence(rng, 8),
                slugline=f"desk-{i}",
                body_html=body(rng),
                received_at=now - timezone.timedelta(seconds=i * 13),
                language="fr",
            )
        )
        if len(batch) == 5000:
            WireItem.objects.bulk_create(batch)
            batch = []
    if batch:
        WireItem.objects.bulk_create(batch)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE wires_wireitem")


def desk_benchmark():
    from django.contrib.auth.models import User

    from wires.models import WireItem

    fill_desk(DESK_N)
    editor, _ = User.objects.get_or_create(
        username="bench-desk", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(editor)
    count = WireItem.objects.count()
    for label, query in [
        ("list", {}),
        ("filter: urgent", {"urgence": "urgent"}),
        ("filter: not used", {"reprise": "non"}),
        ("search « incendie »", {"q": "incendie"}),
        ("search « grève Marseille »", {"q": "grève Marseille"}),
    ]:
        client.get("/admin/wires/wireitem/", query)
        times = []
        for _ in range(15):
            start = time.perf_counter()
            response = client.get("/admin/wires/wireitem/", query)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, response.status_code
        print(
            f"desk ({count:,} items, {connection.vendor}): {label}: "
            f"p50 {statistics.median(times):.0f} ms"
        )


def main():
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    if ITEMS:
        ingest_benchmark()
    if DESK_N:
        desk_benchmark()


if __name__ == "__main__":
    main()
