"""Benchmark content: N published articles of about 600 words with two
intertitres, 6 sections, 15 authors, 40 tags. Idempotent; written for speed
(bulk inserts), not as demo content."""

import datetime as dt
import random

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from taggit.models import Tag, TaggedItem

from articles.models import (
    Article,
    ArticleAuthor,
    Author,
    RelatedLink,
    Section,
    count_words,
)

SECTIONS = ["International", "Politique", "Économie", "Société", "Culture", "Sport"]
PARAGRAPH = (
    "Les négociations se sont poursuivies tard dans la soirée : selon plusieurs "
    "participants, « aucun accord n’est encore acquis », même si les positions se "
    "sont rapprochées sur {topic}. Le gouvernement espère conclure d’ici la fin du "
    "mois, alors que 10 000 personnes ont manifesté samedi et que l’inflation "
    "atteint 4,5 % sur un an. Les syndicats, eux, demandent des garanties écrites "
    "avant toute signature, et rappellent que le calendrier fixé au printemps n’a "
    "jamais été tenu. Dans les couloirs, on évoque déjà un report de plusieurs "
    "semaines, tandis que l’opposition dénonce une méthode « opaque » et réclame "
    "un débat au Parlement sur {topic}."
)
TOPICS = [
    "la réforme des retraites",
    "le budget de la défense",
    "la transition énergétique",
    "le logement étudiant",
    "la politique agricole commune",
    "les relations avec Bruxelles",
]


def body(n):
    topic = TOPICS[n % len(TOPICS)]
    paragraphs = [f"<p>{PARAGRAPH.format(topic=topic)}</p>" for _ in range(10)]
    paragraphs.insert(3, "<h2>Un calendrier sous tension</h2>")
    paragraphs.insert(8, f"<h2>Ce que change {topic}</h2>")
    paragraphs.insert(
        5, "<blockquote><p>« Nous ne signerons rien à la hâte. »</p></blockquote>"
    )
    return "".join(paragraphs)


def seed(n):
    """Make sure ``n`` articles exist; return the URL of one page of each type."""
    rng = random.Random(42)  # noqa: S311 (repeatable test data, not secrets)
    sections = [
        Section.objects.get_or_create(
            slug=f"rubrique-{i}", defaults={"name": name, "position": i}
        )[0]
        for i, name in enumerate(SECTIONS)
    ]
    authors = [
        Author.objects.get_or_create(
            slug=f"auteur-{i}",
            defaults={"name": f"Camille Auteur {i}", "role": "Journaliste"},
        )[0]
        for i in range(15)
    ]
    tags = [
        Tag.objects.get_or_create(slug=f"theme-{i}", defaults={"name": f"Thème {i}"})[0]
        for i in range(40)
    ]
    existing = Article.objects.count()
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(Article)
    for start in range(existing, n, 1000):
        batch = []
        for i in range(start, min(n, start + 1000)):
            text = body(i)
            batch.append(
                Article(
                    title=f"Titre d’article numéro {i} : ce que l’on sait",
                    slug=f"article-{i}",
                    standfirst="Un chapô qui résume l’essentiel de l’article en deux phrases. "
                    "Il est assez long pour ressembler à un vrai chapô.",
                    body=text,
                    word_count=count_words(text),
                    section=sections[i % len(sections)],
                    status=Article.Status.PUBLISHED,
                    publish_at=now - dt.timedelta(minutes=30 * (n - i)),
                    is_featured=i % 50 == 0,
                    sources="Avec AFP",
                )
            )
        created = Article.objects.bulk_create(batch)
        ArticleAuthor.objects.bulk_create(
            ArticleAuthor(article=a, author=authors[rng.randrange(15)], position=0)
            for a in created
        )
        TaggedItem.objects.bulk_create(
            TaggedItem(content_type=content_type, object_id=a.pk, tag=tag)
            for a in created
            for tag in rng.sample(tags, 3)
        )
        RelatedLink.objects.bulk_create(
            RelatedLink(article=a, target=b, position=0)
            for a, b in zip(created[1:], created, strict=False)
        )
    article = Article.objects.published().select_related("section").first()
    return {
        "home": "/",
        "section": sections[0].get_absolute_url(),
        "article": article.get_absolute_url(),
        "author": authors[0].get_absolute_url(),
        "tag": f"/mots-cles/{tags[0].slug}/",
        "search": "/recherche/?q=retraites",
        "feed": "/rss/",
    }
