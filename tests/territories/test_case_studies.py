"""Territory pages worth reading: what is specific to each place, sourced, and nothing shared between them."""

import datetime
import re
from html import unescape
from html.parser import HTMLParser

from django.utils.html import strip_tags

import pytest

from hub.provenance import Provenance
from territories.models import CooperatingActorsPage, TerritoryKind, TerritoryPage

pytestmark = pytest.mark.django_db


class ContentParagraphs(HTMLParser):
    """The text of every <p> and <li> inside the page's own content (the body and the public facts)."""

    CONTAINERS = {"article__body", "fact-list"}

    def __init__(self):
        super().__init__()
        self.depth = 0  # nesting inside a content container
        self.stack = []
        self.current = None
        self.paragraphs = []

    def handle_starttag(self, tag, attrs):
        classes = set((dict(attrs).get("class") or "").split())
        entering = bool(classes & self.CONTAINERS)
        self.stack.append(entering)
        self.depth += entering
        if self.depth and tag in ("p", "li") and self.current is None:
            self.current = (tag, [])

    def handle_endtag(self, tag):
        if self.current is not None and tag == self.current[0]:
            text = re.sub(r"\s+", " ", "".join(self.current[1])).strip()
            if text:
                self.paragraphs.append(text)
            self.current = None
        if self.stack:
            self.depth -= self.stack.pop()

    def handle_data(self, data):
        if self.current is not None:
            self.current[1].append(data)


def text_of(html):
    return re.sub(r"\s+", " ", unescape(strip_tags(html)))


def content_paragraphs(client, page):
    parser = ContentParagraphs()
    parser.feed(client.get(page.url).content.decode())
    return parser.paragraphs


@pytest.mark.parametrize("language_code", ["fr", "en"])
def test_no_two_territory_pages_share_a_paragraph(client, language_code):
    territories = list(TerritoryPage.objects.live().filter(locale__language_code=language_code))
    assert len(territories) == 6
    seen = {}
    for territory in territories:
        paragraphs = content_paragraphs(client, territory)
        assert len(paragraphs) >= 4, territory.slug
        for paragraph in set(paragraphs):
            assert paragraph not in seen, f"{territory.slug} repeats a paragraph of {seen.get(paragraph)}: {paragraph}"
            seen[paragraph] = territory.slug


def test_every_territory_has_public_facts_each_with_its_source_and_date(french):
    for territory in TerritoryPage.objects.live().filter(locale=french):
        facts = list(territory.facts.all())
        assert len(facts) >= 2, territory.slug
        for fact in facts:
            assert fact.source_url.startswith("https://") or fact.source_url.startswith("http://"), fact.text
            assert fact.source_title.strip() and fact.source_publisher.strip(), fact.text
            assert fact.consulted_on <= datetime.date(2026, 11, 27), fact.text


def test_a_territory_page_shows_its_facts_with_their_sources_in_both_languages(client, french, english):
    brest = TerritoryPage.objects.get(slug="brest", locale=french)
    fact = brest.facts.first()
    html = client.get(brest.url).content.decode()
    assert f'href="{fact.source_url}"' in html
    assert "Repères publics" in html and "ces faits ne viennent pas de la synthèse" in html
    translation = TerritoryPage.objects.get(translation_key=brest.translation_key, locale=english)
    translated_fact = translation.facts.get(translation_key=fact.translation_key)
    assert translated_fact.text != fact.text
    english_text = text_of(client.get(translation.url).content.decode())
    assert translated_fact.text in english_text
    assert "Public facts" in english_text


def test_every_territory_summary_says_where_it_comes_from(client, french, english):
    for language in (french, english):
        territories = TerritoryPage.objects.live().filter(locale=language)
        for territory in territories:
            assert territory.summary.strip(), territory.slug
            assert territory.summary_provenance in Provenance.values, territory.slug
        index = territories.first().get_parent()
        text = text_of(client.get(index.url).content.decode())
        label = "Résumé rédigé par l'équipe éditoriale" if language == french else "Summary written by the editors"
        assert text.count(label) == territories.filter(summary_provenance=Provenance.EDITORIAL).count()


def test_no_territory_summary_presents_the_place_as_a_case_with_findings(french, english):
    for territory in TerritoryPage.objects.filter(locale__in=[french, english]):
        assert not re.search(r"\b(le cas d|the case of)", territory.summary, re.IGNORECASE), territory.slug


def test_territories_are_of_their_kind_and_link_to_pages_for_that_kind(client, french):
    kinds = set()
    for territory in TerritoryPage.objects.live().filter(locale=french):
        assert territory.kind in TerritoryKind.values
        kinds.add(territory.kind)
        links = list(territory.related_links.all())
        assert len(links) >= 5, territory.slug
        html = client.get(territory.url).content.decode()
        assert "À lire pour ce type de territoire" in html
        for link in links:
            assert f'href="{link.target.url}"' in html
    assert len(kinds) >= 4


def test_every_territory_links_to_the_one_page_on_who_cooperates(client, french, english):
    actors_page = CooperatingActorsPage.objects.get(locale=french)
    english_actors = CooperatingActorsPage.objects.get(locale=english)
    for territory in TerritoryPage.objects.live().filter(locale=french):
        assert f'href="{actors_page.url}"' in client.get(territory.url).content.decode()
    for territory in TerritoryPage.objects.live().filter(locale=english):
        assert f'href="{english_actors.url}"' in client.get(territory.url).content.decode()
    page = client.get(english_actors.url).content.decode()
    assert "Specialised prevention" in page and "Social mediation" in page
    assert "Who cooperates?" in page


def test_territory_pages_no_longer_say_not_specified(client, french, english):
    for territory in TerritoryPage.objects.live().filter(locale__in=[french, english]):
        text = text_of(client.get(territory.url).content.decode())
        assert "non précisé" not in text.lower() and "not specified" not in text.lower(), territory.slug
