"""Seed the database with N realistic articles, fast (bulk inserts).

    uv run python -m bench.seed 100000          # at least 100,000 bench articles
    DATABASE_URL=postgres://… uv run python -m bench.seed 1000

Idempotent: it counts the articles it made before (``external_id`` starting
with ``bench:``) and adds the missing ones. Each article has a French title
and chapô, a sanitised body of 8 to 14 paragraphs with two intertitres (about
600 words, like a real news story), one or two authors, three to five tags and
up to three related links; 1 % are scheduled in the future, 2 % are drafts.
Sections, authors and tags are created as needed. Afterwards the tables are
analysed (``ANALYZE``): without statistics, SQLite's plans degrade sharply as
tables grow, and PostgreSQL's are stale after a bulk load. PostgreSQL's
settings are left at their defaults (``random_page_cost`` too: see
docs/benchmarks.md, « PostgreSQL on SSD storage »).
"""

import argparse
import os
import random
import sys
import time
from datetime import timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsday.settings")

SECTIONS = [
    ("International", "international"),
    ("France", "france"),
    ("Économie", "economie"),
    ("Culture", "culture"),
    ("Sport", "sport"),
    ("Sciences", "sciences"),
]
FIRST_NAMES = [
    "Camille",
    "Julien",
    "Léa",
    "Thomas",
    "Manon",
    "Hugo",
    "Chloé",
    "Lucas",
    "Inès",
    "Nicolas",
    "Sarah",
    "Antoine",
    "Clara",
    "Mehdi",
    "Élise",
    "Yann",
    "Amina",
    "Louis",
    "Anne",
    "Rémi",
]
LAST_NAMES = [
    "Martin",
    "Bernard",
    "Dubois",
    "Laurent",
    "Lefèvre",
    "Moreau",
    "Garnier",
    "Faure",
    "Rousseau",
    "Blanc",
    "Mercier",
    "Chevalier",
    "Bonnet",
    "Roux",
    "Fontaine",
    "Girard",
    "Morel",
    "Lambert",
    "Benali",
    "Nguyen",
]
ROLES = [
    "Journaliste",
    "Correspondante à Bruxelles",
    "Correspondant à Washington",
    "Rédactrice en chef adjointe",
    "Service économie",
    "Envoyé spécial",
]
SUBJECTS = [
    "Le gouvernement",
    "La Commission européenne",
    "Le Conseil constitutionnel",
    "Les syndicats",
    "La Banque centrale européenne",
    "Les agriculteurs",
    "La mairie de Lyon",
    "L’Assemblée nationale",
    "Les chercheurs du CNRS",
    "Le comité olympique",
    "La SNCF",
    "Les hôpitaux publics",
    "Le festival d’Avignon",
    "Les enseignants",
    "Météo-France",
]
EVENTS = [
    "présente un plan d’urgence pour l’hiver",
    "s’inquiète d’une hausse des prix de l’énergie",
    "annonce une réforme attendue depuis dix ans",
    "fait face à une contestation inédite",
    "publie un rapport très critique",
    "relève ses prévisions de croissance",
    "lance une consultation nationale",
    "renonce à un projet contesté",
    "signe un accord historique",
    "alerte sur la sécheresse dans le Sud",
    "dévoile son programme pour la saison",
    "promet des moyens supplémentaires",
]
PLACES = [
    "à Paris",
    "à Marseille",
    "à Bruxelles",
    "à Strasbourg",
    "en Bretagne",
    "dans les Hauts-de-France",
    "à Toulouse",
    "en Outre-mer",
]
SENTENCES = [
    "Selon plusieurs sources proches du dossier, la décision a été prise au terme de longues semaines de négociations.",
    "« Nous n’avons pas d’autre choix que d’agir maintenant », a déclaré la porte-parole lors d’une conférence de presse.",
    "Les chiffres publiés mardi par l’Insee confirment une tendance observée depuis le début de l’année.",
    "Sur le terrain, les habitants se disent partagés entre soulagement et inquiétude.",
    "L’opposition dénonce une mesure « précipitée » et réclame un débat au Parlement.",
    "Les experts interrogés rappellent toutefois que les effets ne se feront sentir qu’à moyen terme.",
    "Le texte doit encore être examiné par le Sénat avant la fin du mois.",
    "À l’étranger, plusieurs capitales suivent de près l’évolution de la situation.",
    "Les associations de consommateurs ont salué une « avancée », tout en restant prudentes.",
    "Le coût total de l’opération est estimé à 2,4 milliards d’euros sur cinq ans.",
    "Dans un communiqué, le ministère assure que « toutes les garanties seront apportées ».",
    "Les premières mesures doivent entrer en vigueur dès le 1er janvier prochain.",
    "Plusieurs élus locaux ont demandé des précisions sur le calendrier et le financement.",
    "Cette annonce intervient dans un contexte de forte tension budgétaire.",
    "Les syndicats appellent à une nouvelle journée de mobilisation la semaine prochaine.",
    "D’après une étude récente, près d’un Français sur trois se dit concerné.",
    "Le dossier avait déjà suscité de vifs débats lors de la précédente législature.",
    "Interrogé par notre rédaction, un haut fonctionnaire évoque « un tournant ».",
]
INTERTITRES = [
    "Un calendrier serré",
    "Des réactions contrastées",
    "Quelles conséquences pour les ménages ?",
    "Une mesure attendue",
    "Le rôle de l’Europe",
    "Et maintenant ?",
]
TAGS = [
    f"{word}{suffix}"
    for word in (
        "Climat",
        "Énergie",
        "Inflation",
        "Élections",
        "Santé",
        "Éducation",
        "Transports",
        "Agriculture",
        "Ukraine",
        "Union européenne",
        "Justice",
        "Logement",
        "Football",
        "Cinéma",
        "Intelligence artificielle",
        "Espace",
        "Retraites",
        "Emploi",
        "Tourisme",
        "Océans",
    )
    for suffix in ("", " 2024", " 2025", " : analyse", " : reportage")
]

