"""Who may see and edit which article: the rules the admin and the services
share, so every path (form, actions, history, autocomplete) applies them."""

from django.db.models import Q

from articles.models import Article, ArticleAuthor

# What is shown instead of the title of an article the person may not see.
HIDDEN_ARTICLE_LABEL = "Article non publié"

# A journalist edits their own article until it is scheduled or published.
OWNER_EDITABLE = frozenset({Article.Status.DRAFT, Article.Status.REVIEW})


def sees_all_articles(user) -> bool:
    return user.has_perm("articles.change_any_article")


def owned_q(user) -> Q:
    """Articles ``user`` created or signs."""
    signed = ArticleAuthor.objects.filter(author__user=user).values("article")
    return Q(created_by=user) | Q(pk__in=signed)


def visible_q(user) -> Q:
    """Articles ``user`` may see: every one for an editor (an empty Q); for
    anyone else, their own and what readers see. Where an article's title,
    tags or use of an image may be shown, this is the rule."""
    if sees_all_articles(user):
        return Q()
    return owned_q(user) | Q(pk__in=Article.objects.published().values("pk"))


def visible_articles(user):
    """``Article.objects`` limited to what ``user`` may see (``visible_q``)."""
    return Article.objects.filter(visible_q(user))


def hidden_article_pks(user, pks) -> set[int]:
    """Which of these article ``pks`` ``user`` may not see (one query, none
    for an editor)."""
    pks = {pk for pk in pks if pk is not None}
    if not pks or sees_all_articles(user):
        return set()
    seen = visible_articles(user).filter(pk__in=pks).values_list("pk", flat=True)
    return pks - set(seen)


def content_seen_by(user, content: dict) -> dict:
    """A revision snapshot (``articles.revisions``) as ``user`` may read it:
    a linked article they may not see keeps its place, not its title."""
    links = content.get("related_links") or []
    hidden = hidden_article_pks(user, {link.get("target") for link in links})
    if not hidden:
        return content
    return content | {
        "related_links": [
            link | {"target_title": HIDDEN_ARTICLE_LABEL}
            if link.get("target") in hidden
            else link
            for link in links
        ]
    }


def is_owner(user, article: Article) -> bool:
    if article.pk is None:
        return True
    return (
        article.created_by_id == user.pk
        or article.bylines.filter(author__user=user).exists()
    )


def can_view(user, article: Article) -> bool:
    if not (
        user.has_perm("articles.view_article")
        or user.has_perm("articles.change_article")
    ):
        return False
    return sees_all_articles(user) or is_owner(user, article)


def can_edit(user, article: Article) -> bool:
    if not user.has_perm("articles.change_article"):
        return False
    if sees_all_articles(user):
        return True
    return article.status in OWNER_EDITABLE and is_owner(user, article)


def can_submit(user, article: Article) -> bool:
    """A journalist submits their own articles; an editor anyone's."""
    return is_owner(user, article) or sees_all_articles(user)
