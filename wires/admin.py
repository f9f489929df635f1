"""The « Dépêches » desk: the wire, newest first, filters and French search,
an item's page with its text, its versions and the articles made from it,
and « Reprendre » to start an article from it. Journalists and editors see
it; nothing of it reaches readers."""

import difflib
import re

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, TextField
from django.db.models.functions import Cast
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.html import format_html, strip_tags
from django.utils.text import Truncator

from articles.admin.notices import Notice
from articles.models import Article, Section
from core.adminpages import FrenchTitles, admin_page, admin_route, admin_url
from core.formats import french_datetime, french_time, site_time
from wires.models import WireItem, WireUse
from wires.parsing import FLASH, URGENT
from wires.services import wire_item_reprise

# Filters offer what the latest items hold: reading every item of a large
# desk for its distinct values would cost more than the page itself.
RECENT = 1000


class CappedPaginator(Paginator):
    """Counts at most ``CAP`` matches (20 pages of the desk): counting a
    whole wire to number its pages would cost more than showing one."""

    CAP = 1000

    @cached_property
    def count(self):
        # Unordered: the database may stop at the first CAP matches it finds.
        return self.object_list.order_by().values("pk")[: self.CAP].count()


class AgencyFilter(admin.SimpleListFilter):
    title = "agence"
    parameter_name = "agence"

    def lookups(self, request, model_admin):
        recent = WireItem.objects.order_by("-received_at", "-id")[:RECENT]
        agencies = sorted({a for a in recent.values_list("agency", flat=True) if a})
        return [(agency, agency) for agency in agencies]

    def queryset(self, request, queryset):
        return queryset.filter(agency=self.value()) if self.value() else queryset


class UrgencyFilter(admin.SimpleListFilter):
    title = "urgence"
    parameter_name = "urgence"

    def lookups(self, request, model_admin):
        return [("flash", "Flash"), ("urgent", "Urgent"), ("autres", "Autres")]

    def queryset(self, request, queryset):
        if self.value() == "flash":
            return queryset.filter(urgency=FLASH)
        if self.value() == "urgent":
            return queryset.filter(urgency=URGENT)
        if self.value() == "autres":
            return queryset.exclude(urgency__in=[FLASH, URGENT])
        return queryset


class UnusedFilter(admin.SimpleListFilter):
    title = "reprise"
    parameter_name = "reprise"

    def lookups(self, request, model_admin):
        return [("non", "Non reprises"), ("oui", "Reprises")]

    def queryset(self, request, queryset):
        if self.value() == "non":
            return queryset.unused()
        if self.value() == "oui":
            return queryset.filter(Exists(WireUse.objects.filter(item=OuterRef("pk"))))
        return queryset