BATCH = 2000


def paragraph(rng):
    return "<p>" + " ".join(rng.sample(SENTENCES, rng.randint(3, 5))) + "</p>"


def body(rng):
    parts = [paragraph(rng) for _ in range(rng.randint(8, 14))]
    for heading in rng.sample(INTERTITRES, 2):
        parts.insert(rng.randint(2, len(parts) - 1), f"<h2>{heading}</h2>")
    if rng.random() < 0.3:
        parts.insert(3, f"<blockquote><p>{rng.choice(SENTENCES)}</p></blockquote>")
    return "\n".join(parts)


def ensure_basics():
    from taggit.models import Tag

    from articles.models import Author, Section

    sections = []
    for position, (name, slug) in enumerate(SECTIONS):
        section, _ = Section.objects.get_or_create(
            slug=slug, defaults={"name": name, "position": position}
        )
        sections.append(section)
    authors = []
    rng = random.Random(7)
    for n in range(40):
        name = f"{FIRST_NAMES[n % 20]} {LAST_NAMES[(n * 7) % 20]}"
        author, _ = Author.objects.get_or_create(
            slug=f"bench-{n}",
            defaults={"name": name, "role": rng.choice(ROLES)},
        )
        authors.append(author)
    tags = []
    for name in TAGS:
        tag = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(
            name=name
        )
        tags.append(tag)
    return sections, authors, tags


def seed(target, *, now=None, out=sys.stdout):
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from django.utils.text import slugify
    from taggit.models import TaggedItem

    from articles.models import (
        Article,
        ArticleAuthor,
        RelatedLink,
        count_words,
    )

    now = now or timezone.now()
    existing = Article.objects.filter(external_id__startswith="bench:").count()
    missing = max(0, target - existing)
    if not missing:
        print(f"{existing} bench articles already there", file=out)
        return 0
    sections, authors, tags = ensure_basics()
    article_type = ContentType.objects.get_for_model(Article)
    rng = random.Random(existing + 1)
    started = time.monotonic()
    ids = list(
        Article.objects.filter(external_id__startswith="bench:")
        .order_by("-id")
        .values_list("id", flat=True)[:1000]
    )[::-1]
    done = 0
    while done < missing:
        count = min(BATCH, missing - done)
        articles = []
        for i in range(existing + done, existing + done + count):
            title = f"{rng.choice(SUBJECTS)} {rng.choice(EVENTS)} {rng.choice(PLACES)}"
            roll = rng.random()
            # Spread over three years, newest first in id order.
            age = timedelta(minutes=(target - i) * 15 + rng.randint(0, 10))
            publish_at = now - age
            status = Article.Status.PUBLISHED
            if roll < 0.01:
                status, publish_at = (
                    Article.Status.SCHEDULED,
                    now + timedelta(days=rng.randint(1, 30)),
                )
            elif roll < 0.03:
                status, publish_at = Article.Status.DRAFT, None
            html = body(rng)
            articles.append(
                Article(
                    title=title,
                    slug=f"{slugify(title)[:200]}-{i}",
                    standfirst=" ".join(rng.sample(SENTENCES, 2)),
                    body=html,
                    word_count=count_words(html),
                    section=rng.choice(sections),
                    status=status,
                    publish_at=publish_at,
                    first_published_at=publish_at
                    if status == Article.Status.PUBLISHED
                    else None,
                    is_featured=rng.random() < 0.05,
                    sources=rng.choice(["", "", "Avec AFP", "Avec Reuters"]),
                    external_id=f"bench:{i}",
                )
            )
        with transaction.atomic():
            created = Article.objects.bulk_create(articles)
            bylines, tagged, links = [], [], []
            for article in created:
                for position, author in enumerate(
                    rng.sample(authors, 1 if rng.random() < 0.7 else 2)
                ):
                    bylines.append(
                        ArticleAuthor(
                            article_id=article.id,
                            author_id=author.id,
                            position=position,
                        )
                    )
                for tag in rng.sample(tags, rng.randint(3, 5)):
                    tagged.append(
                        TaggedItem(
                            tag_id=tag.id,
                            content_type_id=article_type.id,
                            object_id=article.id,
                        )
                    )
                # Related links point at recent articles, as editors' do.
                recent = ids[-200:]
                for position, target_id in enumerate(
                    rng.sample(recent, min(len(recent), rng.randint(0, 3)))
                ):
                    links.append(
                        RelatedLink(
                            article_id=article.id,
                            target_id=target_id,
                            position=position,
                        )
                    )
                ids.append(article.id)
            ArticleAuthor.objects.bulk_create(bylines, batch_size=5000)
            TaggedItem.objects.bulk_create(tagged, batch_size=5000)
            RelatedLink.objects.bulk_create(links, batch_size=5000)
        ids = ids[-1000:]
        done += count
        rate = done / (time.monotonic() - started)
        print(f"{existing + done}/{target} articles ({rate:.0f}/s)", file=out)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"seeded {missing} articles in {time.monotonic() - started:.1f} s, tables analysed",
        file=out,
    )
    return missing


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int, help="bench articles wanted in total")
    args = parser.parse_args(argv)
    sys.path.insert(0, os.getcwd())
    django.setup()
    seed(args.count)


if __name__ == "__main__":
    main()
