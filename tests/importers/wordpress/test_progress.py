"""Progress of an import that reads the file twice (attachments first)."""

import io

import pytest

from importers.wordpress.progress import Progress

pytestmark = pytest.mark.django_db


class Out(io.StringIO):
    def write(self, text, ending="\n"):
        super().write(text + ending)


def test_each_pass_over_the_file_has_its_own_progress_lines(run_import, uploads_dir):
    out = Out()
    run_import("media.xml", uploads_dir=uploads_dir, on_progress=Progress(out))
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Import WordPress, lecture des pièces jointes : ")
    assert "Import WordPress, lecture des pièces jointes : 100 % lu" in lines
    assert lines[-1].startswith("Import WordPress : 100 % lu")


def test_without_uploads_dir_the_file_is_read_once(run_import):
    out = Out()
    run_import("media.xml", on_progress=Progress(out))
    assert "pièces jointes" not in out.getvalue()
