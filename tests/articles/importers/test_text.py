import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article, RelatedLink
from importers.text import TextImportError, decode, parse_text
from tests.factories import make_section
from tests.shared import shared_file

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "text"
SEED = shared_file("seed", "000_42fc8f9c720e421b.txt")
NBSP = "\u00a0"


def parse_fixture(name):
    return parse_text(decode((FIXTURES / name).read_bytes()), site_name="News Day FR")


def run_import(*names, **options):
    out, err = io.StringIO(), io.StringIO()
    paths = [str(FIXTURES / name) for name in names]
    try:
        call_command("import_text", *paths, stdout=out, stderr=err, **options)
    except CommandError as error:
        return out.getvalue(), err.getvalue() + str(error)
    return out.getvalue(), err.getvalue()


def test_title_chapo_intertitres_and_paragraphs_are_recognised():
    parsed = parse_fixture("budget.txt")
    assert (
        parsed.title
        == "Budget de la ville : le conseil municipal adopte un plan d’économies"
    )
    assert parsed.standfirst.startswith("Après trois heures de débat")
    assert [tag for tag, _ in parsed.blocks] == ["h2", "p", "p", "h2", "p"]


def test_an_intertitre_may_end_with_a_question_mark():
    parsed = parse_fixture("budget.txt")
    assert ("h2", f"Que vont devenir les piscines{NBSP}?") in parsed.blocks


def test_follow_us_and_related_news_boilerplate_stays_out_of_the_body():
    parsed = parse_fixture("budget.txt")
    assert "Google" not in parsed.body_html
    assert "Related" not in parsed.body_html
    assert parsed.related == [
        "Les piscines municipales face à la hausse de l’énergie – https://exemple.fr/piscines-energie"
    ]


def test_crlf_and_bom_give_the_same_article_as_plain_utf8():
    assert parse_fixture("budget-crlf-bom.txt") == parse_fixture("budget.txt")


def test_guillemets_apostrophes_and_no_break_spaces_are_kept():
    parsed = parse_fixture("budget.txt")
    assert f"4{NBSP}%" in parsed.standfirst
    assert (
        "« Nous avons fait des choix difficiles mais nécessaires »" in parsed.body_html
    )
    assert "l’adjointe" in parsed.body_html


def test_hard_wrapped_paragraphs_are_joined():
    parsed = parse_fixture("hard-wrapped.txt")
    assert parsed.standfirst == "Un chapô sur deux lignes."
    assert parsed.blocks == [
        ("p", "Un paragraphe coupé en plusieurs lignes par un éditeur de texte.")
    ]


def test_a_file_without_the_site_name_line_starts_with_its_title():
    assert parse_fixture("no-site-line.txt").title == "Un titre sans ligne de site"


def test_markup_typed_in_a_text_file_is_escaped():
    parsed = parse_text(
        "Titre\n\nChapô.\n\n<script>alert(1)</script> et 3 < 4.", site_name="x"
    )
    assert "<script>" not in parsed.body_html
    assert "&lt;script&gt;" in parsed.body_html


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "vide"),
        ("binary.txt", "binaire"),
        ("latin1.txt", "UTF-8"),
        ("only-site-name.txt", "aucun titre"),
    ],
)
def test_broken_files_are_refused_with_a_reason(name, reason):
    with pytest.raises(TextImportError, match=reason):
        parse_fixture(name)


@pytest.mark.django_db
def test_command_imports_a_draft_with_the_body_as_html():
    section = make_section()
    out, err = run_import("budget.txt")
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
    run_import("budget.txt")
    out, _ = run_import("budget.txt")
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
    out, _ = run_import("budget.txt", dry_run=True)
    assert "serait créé" in out
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_broken_files_are_reported_by_name_and_the_others_still_import():
    make_section()
    out, err = run_import("empty.txt", "budget.txt", "binary.txt")
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
    run_import("budget.txt", status="published", section="economie")
    article = Article.objects.published().get()
    assert article.section == other


@pytest.mark.django_db
def test_unknown_section_is_a_clear_error():
    make_section()
    _, err = run_import("budget.txt", section="nulle-part")
    assert "La rubrique « nulle-part » n’existe pas." in err


@pytest.mark.django_db
def test_related_news_line_with_an_address_becomes_an_external_link():
    make_section()
    run_import("budget.txt")
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
