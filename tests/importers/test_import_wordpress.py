"""The management command: a thin wrapper with a summary and progress."""

import io

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_wordpress", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_command_imports_and_prints_a_french_summary(fixture_path):
    out, _ = run(fixture_path("newsroom.xml"))
    assert "Articles créés\u00a0: 12" in out
    assert "à la corbeille\u00a0: 1" in out
    assert "n°\u00a0117 « Un article à la date illisible »" in out


def test_command_shows_plain_progress_lines_without_a_terminal(fixture_path):
    _, err = run(fixture_path("newsroom.xml"))
    assert err.splitlines()[-1].startswith("Import WordPress : 100 % lu")


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_command_draws_a_progress_bar_on_a_terminal(fixture_path):
    err = Terminal()
    call_command(
        "import_wordpress",
        str(fixture_path("newsroom.xml")),
        stdout=io.StringIO(),
        stderr=err,
    )
    assert "\r" in err.getvalue()
    assert "100 %" in err.getvalue()


def test_command_refuses_a_file_that_is_not_wxr(fixture_path):
    with pytest.raises(
        CommandError, match=r"n’a pas été importé.*Rien n’a été modifié"
    ):
        run(fixture_path("plain_rss.xml"))


def test_command_reports_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="Fichier introuvable"):
        run(tmp_path / "absent.xml")


def test_command_fails_on_a_truncated_file_after_its_summary(fixture_path, capsys):
    out = io.StringIO()
    with pytest.raises(CommandError, match="incomplet"):
        call_command(
            "import_wordpress",
            str(fixture_path("truncated.xml")),
            stdout=out,
            stderr=io.StringIO(),
        )
    assert "Import interrompu" in out.getvalue()
    assert Article.objects.count() == 4


def test_command_dry_run_saves_nothing(fixture_path):
    out, _ = run(fixture_path("newsroom.xml"), "--dry-run")
    assert out.startswith("Simulation (--dry-run)")
    assert not Article.objects.exists()
