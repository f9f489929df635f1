"""Merging duplicate tags (« énergie » and « Énergie » made before tags
were matched across case and accents)."""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Count
from taggit.models import Tag, TaggedItem

from articles import signals
from articles.models import Article
from articles.services.audit import send_on_commit
from articles.services.checks import WorkflowError

logger = logging.getLogger("articles.workflow")


@transaction.atomic
def tag_merge(*, tags, user) -> tuple[Tag, list[str]]:
    """Merge ``tags`` into the most used of them (the oldest on a tie): its
    articles gain it, the others are deleted. Returns the kept tag and the
    names of those merged into it."""
    tags = list(
        Tag.objects.filter(pk__in=[tag.pk for tag in tags])
        .annotate(uses=Count("taggit_taggeditem_items"))
        .order_by("-uses", "pk")
    )
    if len(tags) < 2:
        raise WorkflowError("Choisissez au moins deux mots-clés à fusionner.")
    kept, duplicates = tags[0], tags[1:]
    items = TaggedItem.objects.filter(tag__in=duplicates)
    moved = set(items.values_list("content_type_id", "object_id"))
    already = set(
        TaggedItem.objects.filter(tag=kept).values_list("content_type_id", "object_id")
    )
    for item in items:
        # An article with both tags keeps the one it already had.
        if (item.content_type_id, item.object_id) in already:
            item.delete()
        else:
            already.add((item.content_type_id, item.object_id))
            item.tag = kept
            item.save(update_fields=["tag"])
    names = [tag.name for tag in duplicates]
    Tag.objects.filter(pk__in=[tag.pk for tag in duplicates]).delete()
    logger.info("Tags %s merged into %r by %s", names, kept.name, user)
    article_type = ContentType.objects.get_for_model(Article)
    article_pks = [pk for type_id, pk in moved if type_id == article_type.pk]
    for article in Article.objects.published().filter(pk__in=article_pks):
        send_on_commit(signals.article_updated, article)
    return kept, names
