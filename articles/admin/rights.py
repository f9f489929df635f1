"""Changing or deleting an article, or what the article form edits beside
it, needs the right to edit that article on top of the model permission."""

from articles.services.rights import can_edit


class ArticleEditRights:
    """For the article admin and its inlines: ``obj`` is the article."""

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and (
            obj is None or can_edit(request.user, obj)
        )

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or can_edit(request.user, obj)
        )
