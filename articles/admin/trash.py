"""The trash (« Corbeille ») in the article admin: the list of deleted
articles, « Restaurer », and, for administrators only, « Supprimer
définitivement » and « Vider la corbeille » (``articles.services.trash``)."""

import math

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.utils import timezone

from articles.admin.pages import message_of, require_post
from articles.models import Article
from articles.services import trash
from articles.services.checks import WorkflowError
from articles.services.deletion import article_delete_for_good, can_delete_for_good
from core.adminpages import admin_url

NBSP = "\u00a0"
TRASH_PAGE_SIZE = 50


def days_left(article: Article, now) -> str:
    """« 30 jours » just trashed, « 1 jour » on the last day, then
    « aujourd’hui » until the hourly expiry job comes."""
    seconds = (trash.trash_expires_at(article) - now).total_seconds()
    if seconds <= 0:
        return "aujourd’hui"
    days = math.ceil(seconds / 86400)
    return f"{days}{NBSP}jour{'s' if days > 1 else ''}"


class StatusWithoutTrashFilter(admin.ChoicesFieldListFilter):
    """The list's status filter, without « Corbeille »: the list leaves
    trashed articles out (they have their own page)."""

    def choices(self, changelist):
        trashed = changelist.get_query_string(
            {self.lookup_kwarg: Article.Status.TRASHED}, [self.lookup_kwarg_isnull]
        )
        for choice in super().choices(changelist):
            if choice["query_string"] != trashed:
                yield choice


class TrashViews:
    """Mixed into ``ArticleAdmin`` (first: a trashed article's edit page
    sends to the trash)."""

    def get_list_filter(self, request):
        return [
            ("status", StatusWithoutTrashFilter) if name == "status" else name
            for name in super().get_list_filter(request)
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, unquote(object_id))
        if article is not None and article.status == Article.Status.TRASHED:
            # A trashed article is not edited: it is restored first.
            messages.warning(
                request,
                f"«{NBSP}{article.title}{NBSP}» est dans la corbeille{NBSP}: "
                "restaurez-le pour le modifier.",
            )
            return HttpResponseRedirect(admin_url(Article, "trash"))
        return super().change_view(request, object_id, form_url, extra_context)

    def _require_trash_access(self, request):
        if not request.user.has_perm("articles.delete_article"):
            raise PermissionDenied

    def trash_view(self, request):
        self._require_trash_access(request)
        now = timezone.now()
        page = Paginator(trash.trashed_articles(), TRASH_PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        rows = [(article, days_left(article, now)) for article in page]
        return self.page(
            request,
            "trash.html",
            "Corbeille",
            rows=rows,
            page_obj=page,
            retention_days=trash.TRASH_RETENTION.days,
            is_administrator=can_delete_for_good(request.user),
        )

    def trash_restore_view(self, request, object_id):
        require_post(request)
        article = self.article_or_404(request, object_id)
        try:
            restored = trash.article_restore_from_trash(
                article=article, user=request.user
            )
        except (WorkflowError, PermissionDenied) as error:
            self.message_user(request, message_of(error), messages.ERROR)
            return HttpResponseRedirect(admin_url(Article, "trash"))
        if restored.status == Article.Status.DRAFT:
            state = "comme brouillon"
        else:
            state = "comme article dépublié"
        self.message_user(
            request,
            f"L’article «{NBSP}{restored.title}{NBSP}» a été restauré {state}{NBSP}; "
            "publiez-le pour le remettre en ligne.",
            messages.SUCCESS,
        )
        return self.redirect_to_change(restored)

    def trash_delete_view(self, request, object_id):
        """« Supprimer définitivement » one article, once confirmed."""
        if not can_delete_for_good(request.user):
            raise PermissionDenied
        article = self.article_or_404(request, object_id)
        if request.method == "POST":
            try:
                article_delete_for_good(article=article, user=request.user)
            except WorkflowError as error:
                self.message_user(request, message_of(error), messages.ERROR)
            else:
                self.message_user(
                    request,
                    f"«{NBSP}{article.title}{NBSP}» a été supprimé définitivement.",
                    messages.SUCCESS,
                )
            return HttpResponseRedirect(admin_url(Article, "trash"))
        return self.page(
            request,
            "trash_delete.html",
            "Supprimer définitivement",
            article,
            count=1,
        )

    def trash_empty_view(self, request):
        """« Vider la corbeille », once confirmed."""
        if not can_delete_for_good(request.user):
            raise PermissionDenied
        if request.method == "POST":
            result = trash.trash_empty(user=request.user)
            if result.deleted:
                self.message_user(
                    request,
                    f"{result.deleted}{NBSP}article(s) supprimé(s) définitivement.",
                    messages.SUCCESS,
                )
            for reason in result.kept:
                self.message_user(request, reason, messages.ERROR)
            return HttpResponseRedirect(admin_url(Article, "trash"))
        return self.page(
            request,
            "trash_delete.html",
            "Vider la corbeille",
            count=trash.trashed_articles().count(),
        )
