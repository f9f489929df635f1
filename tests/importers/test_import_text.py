"""The ``import_text`` command: articles created or updated from text
files, and what it says about each file."""

import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, RelatedLink
from tests.factories import make_section
from tests.shared import shared_file

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "text"
SEED = shared_file("seed", "000_42fc8f9c720e421b.txt")


def run_command(*names, **options):
    out, err = io.StringIO(), io.StringIO()
    paths = [str(FIXTURES / name) for name in names]
    try:
        call_command("import_text", *paths, stdout=out, stderr=err, **options)
    except CommandError as error:
        return out.getvalue(), err.getvalue() + str(error)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_command_imports_a_draft_with_the_body_as_html():
    section = make_section()
    out, err = run_command("budget.txt")
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert article.section == section
    assert article.body.count("<h2>") == 2
    assert article.body.count("<p>") == 3
    assert "budget.txt : créé" in out
    assert err == ""


@pytest.mark.django_db
def test_reimporting_updates_instead_of_duplicating():
    make_section()
    run_command("budget.txt")
    out, _ = run_command("budget.txt")
    assert Article.objects.count() == 1
    assert "inchangé" in out


@pytest.mark.django_db
def test_reimporting_an_edited_file_keeps_the_slug(tmp_path):
    make_section()
    source = tmp_path / "edited.txt"
    source.write_text("Premier titre\n\nChapô.\n\nTexte.", encoding="utf-8")
    call_command("import_text", str(source), stdout=io.StringIO())
    slug = Article.objects.get().slug
    source.write_text("Titre corrigé\n\nChapô.\n\nTexte.", encoding="utf-8")
    call_command("import_text", str(source), stdout=io.StringIO())
    article = Article.objects.get()
    assert (article.title, article.slug) == ("Titre corrigé", slug)


@pytest.mark.django_db
def test_dry_run_saves_nothing():
    make_section()
    out, _ = run_command("budget.txt", dry_run=True)
    assert "serait créé" in out
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_broken_files_are_reported_by_name_and_the_others_still_import():
    make_section()
    out, err = run_command("empty.txt", "budget.txt", "binary.txt")
    assert Article.objects.count() == 1
    assert "budget.txt : créé" in out
    assert "empty.txt : ignoré — le fichier est vide" in err
    assert "binary.txt : ignoré — le fichier est binaire" in err
    assert "Traceback" not in err
    assert "2 fichier(s) sur 3 non importé(s)" in err


@pytest.mark.django_db
def test_status_and_section_options_apply():
    make_section()
    other = make_section(slug="economie", name="Économie")
    run_command("budget.txt", status="published", section="economie")
    article = Article.objects.published().get()
    assert article.section == other


@pytest.mark.django_db
def test_unknown_section_is_a_clear_error():
    make_section()
    _, err = run_command("budget.txt", section="nulle-part")
    assert "La rubrique « nulle-part » n’existe pas." in err


@pytest.mark.django_db
def test_related_news_line_with_an_address_becomes_an_external_link():
    make_section()
    run_command("budget.txt")
    link = RelatedLink.objects.get()
    assert (link.url, link.title) == (
        "https://exemple.fr/piscines-energie",
        "Les piscines municipales face à la hausse de l’énergie",
    )


@pytest.mark.django_db
@pytest.mark.skipif(SEED is None, reason="../shared/seed is not on this machine")
def test_the_seed_page_imports_as_expected():
    make_section()
    call_command("import_text", str(SEED), stdout=io.StringIO())
    article = Article.objects.get()
    assert (
        article.title == "Soldats nord-coréens en Ukraine : l’ONU craint une escalade"
    )
    assert article.standfirst.startswith(
        "Le secrétaire général de l’ONU, Antonio Guterres"
    )
    assert article.body.count("<h2>") == 2
    assert article.body.count("<p>") == 4
    assert "<h2>Des soldats nord-coréens aux portes de l’Ukraine</h2>" in article.body
    assert "Google" not in article.body
