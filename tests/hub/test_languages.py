"""English everywhere: every page translated, in its own language, reached by the language switcher."""

import re
from html.parser import HTMLParser

from wagtail.models import Page

import pytest

from glossary.models import GlossaryIndexPage, GlossaryTermPage
from hub.models import ContentPage, HomePage, SitemapPage
from practices.models import (
    ObstacleIndexPage,
    ObstaclePage,
    PerspectiveIndexPage,
    PerspectivePage,
    PracticeIndexPage,
    PracticePage,
    TrainingModuleIndexPage,
    TrainingModulePage,
)
from territories.models import TerritoryIndexPage, TerritoryPage

pytestmark = pytest.mark.django_db

PAGE_MODELS = [
    HomePage,
    ContentPage,
    SitemapPage,
    GlossaryIndexPage,
    GlossaryTermPage,
    TerritoryIndexPage,
    TerritoryPage,
    PerspectiveIndexPage,
    PerspectivePage,
    PracticeIndexPage,
    PracticePage,
    ObstacleIndexPage,
    ObstaclePage,
    TrainingModuleIndexPage,
    TrainingModulePage,
]
# French words that English prose does not use: a paragraph with several of them is French.
FRENCH_WORDS = set(
    """le la les des du une est sont dans pour avec sur par qui que ne pas leur leurs entre ces cette
    aux ou au ont été être plus comme mais aussi elle ils nous vous sans tout tous""".split()
)
ENGLISH_WORDS = set("the of and to in is are for with that which their this these from by on not".split())


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda model: model.__name__)
def test_every_live_french_page_has_a_live_english_translation(model, french, english):
    french_keys = set(model.objects.live().filter(locale=french).values_list("translation_key", flat=True))
    english_keys = set(model.objects.live().filter(locale=english).values_list("translation_key", flat=True))
    assert french_keys
    assert french_keys - english_keys == set()


class VisibleText(HTMLParser):
    """The text of <main>, paragraph by paragraph, with the language each one is marked in."""

    BLOCKS = {"p", "li", "h1", "h2", "h3", "dt", "dd", "blockquote", "figcaption", "td", "th", "summary"}
    VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr"}

    def __init__(self, page_language):
        super().__init__()
        self.stack = [page_language]
        self.in_main = False
        self.skip = 0
        self.paragraphs = []
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.in_main = True
        if tag in self.VOID:
            return
        self.stack.append(dict(attrs).get("lang") or self.stack[-1])
        if tag in {"script", "style", "svg"}:
            self.skip += 1
        if tag in self.BLOCKS:
            self.flush()

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if tag in self.BLOCKS:
            self.flush()
        if tag in {"script", "style", "svg"}:
            self.skip -= 1
        if len(self.stack) > 1:
            self.stack.pop()
        if tag == "main":
            self.in_main = False

    def handle_data(self, data):
        if self.in_main and not self.skip and data.strip():
            self.current.append((data, self.stack[-1]))

    def flush(self):
        if self.current:
            self.paragraphs.append(self.current)
        self.current = []


def unmarked_french_paragraphs(html):
    """Paragraphs of an English page that read as French while no element marks them lang="fr"."""
    parser = VisibleText("en")
    parser.feed(html)
    parser.flush()
    found = []
    for paragraph in parser.paragraphs:
        words = [word.lower() for text, language in paragraph if language == "en" for word in re.findall(r"\w+", text)]
        french = sum(word in FRENCH_WORDS for word in words)
        english = sum(word in ENGLISH_WORDS for word in words)
        if french >= 3 and french > english:
            found.append(" ".join(text for text, _language in paragraph)[:160])
    return found


@pytest.mark.parametrize("model", PAGE_MODELS, ids=lambda model: model.__name__)
def test_english_pages_show_no_french_paragraph_outside_an_element_marked_french(client, model, english):
    pages = list(model.objects.live().filter(locale=english).order_by("path")[:3])
    assert pages
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200
        html = response.content.decode()
        assert '<html lang="en"' in html
        assert unmarked_french_paragraphs(html) == [], page.url


def test_the_stop_word_measure_sees_french_prose_on_an_english_page():
    french = "Les acteurs ne sont pas toujours dans les mêmes instances que leurs partenaires."
    html = f"<main><p>The problem</p><p>{french}</p></main>"
    assert unmarked_french_paragraphs(html) == [french]
    marked = html.replace("<p>Les", '<p lang="fr">Les')
    assert unmarked_french_paragraphs(marked) == []


