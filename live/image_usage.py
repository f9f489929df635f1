"""The live entries that show library photos, told to the photo library
(``images.usage``): a photo posted in a running live is shown to readers."""

from django.urls import reverse

from articles.models import Article
from articles.services.rights import hidden_article_pks
from images.usage import Use

HIDDEN_LIVE_USE = "un direct non publié"


class EntryImageUsage:
    def uses(self, image_pks, *, viewer=None):
        from live.models import LiveEntry

        entries = list(
            LiveEntry.objects.filter(image__in=image_pks, deleted_at__isnull=True)
            .select_related("article")
            .only("image_id", "article__title", "article__status")
        )
        pks = {entry.article_id for entry in entries}
        live = set(
            Article.objects.published().filter(pk__in=pks).values_list("pk", flat=True)
        )
        hidden = hidden_article_pks(viewer, pks) if viewer is not None else set()
        found = {}
        for entry in entries:
            article = entry.article
            if article.pk in hidden:
                use = Use(HIDDEN_LIVE_USE, "", "", live=False, in_text=False)
            else:
                use = Use(
                    title=f"{article.title} (entrée du direct)",
                    status=article.get_status_display(),
                    admin_url=reverse(
                        "admin:live_livecoverage_post", args=[article.pk]
                    ),
                    live=article.pk in live,
                    in_text=False,
                )
            found.setdefault(entry.image_id, []).append(use)
        return found

    def is_shown_to_readers(self, image):
        from live.models import LiveEntry

        return (
            LiveEntry.objects.published()
            .filter(image=image, article__in=Article.objects.published())
            .exists()
        )
