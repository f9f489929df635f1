"""The ``load_demo`` command: its summary and the demo admin's password."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from articles.models import Article
from tests.demo.conftest import ADMIN_PASSWORD

NBSP = "\u00a0"


def run_command(*args):
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def test_admin_password_comes_from_the_environment(db, debug_on, monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "Bruxelles-Ostende-2031")
    run_command()
    admin = get_user_model().objects.get(username="admin")
    assert admin.check_password("Bruxelles-Ostende-2031")


def test_password_from_the_environment_is_not_printed(db, debug_on, monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "Bruxelles-Ostende-2031")
    assert "Bruxelles-Ostende-2031" not in run_command()


def test_generated_password_is_printed_on_creation_and_works(db, debug_on, monkeypatch):
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    output = run_command()
    password = re.search(r"seule fois\)\s*:\s*(\S+)", output).group(1)
    assert get_user_model().objects.get(username="admin").check_password(password)


def test_generated_password_is_printed_only_once(db, debug_on, monkeypatch):
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    password = re.search(r"seule fois\)\s*:\s*(\S+)", run_command()).group(1)
    assert password not in run_command()


def test_second_run_keeps_the_admin_password_even_if_the_environment_changed(
    fresh_demo, debug_on, monkeypatch
):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "un-autre-mot-de-passe")
    run_command()
    admin = get_user_model().objects.get(username="admin")
    assert admin.check_password(ADMIN_PASSWORD)


def test_command_prints_a_french_summary(db, debug_on):
    output = run_command()
    assert f"rubriques{NBSP}: 6 créées, 0 déjà là" in output
    assert f"articles{NBSP}: 24 créés, 0 déjà là" in output


def test_command_says_everything_is_already_there_on_a_second_run(db, debug_on):
    run_command()
    output = run_command()
    assert f"articles{NBSP}: 0 créés, 24 déjà là" in output
    assert "mots de passe inchangés" in output


def test_command_refuses_to_run_when_debug_is_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        run_command()
    assert not Article.objects.exists()


def test_command_runs_with_debug_off_when_forced(db, settings):
    settings.DEBUG = False
    run_command("--force")
    assert Article.objects.count() == 25  # 24 articles and the live
