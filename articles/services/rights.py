"""Who may see and edit which article: the rules the admin and the services
share, so every path (form, actions, history, autocomplete) applies them."""

from django.db.models import Q

from articles.models import Article, ArticleAuthor

# A journalist edits their own article until it is scheduled or published.
OWNER_EDITABLE = frozenset({Article.Status.DRAFT, Article.Status.REVIEW})


def sees_all_articles(user) -> bool:
    return user.has_perm("articles.change_any_article")


def owned_q(user) -> Q:
    """Articles ``user`` created or signs."""
    signed = ArticleAuthor.objects.filter(author__user=user).values("article")
    return Q(created_by=user) | Q(pk__in=signed)


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
