"""Writes that touch several models, and every workflow transition.

Each service is keyword-only, checks the user's rights and the article's
state itself (so every caller, admin form, bulk action or command, gets the
same rules), locks the article row while it works, writes an audit event and
sends the content signals once the transaction is committed.

- ``transitions``: submit, send back, schedule, unschedule, publish, unpublish;
- ``revisions``: what a save keeps, and restoring an old revision;
- ``corrections``: « Rectificatif » and « Mise à jour »;
- ``scheduled_changes``: a new version of a live article, at T;
- ``scheduled_events``: ``run_scheduled``'s side effects of what came due;
- ``preview_links``: sharing an unpublished article;
- ``editing``: presence and autosave on the edit page;
- ``trash`` and ``deletion``: the « Corbeille », restoring, deleting for good;
- ``checks`` and ``audit``: what every service shares.
"""

from articles.services.checks import WorkflowError
from articles.services.corrections import article_correct
from articles.services.deletion import article_delete_for_good
from articles.services.editing import autosave_store, presence_leave, presence_touch
from articles.services.preview_links import preview_link_create, preview_link_revoke
from articles.services.revisions import (
    article_restore_revision,
    article_revision_create,
    article_saved,
)
from articles.services.scheduled_changes import (
    article_schedule_change,
    scheduled_change_cancel,
    scheduled_changes_apply_due,
)
from articles.services.scheduled_events import ScheduledEvent, scheduled_events_run
from articles.services.transitions import (
    article_publish,
    article_schedule,
    article_send_back,
    article_submit,
    article_unpublish,
    article_unschedule,
)
from articles.services.trash import (
    article_restore_from_trash,
    article_trash,
    trash_empty,
    trash_purge_expired,
)

__all__ = [
    "ScheduledEvent",
    "WorkflowError",
    "article_correct",
    "article_delete_for_good",
    "article_publish",
    "article_restore_from_trash",
    "article_restore_revision",
    "article_revision_create",
    "article_saved",
    "article_schedule",
    "article_schedule_change",
    "article_send_back",
    "article_submit",
    "article_trash",
    "article_unpublish",
    "article_unschedule",
    "autosave_store",
    "presence_leave",
    "presence_touch",
    "preview_link_create",
    "preview_link_revoke",
    "scheduled_change_cancel",
    "scheduled_changes_apply_due",
    "scheduled_events_run",
    "trash_empty",
    "trash_purge_expired",
]