class SubjectFilter(admin.SimpleListFilter):
    """The subjects of the latest items (IPTC Media Topics, agency codes)."""

    title = "thème"
    parameter_name = "theme"

    def lookups(self, request, model_admin):
        names = {}
        recent = WireItem.objects.order_by("-received_at", "-id")[: RECENT // 5]
        for subjects in recent.values_list("subjects", flat=True):
            for subject in subjects or []:
                if name := (subject.get("name") or subject.get("code") or "").strip():
                    names[name] = names.get(name, 0) + 1
        top = sorted(names, key=lambda n: (-names[n], n))[:20]
        return [(name, name) for name in top]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.alias(_subjects=Cast("subjects", TextField())).filter(
                _subjects__icontains=self.value()
            )
        return queryset


@admin.register(WireItem)
class WireItemAdmin(FrenchTitles, admin.ModelAdmin):
    list_title = "Dépêches"
    list_display = ("time", "agency", "urgency_badge", "slugline", "summary", "state")
    list_display_links = ("summary",)
    list_filter = (AgencyFilter, UrgencyFilter, UnusedFilter, SubjectFilter)
    search_fields = ("headline",)  # replaced by the French full-text search below
    search_help_text = "Recherche en texte intégral dans les titres et les textes."
    list_per_page = 50
    show_full_result_count = False
    ordering = ("-received_at", "-id")

    class Media:
        css = {"all": ["css/admin.css"]}

    paginator = CappedPaginator

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .defer("ednote", "usage_terms", "copyright", "subjects")
            .annotate(used=Exists(WireUse.objects.filter(item=OuterRef("pk"))))
        )

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return queryset.search(search_term.replace("\x00", "")[:200]), False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="heure", ordering="received_at")
    def time(self, item):
        moment = item.version_created or item.received_at
        local = site_time(moment)
        today = site_time(item.received_at).date() == local.date()
        return french_time(moment) if today else french_datetime(moment)

    @admin.display(description="urgence", ordering="urgency")
    def urgency_badge(self, item):
        if item.is_flash:
            return format_html(
                '<strong class="wire-urgent">{}</strong>', item.urgency_label
            )
        return item.urgency or ""

    @admin.display(description="dépêche")
    def summary(self, item):
        first = Truncator(strip_tags(item.body_html)).chars(160)
        return format_html("<strong>{}</strong><br><small>{}</small>", item, first)

    @admin.display(description="état")
    def state(self, item):
        parts = []
        if item.is_withdrawn:
            parts.append(
                format_html('<strong class="wire-urgent">{}</strong>', "RETIRÉE")
            )
        if item.is_under_embargo():
            parts.append(f"Embargo jusqu’au {french_datetime(item.embargoed)}")
        if item.is_update:
            parts.append(f"Mise à jour (v{item.version})")
        if item.used:
            parts.append("Reprise")
        return format_html(" · ".join(["{}"] * len(parts)), *parts) if parts else ""

    # ---------------------------------------------------------- item page

    def get_urls(self):
        return [
            admin_route(self, "<int:pk>/reprendre/", self.reprise_view, "reprise"),
            admin_route(
                self, "<int:pk>/versions/<int:version>/", self.compare_view, "compare"
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            item = WireItem.objects.get(pk=int(object_id))
        except (ValueError, WireItem.DoesNotExist):
            raise Http404("Cette dépêche n’existe pas (ou plus).") from None
        uses = WireUse.objects.filter(item=item).select_related("article", "created_by")
        return admin_page(
            self,
            request,
            "admin/wires/wireitem/detail.html",
            str(item),
            item=item,
            uses=uses,
            versions=item.versions.all(),
            can_reprise=request.user.has_perm("articles.add_article"),
            sections=Section.objects.order_by("name"),
        )

    def reprise_view(self, request, pk):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not request.user.has_perm("articles.add_article"):
            raise PermissionDenied("Vous ne pouvez pas créer d’article.")
        item = get_object_or_404(WireItem, pk=pk)
        section = Section.objects.filter(pk=request.POST.get("section") or 0).first()
        if section is None:
            messages.error(request, "Choisissez la rubrique de l’article.")
            return HttpResponseRedirect(admin_url(WireItem, "change", item.pk))
        article = wire_item_reprise(item=item, user=request.user, section=section)
        messages.success(
            request,
            f"Brouillon créé à partir de la dépêche « {item} ». Réécrivez-le avant "
            "de le soumettre.",
        )
        if item.is_under_embargo():
            messages.warning(
                request,
                f"Dépêche sous embargo jusqu’au {french_datetime(item.embargoed)} : "
                "l’article ne pourra pas être mis en ligne avant.",
            )
        return HttpResponseRedirect(admin_url(Article, "change", article.pk))

    def compare_view(self, request, pk, version):
        if not self.has_view_permission(request):
            raise PermissionDenied
        item = get_object_or_404(WireItem, pk=pk)
        older = get_object_or_404(item.versions, version=version)
        return admin_page(
            self,
            request,
            "admin/wires/wireitem/compare.html",
            f"« {item} » : version {older.version} et version {item.version}",
            item=item,
            older=older,
            diff=text_diff(older.body_html, item.body_html),
            headline_changed=older.headline != item.headline,
        )


def _lines(html: str) -> list[str]:
    text = re.sub(r"</(p|h2|h3|li|blockquote)>", "\n", html)
    return [line.strip() for line in strip_tags(text).splitlines() if line.strip()]


def text_diff(before: str, after: str) -> list[tuple[str, str]]:
    """Paragraphs of two versions as (« same » | « removed » | « added »,
    text): what the desk shows when an item is updated."""
    rows = []
    for line in difflib.ndiff(_lines(before), _lines(after)):
        code, text = line[:2], line[2:]
        if code == "  ":
            rows.append(("same", text))
        elif code == "- ":
            rows.append(("removed", text))
        elif code == "+ ":
            rows.append(("added", text))
    return rows


def article_notices(request, article):
    """On the edit page of an article made from an item: the item withdrawn
    by the agency, or a newer version of it arrived (registered in apps.py)."""
    if not request.user.has_perm("wires.view_wireitem"):
        return []
    found = []
    for use in WireUse.objects.filter(article=article).select_related("item"):
        item = use.item
        if item.is_withdrawn:
            found.append(
                Notice(
                    f"Attention : la dépêche « {item} », dont cet article est tiré, a "
                    f"été retirée par l’agence le {french_datetime(item.withdrawn_at)}.",
                    level="error",
                    url=admin_url(WireItem, "change", item.pk),
                    link_text="Voir la dépêche",
                )
            )
        elif use.newer_version_available:
            found.append(
                Notice(
                    f"Une nouvelle version de la dépêche « {item} » est arrivée "
                    f"(version {item.version} ; l’article part de la version "
                    f"{use.version}).",
                    url=admin_url(WireItem, "compare", item.pk, use.version),
                    link_text="Voir les changements",
                )
            )
    return found
