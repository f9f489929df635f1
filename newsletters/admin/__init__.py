"""The newsroom's side: lists, pinned articles, subscribers (export,
erasure), sends (progress, preview, test, cancel) and the alert page."""

from newsletters.admin import lists, sends, subscribers  # noqa: F401
