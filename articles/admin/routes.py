"""The article admin's own pages, in the order they must be matched."""

from functools import partial

from core.adminpages import admin_route


def article_admin_routes(model_admin) -> list:
    """The extra pages of ``ArticleAdmin``, to go before the admin's own."""

    route = partial(admin_route, model_admin)
    return [
        route("mots-cles/", model_admin.tag_suggestions, "tag_suggestions"),
        route("calendrier/", model_admin.calendar_view, "calendar"),
        route(
            "calendrier/<int:pk>/reprogrammer/",
            model_admin.reschedule_view,
            "reschedule",
        ),
        route("evenements/", model_admin.run_overdue_view, "run_overdue"),
        route("corbeille/", model_admin.trash_view, "trash"),
        route("corbeille/vider/", model_admin.trash_empty_view, "trash_empty"),
        route(
            "<path:object_id>/corbeille/restaurer/",
            model_admin.trash_restore_view,
            "trash_restore",
        ),
        route(
            "<path:object_id>/corbeille/supprimer/",
            model_admin.trash_delete_view,
            "trash_delete",
        ),
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
