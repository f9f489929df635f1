"""The demo's articles as written: sound references, clean bodies, French
typography."""

import re
from collections import Counter
from html import unescape
from html.parser import HTMLParser

import pytest

from articles.sanitizer import sanitize_html
from demo import content, loader
from demo.loader import typeset
from demo.spec import ExternalLink


class Structure(HTMLParser):
    """The tags of an HTML fragment in document order, and its text."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tags, self.text, self.paragraphs, self._quote_depth = [], [], 0, 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "blockquote":
            self._quote_depth += 1
        elif tag == "p" and not self._quote_depth:
            self.paragraphs += 1

    def handle_endtag(self, tag):
        self.tags.append(f"/{tag}")
        if tag == "blockquote":
            self._quote_depth -= 1

    def handle_data(self, data):
        self.text.append(data)


def demo_texts(spec):
    body = unescape(re.sub(r"<[^>]+>", " ", loader.demo_body(spec.body)))
    return [typeset(spec.title), typeset(spec.standfirst), typeset(spec.caption), body]


ARTICLE_SPECS = pytest.mark.parametrize(
    "spec", content.ARTICLES, ids=[spec.slug[:40] for spec in content.ARTICLES]
)


def test_demo_slugs_are_unique():
    slugs = [spec.slug for spec in content.ARTICLES]
    assert len(slugs) == len(set(slugs))


def test_demo_related_slugs_name_other_demo_articles():
    slugs = {spec.slug for spec in content.ARTICLES}
    for spec in content.ARTICLES:
        for item in spec.related:
            if not isinstance(item, ExternalLink):
                assert item in slugs - {spec.slug}, spec.slug


def test_every_published_demo_article_shares_a_tag_with_another_one():
    published = [spec for spec in content.ARTICLES if spec.status == "published"]
    uses = Counter(name for spec in published for name in spec.tags)
    for spec in published:
        assert any(uses[name] > 1 for name in spec.tags), spec.slug


@ARTICLE_SPECS
def test_demo_body_survives_the_sanitiser_unchanged_in_structure(spec):
    body = loader.demo_body(spec.body)
    before, after = Structure(body), Structure(sanitize_html(body))
    assert after.tags == before.tags
    assert "".join(after.text) == "".join(before.text)


@ARTICLE_SPECS
def test_demo_body_has_intertitres_and_four_to_eight_paragraphs(spec):
    structure = Structure(loader.demo_body(spec.body))
    assert "h2" in structure.tags
    assert 4 <= structure.paragraphs <= 8


def test_several_demo_bodies_quote_in_blockquotes_and_some_have_lists():
    bodies = [spec.body for spec in content.ARTICLES]
    assert sum("<blockquote>" in body for body in bodies) >= 5
    assert sum("<ul>" in body or "<ol>" in body for body in bodies) >= 3


@ARTICLE_SPECS
def test_demo_text_uses_french_typography(spec):
    for text in demo_texts(spec):
        assert "'" not in text
        assert '"' not in text
        assert not re.search(r"« | »| [:;!?%]", text), text
        assert text.count("«") == text.count("»")