def switcher_link(html, language):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group()
    link = re.search(rf'<a href="([^"]+)" hreflang="{language}"', nav)
    return link.group(1).replace("&amp;", "&") if link else None


def test_the_switcher_goes_to_the_translation_of_a_practice(client, english):
    practice = PracticePage.objects.live().filter(locale__language_code="fr").order_by("path").first()
    translation = practice.get_translation(english)
    assert translation.slug != practice.slug
    assert switcher_link(client.get(practice.url).content.decode(), "en") == translation.url
    assert switcher_link(client.get(translation.url).content.decode(), "fr") == practice.url


def test_the_switcher_goes_to_the_translation_of_a_module(client, english):
    module = TrainingModulePage.objects.live().filter(locale__language_code="fr").order_by("path").first()
    translation = module.get_translation(english)
    assert switcher_link(client.get(module.url).content.decode(), "en") == translation.url


def test_the_switcher_keeps_the_filters_of_a_listing(client):
    html = client.get("/fr/bonnes-pratiques/?stage=1&theme=gouvernance").content.decode()
    assert switcher_link(html, "en") == "/en/good-practices/?stage=1&theme=gouvernance"


def test_the_switcher_goes_from_the_decoder_to_the_decoder_and_from_the_flashcards_to_the_flashcards(client):
    decoder = GlossaryIndexPage.objects.get(locale__language_code="fr")
    english = decoder.get_translation(GlossaryTermPage.objects.filter(locale__language_code="en").first().locale)
    assert switcher_link(client.get(decoder.decoder_url()).content.decode(), "en") == english.decoder_url()
    assert switcher_link(client.get(english.flashcards_url()).content.decode(), "fr") == decoder.flashcards_url()


def test_the_switcher_keeps_the_search_query(client):
    html = client.get("/fr/recherche/?q=m%C3%A9diation&type=term").content.decode()
    assert switcher_link(html, "en") == "/en/search/?q=m%C3%A9diation&type=term"


def test_a_page_without_translation_says_so_instead_of_linking_home(client, untranslated_practice):
    page = untranslated_practice
    html = client.get(page.url).content.decode()
    assert switcher_link(html, "en") is None
    assert 'class="language-switcher__missing"' in html
    assert "pas encore traduite" in html


def test_an_english_page_has_an_english_slug_and_its_old_address_redirects_to_it(client):
    about = ContentPage.objects.get(locale__language_code="en", slug="about")
    response = client.get("/en/a-propos/")
    assert response.status_code == 301
    assert response["Location"] == about.url


def test_the_french_slug_under_an_english_listing_redirects_to_the_english_page(client, english):
    practice = PracticePage.objects.live().filter(locale__language_code="fr").order_by("path").first()
    translation = practice.get_translation(english)
    response = client.get(f"{translation.get_parent().url}{practice.slug}/?from=old")
    assert response.status_code == 301
    assert response["Location"] == f"{translation.url}?from=old"


def test_english_pages_are_served_at_english_addresses(client, english):
    french_slugs = set(Page.objects.filter(locale__language_code="fr").values_list("slug", flat=True))
    for model in (ContentPage, PracticePage, ObstaclePage, TrainingModulePage, PerspectivePage):
        for page in model.objects.live().filter(locale=english):
            assert page.slug not in french_slugs or page.slug == "perspectives", page.url


def test_themes_are_named_in_the_readers_language_on_pages_filters_and_search(client, english):
    practice = PracticePage.objects.get(locale__language_code="fr", slug="diagnostic-partage-des-partenariats")
    french_page = client.get(practice.url).content.decode()
    english_page = client.get(practice.get_translation(english).url).content.decode()
    assert '<li class="tag">diagnostic partagé</li>' in french_page
    assert '<li class="tag">shared assessment</li>' in english_page
    listing = client.get("/en/good-practices/").content.decode()
    assert re.search(r'<option value="diagnostic-partagé">shared assessment \(\d+\)</option>', listing)
    search = client.get("/en/search/?q=cooperation").content.decode()
    assert re.search(r'theme=gouvernance">governance <span class="facet-list__count">', search)
