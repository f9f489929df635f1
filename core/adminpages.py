"""What the apps' own admin pages share: routes named the way the admin
names its own (``<app>_<model>_<name>``), the one way to reverse them, and
pages drawn in the admin's frame."""

from django.template.response import TemplateResponse
from django.urls import path, reverse


def admin_route(model_admin, pattern: str, view, name: str):
    """An extra page of ``model_admin``, behind the admin's login, named
    ``<app>_<model>_<name>``; list it before the admin's own URLs (their
    ``<path:object_id>/`` would take it)."""
    opts = model_admin.opts
    return path(
        pattern,
        model_admin.admin_site.admin_view(view),
        name=f"{opts.app_label}_{opts.model_name}_{name}",
    )


def admin_url(model, name: str, *args) -> str:
    """The address of a page of ``model``'s admin: ``admin_url(Article,
    "change", pk)``, ``admin_url(Image, "chooser")``…"""
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=args)


def admin_page(model_admin, request, template: str, title: str, **context):
    """A page of ``model_admin`` in the admin's frame (header, breadcrumbs'
    ``opts``, title)."""
    return TemplateResponse(
        request,
        template,
        {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.opts,
            "title": title,
            **context,
        },
    )


class FrenchTitles:
    """Page titles in natural French for a ModelAdmin: Django's own read
    « Ajout de article » and « Sélectionnez l’objet article à changer »."""

    add_title = ""  # « Nouvel article »
    list_title = ""  # « Articles »
    object_name = ""  # « l’article »: « Modification de l’article »

    def render_change_form(
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        if change and self.object_name:
            action = (
                "Modification"
                if self.has_change_permission(request, obj)
                else "Affichage"
            )
            context["title"] = f"{action} de {self.object_name}"
        return super().render_change_form(request, context, add, change, form_url, obj)

    def add_view(self, request, form_url="", extra_context=None):
        titles = {"title": self.add_title} if self.add_title else {}
        return super().add_view(request, form_url, {**titles, **(extra_context or {})})

    def changelist_view(self, request, extra_context=None):
        titles = {"title": self.list_title} if self.list_title else {}
        return super().changelist_view(request, {**titles, **(extra_context or {})})
