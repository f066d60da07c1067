"""The home page: what the site is for, a search box of its own, the three tools before the sections."""

from html.parser import HTMLParser

from wagtail.models import Locale

import pytest

from glossary.models import GlossaryIndexPage
from hub.models import HomePage, SiteIdentity
from practices.models import PracticeIndexPage, PracticePage, TrainingModuleIndexPage

pytestmark = pytest.mark.django_db

LANGUAGES = ["fr", "en"]


class Outline(HTMLParser):
    """The text of the main content's H1, the search landmarks and their names, and the links of <main>."""

    def __init__(self):
        super().__init__()
        self.h1 = None
        self.in_h1 = self.in_main = False
        self.search_landmarks = []  # (name, id of the form)
        self.main_links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self.in_main = True
        if tag == "h1":
            self.in_h1, self.h1 = True, ""
        if attrs.get("role") == "search" or tag == "search":
            self.search_landmarks.append((attrs.get("aria-label") or attrs.get("aria-labelledby"), attrs))
        if tag == "a" and self.in_main and attrs.get("href"):
            self.main_links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "h1":
            self.in_h1 = False
        if tag == "main":
            self.in_main = False

    def handle_data(self, data):
        if self.in_h1:
            self.h1 += data


def read_home(client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    outline = Outline()
    outline.feed(response.content.decode())
    return outline


def home(language):
    return HomePage.objects.get(locale__language_code=language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_heading_says_what_the_site_is_for_not_just_its_name(client, language):
    outline = read_home(client, language)
    heading = " ".join(outline.h1.split())
    assert heading == home(language).headline
    assert heading != SiteIdentity.load().site_name
    assert len(heading.split()) >= 5


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_three_tools_come_before_the_sections(client, language):
    outline = read_home(client, language)
    locale = Locale.objects.get(language_code=language)
    glossary = GlossaryIndexPage.objects.get(locale=locale)
    tools = [glossary.url, glossary.decoder_url(), TrainingModuleIndexPage.objects.get(locale=locale).url]
    first_section = outline.main_links.index(PracticeIndexPage.objects.get(locale=locale).url)
    for tool in tools:
        assert tool in outline.main_links, tool
        assert outline.main_links.index(tool) < first_section, tool


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_search_is_a_landmark_with_its_own_name(client, language):
    outline = read_home(client, language)
    names = [name for name, _attrs in outline.search_landmarks]
    home_forms = [attrs for _name, attrs in outline.search_landmarks if attrs.get("class") == "home__search"]
    assert len(home_forms) == 1
    name = home_forms[0].get("aria-label")
    assert name
    assert names.count(name) == 1  # the header's search box is named otherwise


def test_an_english_reader_is_told_how_many_french_only_practices_there_are(client):
    html = client.get("/en/").content.decode()
    practices = PracticePage.objects.live().public().filter(locale__language_code="fr").count()
    assert practices > 0
    assert f"{practices} good practices" in html


def test_the_footer_pages_are_not_offered_as_pages_about_the_research(client):
    identity = SiteIdentity.load()
    legal = identity.legal_notice_page
    assert legal is not None
    html = client.get("/fr/").content.decode()
    about = html.split('id="about-title"', 1)[1].split("</section>", 1)[0]
    assert legal.url not in about
    assert "/fr/la-recherche-action/" in about
