"""Plain-text files laid out like ../shared/seed/, read (the command that
imports them: test_import_text.py)."""

from pathlib import Path

import pytest

from importers.text import TextImportError, decode, parse_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "text"
NBSP = "\u00a0"


def parse_fixture(name):
    return parse_text(decode((FIXTURES / name).read_bytes()), site_name="News Day FR")


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
