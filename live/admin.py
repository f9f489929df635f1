"""The newsroom's side of live coverage: the list of lives and the posting
screen, built for speed (entry box focused on arrival, Ctrl+Entrée posts)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse_lazy
from django.utils import timezone
from django.utils.html import format_html

from articles.models import Article
from core.adminpages import admin_page, admin_url
from core.formats import french_datetime
from live import services
from live.forms import EntryForm, SummaryForm
from live.models import LiveCoverage, LiveEntry

# Entries listed under the posting form, newest first.
SCREEN_ENTRIES = 100


def _message(error) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error) or "Vous n’avez pas le droit de faire cela."


def _require_post(request):
    if request.method != "POST":
        raise PermissionDenied("Utilisez le bouton prévu.")


def is_key(object_id: str) -> bool:
    """An id from an address that a primary key can hold (18 digits stay
    under 2⁶³)."""
    return object_id.isascii() and object_id.isdigit() and len(object_id) <= 18


@admin.register(LiveCoverage)
class LiveCoverageAdmin(admin.ModelAdmin):
    list_display = ["article", "state", "entry_count", "posting_link"]
    list_select_related = ["article"]
    search_fields = ["article__title"]

    class Media:
        js = [
            # The editor's own French catalogue, as the article form loads it.
            reverse_lazy("editor_jsi18n"),
            "js/admin/prose-editor-fr.js",
            "live/admin/post.js",
        ]
        css = {"all": ["css/admin.css", "live/admin/post.css"]}

    # Lives are opened as articles (format « Direct »); here they are run.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.change_article")

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                entries=Count(
                    "article__live_entries",
                    filter=Q(article__live_entries__deleted_at__isnull=True),
                )
            )
        )

    @admin.display(description="état", ordering="closed_at")
    def state(self, coverage):
        if coverage.is_running:
            return "En cours"
        return f"Terminé le {french_datetime(coverage.closed_at)}"

    @admin.display(description="entrées", ordering="entries")
    def entry_count(self, coverage):
        return coverage.entries

    @admin.display(description="")
    def posting_link(self, coverage):
        return format_html(
            '<a class="button" href="{}">Écrire dans le direct</a>',
            admin_url(LiveCoverage, "post", coverage.article_id),
        )

    def get_object(self, request, object_id, from_field=None):
        # The key is the article's (a one-to-one relation), on which Django
        # does not check that an id fits in the column: « 9999… » was a 500.
        if not is_key(object_id):
            return None
        return super().get_object(request, object_id, from_field)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if not is_key(object_id):
            raise Http404("Direct introuvable.")
        return HttpResponseRedirect(admin_url(LiveCoverage, "post", object_id))

    def get_urls(self):
        def route(pattern, view, name):
            return path(
                pattern,
                self.admin_site.admin_view(view),
                name=f"live_livecoverage_{name}",
            )

        return [
            route("<int:article_id>/direct/", self.post_view, "post"),
            route("<int:article_id>/essentiel/", self.summary_view, "summary"),
            route("<int:article_id>/etat/", self.state_view, "state"),
            route("entrees/<int:entry_id>/", self.entry_view, "entry"),
            route(
                "entrees/<int:entry_id>/supprimer/",
                self.delete_view_entry,
                "delete_entry",
            ),
            route("entrees/<int:entry_id>/article/", self.promote_view, "promote"),
            *super().get_urls(),
        ]

    # --- Pages -------------------------------------------------------------

    def _live(self, request, article_id) -> Article:
        article = get_object_or_404(
            Article.objects.select_related("section"),
            pk=article_id,
            format=Article.Format.LIVE,
        )
        if not services.can_post(request.user, article):
            raise PermissionDenied
        return article

    def _entry(self, request, entry_id) -> LiveEntry:
        entry = get_object_or_404(
            LiveEntry.objects.select_related("article"),
            pk=entry_id,
            deleted_at__isnull=True,
        )
        if not services.can_post(request.user, entry.article):
            raise PermissionDenied
        return entry

    def _screen(self, request, article, form, *, status=200):
        coverage = services.coverage_for(article)
        entries = list(
            LiveEntry.objects.filter(article=article, deleted_at__isnull=True)
            .select_related("author", "created_by", "image")
            .order_by("-publish_at", "-id")[:SCREEN_ENTRIES]
        )
        for entry in entries:
            entry.changeable = services.can_change_entry(request.user, entry)
        can_manage = services.can_manage(request.user, article)
        response = admin_page(
            self,
            request,
            "admin/live/post.html",
            f"Direct : {article.title}",
            article=article,
            coverage=coverage,
            form=form,
            # js_asset's Media first: Django's Media.__add__ would drop the
            # editor's import map.
            media=form.media + self.media,
            entries=entries,
            can_manage=can_manage,
            summary_form=SummaryForm(instance=coverage) if can_manage else None,
            page_url=article.get_absolute_url(),
            now=timezone.now(),
        )
        response.status_code = status
        return response

    def post_view(self, request, article_id):
        article = self._live(request, article_id)
        if request.method == "POST":
            form = EntryForm(request.POST)
            if form.is_valid():
                try:
                    entry = services.entry_post(
                        article=article, user=request.user, **form.entry_fields()
                    )
                except ValidationError as error:
                    _add_errors(form, error)
                else:
                    when = (
                        "publiée"
                        if entry.publish_at <= entry.created_at
                        else (f"programmée pour le {french_datetime(entry.publish_at)}")
                    )
                    self.message_user(request, f"Entrée {when}.", messages.SUCCESS)
                    return HttpResponseRedirect(request.path)
            # What was typed stays in the form, with the reasons.
            return self._screen(request, article, form, status=400)
        return self._screen(request, article, EntryForm())

    def entry_view(self, request, entry_id):
        entry = self._entry(request, entry_id)
        if not services.can_change_entry(request.user, entry):
            raise PermissionDenied("Vous ne pouvez modifier que vos propres entrées.")
        form = EntryForm(request.POST or None, instance=entry)
        if request.method == "POST" and form.is_valid():
            try:
                services.entry_edit(
                    entry=entry, user=request.user, **form.entry_fields()
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                self.message_user(request, "Entrée modifiée.", messages.SUCCESS)
                return HttpResponseRedirect(
                    admin_url(LiveCoverage, "post", entry.article_id)
                )
        response = admin_page(
            self,
            request,
            "admin/live/entry.html",
            "Modifier l’entrée",
            article=entry.article,
            entry=entry,
            form=form,
            # js_asset's Media first: Django's Media.__add__ would drop the
            # editor's import map.
            media=form.media + self.media,
        )
        if request.method == "POST":
            response.status_code = 400
        return response

    def delete_view_entry(self, request, entry_id):
        _require_post(request)
        entry = self._entry(request, entry_id)
        try:
            services.entry_delete(entry=entry, user=request.user)
        except PermissionDenied as error:
            self.message_user(
                request,
                str(error) or "Vous ne pouvez supprimer que vos propres entrées.",
                messages.ERROR,
            )
        else:
            self.message_user(request, "Entrée supprimée.", messages.SUCCESS)
        return HttpResponseRedirect(admin_url(LiveCoverage, "post", entry.article_id))

    def promote_view(self, request, entry_id):
        _require_post(request)
        entry = self._entry(request, entry_id)
        try:
            article = services.entry_promote(entry=entry, user=request.user)
        except (PermissionDenied, ValidationError) as error:
            self.message_user(request, _message(error), messages.ERROR)
            return HttpResponseRedirect(
                admin_url(LiveCoverage, "post", entry.article_id)
            )
        self.message_user(
            request,
            "Brouillon créé à partir de l’entrée : complétez-le.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(admin_url(Article, "change", article.pk))

    def summary_view(self, request, article_id):
        _require_post(request)
        article = self._live(request, article_id)
        form = SummaryForm(request.POST)
        if form.is_valid():
            try:
                services.live_summary_update(
                    article=article,
                    user=request.user,
                    summary=form.cleaned_data["summary"],
                )
            except PermissionDenied as error:
                self.message_user(request, _message(error), messages.ERROR)
            else:
                self.message_user(request, "L’essentiel est à jour.", messages.SUCCESS)
        return HttpResponseRedirect(admin_url(LiveCoverage, "post", article.pk))

    def state_view(self, request, article_id):
        _require_post(request)
        article = self._live(request, article_id)
        action = (
            services.live_close if "_close" in request.POST else services.live_reopen
        )
        try:
            coverage = action(article=article, user=request.user)
        except (PermissionDenied, ValidationError) as error:
            self.message_user(request, _message(error), messages.ERROR)
        else:
            self.message_user(
                request,
                "Direct en cours." if coverage.is_running else "Direct terminé.",
                messages.SUCCESS,
            )
        return HttpResponseRedirect(admin_url(LiveCoverage, "post", article.pk))


def _add_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


@admin.register(LiveEntry)
class LiveEntryAdmin(admin.ModelAdmin):
    """Every entry, deleted ones included (who deleted them and when), read
    only: entries are written from the posting screen. Also what Django's
    autocomplete asks for the posting screen's « lien vers un de nos
    articles » (the admin of the model holding the field)."""

    list_display = [
        "__str__",
        "article",
        "author",
        "publish_at",
        "edited_at",
        "deleted_at",
        "deleted_by",
    ]
    list_select_related = ["article", "author", "deleted_by"]
    list_filter = [("deleted_at", admin.EmptyFieldListFilter)]
    search_fields = ["title", "article__title"]

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("articles.change_article")

    def has_module_permission(self, request):
        return self.has_view_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if (entry := self.get_object(request, object_id)) is None:
            raise Http404("Entrée introuvable.")
        return HttpResponseRedirect(admin_url(LiveCoverage, "post", entry.article_id))
