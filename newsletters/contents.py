"""What a send carries: the articles of a « Matinale » or an alert."""

import datetime as dt

from django.conf import settings
from django.utils import timezone

from articles.models import Article
from newsletters.models import PinnedArticle, Send


def send_articles(send: Send, *, now: dt.datetime | None = None) -> list[Article]:
    """What a send carries. Once started, the articles it froze; before, for
    a « Matinale », the pinned articles then the top stories since the last
    one (featured first, then the newest); for an alert, its article."""
    if send.state != Send.State.SCHEDULED or send.article_id:
        if send.article_id:
            return [send.article]
        return list(
            send.articles.select_related("section").order_by("sendarticle__position")
        )
    now = now or timezone.now()
    pinned = [
        pin.article
        for pin in PinnedArticle.objects.filter(
            newsletter=send.newsletter, used_by=None
        ).select_related("article__section")
        if pin.article in Article.objects.published(at=now)
    ]
    previous = (
        Send.objects.filter(newsletter=send.newsletter, started_at__isnull=False)
        .exclude(pk=send.pk)
        .order_by("-started_at")
        .values_list("started_at", flat=True)
        .first()
    )
    since = previous or now - dt.timedelta(days=1)
    wanted = settings.NEWSLETTERS_MATINALE_ARTICLES
    top = (
        Article.objects.published(at=now)
        .filter(publish_at__gt=since)
        .exclude(pk__in=[article.pk for article in pinned])
        .select_related("section")
        .order_by("-is_featured", "-publish_at")[: max(0, wanted - len(pinned))]
    )
    return [*pinned, *top]


# --------------------------------------------------------------- « Alerte info »
