"""Signals sent when what readers see changes, for side effects only
(cache purge, CDN purge, notifications). Senders: the workflow services and
``run_scheduled``. Each is sent with ``article=`` (an Article instance)."""

from django.dispatch import Signal

# An article became visible to readers (published now, or its scheduled time came).
article_published = Signal()
# A visible article changed (edit, correction, new revision going live).
article_updated = Signal()
# An article stopped being visible (unpublished, or its unpublish time came).
article_unpublished = Signal()
