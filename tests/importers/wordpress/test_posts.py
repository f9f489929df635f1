"""A post's own fields → its article's: title, slug, dates, status, « À la une »."""

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from articles.models import Article
from tests.importers.conftest import FIXTURES
from tests.importers.wordpress.conftest import article, paris

pytestmark = pytest.mark.django_db

Status = Article.Status


def test_title_keeps_french_typography_and_decodes_entities(run_import):
    run_import("newsroom.xml")
    assert (
        article(101).title
        == "« Budget 2024 » : l’Assemblée vote & la gauche s’abstient"
    )


def test_markup_in_a_title_is_removed(run_import):
    run_import("newsroom.xml")
    assert article(109).title == "Festival : Lumières & ombres"


def test_slug_comes_from_the_percent_encoded_post_name(run_import):
    run_import("newsroom.xml")
    assert article(101).slug == "lassemblee-vote-le-budget"


def test_draft_without_post_name_gets_a_slug_from_its_title(run_import):
    run_import("newsroom.xml")
    assert article(104).slug == "brouillon-enquete-sur-les-loyers"


def test_excerpt_becomes_the_standfirst_as_plain_text(run_import):
    run_import("newsroom.xml")
    assert article(101).standfirst == (
        "Le projet de loi de finances a été adopté en première lecture, "
        "malgré l’abstention de la gauche."
    )


# -- dates ----------------------------------------------------------------------


def test_publication_date_is_the_gmt_instant(run_import):
    run_import("newsroom.xml")
    assert article(101).publish_at == paris(2024, 3, 15, 10, 30)


def test_modified_date_becomes_the_update_date(run_import):
    run_import("newsroom.xml")
    assert article(101).updated_at == paris(2024, 3, 16, 8, 0)


def test_unmodified_post_has_no_update_date(run_import):
    run_import("newsroom.xml")
    assert article(102).updated_at is None


def test_published_post_records_its_first_publication(run_import):
    run_import("newsroom.xml")
    assert article(101).first_published_at == paris(2024, 3, 15, 10, 30)


def test_local_time_in_the_autumn_overlap_is_read_as_summer_time(run_import):
    run_import("newsroom.xml")  # post 110: 02:30 on 29 October 2023, no GMT date
    assert article(110).publish_at == dt.datetime(2023, 10, 29, 0, 30, tzinfo=dt.UTC)


def test_local_time_in_the_spring_gap_moves_forward(run_import):
    run_import("newsroom.xml")  # post 111: 02:30 on 31 March 2024 does not exist
    assert article(111).publish_at == dt.datetime(2024, 3, 31, 1, 30, tzinfo=dt.UTC)
    assert timezone.localtime(article(111).publish_at).hour == 3


# -- statuses ---------------------------------------------------------------


def test_scheduled_post_is_scheduled_at_its_date(run_import):
    run_import("newsroom.xml")
    scheduled = article(103)
    assert scheduled.status == Status.SCHEDULED
    assert scheduled.publish_at == paris(2030, 11, 30, 8, 0)


def test_scheduled_post_goes_live_at_its_date(run_import):
    run_import("newsroom.xml")
    at = paris(2030, 11, 30, 8, 0)
    with time_machine.travel(at - dt.timedelta(seconds=1)):
        assert not Article.objects.published().filter(pk=article(103).pk).exists()
    with time_machine.travel(at):
        assert Article.objects.published().filter(pk=article(103).pk).exists()


def test_draft_stays_a_draft_without_publication_date(run_import):
    run_import("newsroom.xml")
    draft = article(104)
    assert (draft.status, draft.publish_at) == (Status.DRAFT, None)


def test_pending_post_is_in_review(run_import):
    run_import("newsroom.xml")
    assert article(105).status == Status.REVIEW


def test_private_post_is_never_public(run_import):
    run_import("newsroom.xml")
    private = article(106)
    assert private.status == Status.UNPUBLISHED
    assert not Article.objects.published().filter(pk=private.pk).exists()


