"""The article admin's own pages: their routes, and the one way to name
them (``admin:articles_article_<name>``, like the admin's own pages)."""

from django.urls import path, reverse

PREFIX = "articles_article_"


def article_admin_url(name: str, *args) -> str:
    """The address of an article admin page: ``article_admin_url("change",
    pk)``, ``article_admin_url("calendar")``…"""
    return reverse(f"admin:{PREFIX}{name}", args=args)


def article_admin_routes(model_admin) -> list:
    """The extra pages of ``ArticleAdmin``, to go before the admin's own
    (whose ``<path:object_id>/`` would take them)."""

    def route(pattern, view, name):
        return path(
            pattern, model_admin.admin_site.admin_view(view), name=PREFIX + name
        )

    return [
        route("mots-cles/", model_admin.tag_suggestions, "tag_suggestions"),
        route("calendrier/", model_admin.calendar_view, "calendar"),
        route(
            "calendrier/<int:pk>/reprogrammer/",
            model_admin.reschedule_view,
            "reschedule",
        ),
        route("evenements/", model_admin.run_overdue_view, "run_overdue"),
        # Before "<path:object_id>/autosave/", which would read "add" as an id.
        route("add/autosave/", model_admin.autosave_view, "autosave_new"),
        route(
            "<path:object_id>/workflow/<slug:action>/",
            model_admin.workflow_view,
            "workflow",
        ),
        route("<path:object_id>/revisions/", model_admin.compare_view, "compare"),
        route(
            "<path:object_id>/revisions/<int:number>/restaurer/",
            model_admin.restore_view,
            "restore",
        ),
        route("<path:object_id>/rectificatif/", model_admin.correction_view, "correct"),
        route(
            "<path:object_id>/partage/",
            model_admin.preview_links_view,
            "preview_links",
        ),
        route(
            "<path:object_id>/partage/<uuid:link>/revoquer/",
            model_admin.revoke_link_view,
            "revoke_link",
        ),
        route(
            "<path:object_id>/modifications/<int:change>/",
            model_admin.scheduled_change_view,
            "scheduled_change",
        ),
        route("<path:object_id>/autosave/", model_admin.autosave_view, "autosave"),
        route("<path:object_id>/presence/", model_admin.presence_view, "presence"),
    ]
