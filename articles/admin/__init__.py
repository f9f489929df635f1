"""The newsroom's admin, one module per admin class or concern.

- ``sections``, ``authors``, ``audit``, ``tags``: the section, author,
  editorial log and tag admins;
- ``article``: the article admin (who sees what, the list), built from
  ``change_form`` (the edit page and its save path), ``inlines``,
  ``filters``, ``bulk_actions`` and the workflow's own pages:
  ``workflow_actions``, ``history``, ``corrections``, ``preview_links``,
  ``scheduled_changes``, ``calendar`` and ``editing`` (the edit page's
  background calls), which share ``pages`` and ``routes``.
"""

from articles.admin import article, audit, authors, sections, tags

__all__ = ["article", "audit", "authors", "sections", "tags"]
