import pytest

from website.typography import NNBSP, french_typography


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ukraine : l’ONU", f"Ukraine{NNBSP}: l’ONU"),
        ("Vraiment ?", f"Vraiment{NNBSP}?"),
        ("Enfin !", f"Enfin{NNBSP}!"),
        ("d’abord ; ensuite", f"d’abord{NNBSP}; ensuite"),
    ],
)
def test_space_before_high_punctuation_becomes_narrow_no_break(text, expected):
    assert french_typography(text) == expected


def test_guillemets_get_narrow_no_break_spaces_inside():
    assert french_typography("« Cela »") == f"«{NNBSP}Cela{NNBSP}»"


def test_guillemets_typed_without_spaces_gain_them():
    assert french_typography("«victoire»") == f"«{NNBSP}victoire{NNBSP}»"


def test_thousands_are_grouped_with_narrow_no_break_spaces():
    assert french_typography("10 000 soldats") == f"10{NNBSP}000 soldats"


def test_millions_are_grouped_and_bound_to_their_currency():
    assert french_typography("1 000 000 €") == f"1{NNBSP}000{NNBSP}000{NNBSP}€"


def test_several_spaces_before_punctuation_become_one_narrow_space():
    assert french_typography("Quoi  ?") == f"Quoi{NNBSP}?"


def test_a_year_next_to_a_number_is_not_grouped():
    assert french_typography("en 2024 150 personnes") == "en 2024 150 personnes"


def test_percent_sign_is_bound_to_its_number():
    assert french_typography("50% et 30 %") == f"50{NNBSP}% et 30{NNBSP}%"


def test_units_are_bound_to_their_number():
    assert french_typography("à 14 h 05, 20 km") == f"à 14{NNBSP}h 05, 20{NNBSP}km"


def test_a_word_starting_like_a_unit_is_left_alone():
    assert french_typography("le 5 mars") == "le 5 mars"


def test_tags_and_attributes_are_never_touched():
    html = '<a href="https://x.fr/?a=1 : b" title="a : b">lien : ici</a>'
    assert french_typography(html) == (
        f'<a href="https://x.fr/?a=1 : b" title="a : b">lien{NNBSP}: ici</a>'
    )


def test_url_written_in_text_is_left_alone():
    assert french_typography("voir https://x.fr/a?b=c : fin") == (
        f"voir https://x.fr/a?b=c{NNBSP}: fin"
    )


def test_url_escapes_are_not_taken_for_percentages():
    assert french_typography("a%20b 5%20") == "a%20b 5%20"


def test_code_and_preformatted_text_are_left_alone():
    assert (
        french_typography("<code>a : b</code> c : d")
        == f"<code>a : b</code> c{NNBSP}: d"
    )


def test_no_break_space_entity_before_colon_becomes_narrow():
    assert french_typography("x&nbsp;: y") == f"x{NNBSP}: y"


def test_applying_twice_changes_nothing_more():
    once = french_typography("« Cela » : 10 000 soldats, 50 % !")
    assert french_typography(once) == once


def test_preformatted_code_blocks_are_left_alone():
    html = "<pre><code>x = 10 000 ; « a »</code>\ny : 50%</pre><p>a : b</p>"
    assert french_typography(html) == html.replace("a : b", f"a{NNBSP}: b")
