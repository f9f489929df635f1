"""Import a WordPress export (WXR) into the newsroom: see ``importer``."""

from articles.importers.wordpress.importer import import_wordpress
from articles.importers.wordpress.reader import WXRError
from articles.importers.wordpress.report import ImportReport

__all__ = ["ImportReport", "WXRError", "import_wordpress"]
