"""bench/admin.py: the change form is posted back as a browser would."""

from bench.admin import form_data

FORM = """
<form id="search"><input name="q" value="ignored"></form>
<form id="article_form" method="post">
  <input type="hidden" name="csrfmiddlewaretoken" value="t0k">
  <input type="text" name="title" value="L’été &laquo; chaud &raquo;">
  <input type="checkbox" name="is_featured" checked>
  <input type="checkbox" name="is_breaking">
  <select name="section"><option value="1">Monde</option><option value="2" selected>France</option></select>
  <select name="tags" multiple><option value="a" selected>A</option><option value="b" selected>B</option></select>
  <textarea name="standfirst">
Un chapô.</textarea>
  <input type="hidden" name="bylines-TOTAL_FORMS" value="2">
  <input type="submit" name="_save" value="Enregistrer">
</form>
"""


def test_form_data_is_what_a_browser_sends_for_the_article_form():
    assert form_data(FORM) == {
        "csrfmiddlewaretoken": "t0k",
        "title": "L’été « chaud »",
        "is_featured": "on",
        "section": "2",
        "tags": ["a", "b"],
        "standfirst": "Un chapô.",
        "bylines-TOTAL_FORMS": "2",
    }


def test_a_chapo_left_marked_by_a_stopped_run_is_restored_without_the_mark():
    from types import SimpleNamespace

    from bench.admin import Saver

    article = SimpleNamespace(pk=7, standfirst="Le chapô. (banc d’essai 12)")
    assert Saver(client=None, article=article).original == "Le chapô."
