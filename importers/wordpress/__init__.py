"""Import a WordPress export (WXR) into the newsroom: see ``importer``."""

from importers.wordpress.importer import import_wordpress
from importers.wordpress.reader import WXRError
from importers.wordpress.report import ImportReport

__all__ = ["ImportReport", "WXRError", "import_wordpress"]