def test_password_protected_post_is_not_public_and_is_reported(run_import):
    report = run_import("newsroom.xml")
    assert article(116).status == Status.UNPUBLISHED
    assert any("mot de passe" in w.message for w in report.warnings)


def test_sticky_post_is_featured_only_with_keep_sticky(run_import):
    run_import("newsroom.xml", keep_sticky=True)
    assert list(Article.objects.filter(is_featured=True)) == [article(101)]


def test_imported_posts_never_enter_the_front_page_by_default(run_import):
    run_import("newsroom.xml")
    assert not Article.objects.filter(is_featured=True).exists()


def test_reimport_keeps_what_editors_put_on_the_front_page(run_import):
    run_import("newsroom.xml")
    Article.objects.filter(pk=article(109).pk).update(is_featured=True)
    run_import("newsroom.xml")
    assert article(109).is_featured


def fidelity(post_id):
    return Article.objects.get(external_id=f"wordpress:blog-du-quai.example:{post_id}")


def test_chapo_is_taken_from_the_first_paragraph_without_an_excerpt(run_import):
    report = run_import("fidelity.xml")
    assert fidelity(1).standfirst == (
        "Le premier paragraphe dit l’essentiel. Il tient en deux phrases."
    )
    assert report.derived_standfirsts == 4
    assert (
        "Chapôs tirés du premier paragraphe (pas d’extrait WordPress)\u00a0: 4"
        in report.lines()
    )


def test_excerpt_stays_the_chapo_when_there_is_one(run_import):
    run_import("newsroom.xml")
    assert article(101).standfirst.startswith("Le projet de loi de finances")


def test_a_long_first_paragraph_gives_its_first_sentences():
    from importers.wordpress.posts import STANDFIRST_LENGTH, standfirst_from

    sentence = "Une phrase de quarante caractères ici. "
    chapo = standfirst_from(f"<h2>Titre</h2><p>{sentence * 20}</p>")
    assert chapo == (sentence * (STANDFIRST_LENGTH // len(sentence))).strip()


def test_a_post_with_an_empty_body_is_imported_as_a_listed_draft(run_import):
    report = run_import("fidelity.xml")
    assert fidelity(2).status == Article.Status.DRAFT
    assert fidelity(2).first_published_at is None
    assert [e.post_id for e in report.empty_bodies] == [2]
    assert "  - n°\u00a02 « Sans texte »\u00a0: sans texte" in report.lines()


# -- language -------------------------------------------------------------------


def export_in(tmp_path, language, *, first_post_term=""):
    """fidelity.xml with another channel ``<language>`` and, on its first
    post, an extra term (a multilingual plugin's language)."""
    xml = (FIXTURES / "fidelity.xml").read_text()
    xml = xml.replace("<language>fr-FR</language>", f"<language>{language}</language>")
    xml = xml.replace("<item>", f"<item>{first_post_term}", 1)
    path = tmp_path / "export.xml"
    path.write_text(xml)
    return path


def test_articles_take_the_exports_language(run_import):
    run_import("fidelity.xml")
    assert fidelity(1).language == "fr"


def test_articles_of_an_english_site_are_in_english(run_import, tmp_path):
    run_import(export_in(tmp_path, "en-US"))
    assert set(Article.objects.values_list("language", flat=True)) == {"en"}


def test_a_posts_own_language_wins_over_the_sites(run_import, tmp_path):
    polylang = (
        '<category domain="language" nicename="en"><![CDATA[English]]></category>'
    )
    run_import(export_in(tmp_path, "fr-FR", first_post_term=polylang))
    assert fidelity(1).language == "en"
    assert fidelity(2).language == "fr"


def test_a_language_we_do_not_have_leaves_the_article_in_french(run_import, tmp_path):
    run_import(export_in(tmp_path, "nl-NL"))
    assert fidelity(1).language == "fr"
