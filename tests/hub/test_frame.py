"""The frame of every page: header, footer and its three pages, the site map, and the long pages' aside."""

from html.parser import HTMLParser

from django.template import Context, Template

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

import pytest

from glossary.models import GlossaryIndexPage
from hub.content_io import rich_text as mini_format
from hub.models import HomePage, SiteIdentity, SitemapPage
from hub.models.site_settings import AccessibilityStatus
from territories.models import TerritoryPage

pytestmark = pytest.mark.django_db

FOOTER_PAGES = {
    "fr": {"Mentions légales": "/fr/mentions-legales/", "Plan du site": "/fr/plan-du-site/"},
    "en": {"Legal notice": "/en/legal-notice/", "Site map": "/en/site-map/"},
}
ACCESSIBILITY_URLS = {"fr": "/fr/accessibilite/", "en": "/en/accessibility/"}
RGAA_SECTIONS = {
    "fr": [
        "État de conformité",
        "Résultats des tests",
        "Contenus non accessibles",
        "Établissement de cette déclaration",
        "Retour d'information et contact",
        "Voies de recours",
    ],
    "en": [
        "Compliance status",
        "Test results",
        "Non-accessible content",
        "Preparation of this statement",
        "Feedback and contact",
        "Remedies",
    ],
}
SITEMAP_URLS = {"fr": "/fr/plan-du-site/", "en": "/en/site-map/"}


class Page_(HTMLParser):
    """What these tests read in a page: landmarks, headings, links, and where each one is."""

    def __init__(self):
        super().__init__()
        self.stack = []
        self.links = []  # (href, text, attrs, classes of the open elements)
        self.headings = []  # (level, id, text, classes of the open elements)
        self.search_landmarks = []  # (aria-label, classes of the open elements)
        self._text = None

    def classes(self):
        return {name for _tag, attrs in self.stack for name in (attrs.get("class") or "").split()} | {
            tag for tag, _attrs in self.stack
        }

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("role") == "search":
            self.search_landmarks.append((attrs.get("aria-label"), self.classes()))
        if tag in ("a", "h2", "h3"):
            self._text = (tag, attrs, self.classes(), [])
        if tag not in ("br", "img", "input", "link", "meta", "source", "circle", "path"):
            self.stack.append((tag, attrs))

    def handle_endtag(self, tag):
        if self._text and self._text[0] == tag:
            name, attrs, classes, parts = self._text
            text = " ".join("".join(parts).split())
            if name == "a":
                self.links.append((attrs.get("href"), text, attrs, classes))
            else:
                self.headings.append((name, attrs.get("id"), text, classes))
            self._text = None
        for depth in range(len(self.stack) - 1, -1, -1):
            if self.stack[depth][0] == tag:
                del self.stack[depth:]
                break

    def handle_data(self, data):
        if self._text:
            self._text[3].append(data)


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parsed = Page_()
    parsed.feed(response.content.decode())
    return parsed


def footer_links(parsed):
    return {text: href for href, text, _attrs, classes in parsed.links if "site-footer__nav" in classes}


# Footer -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "en"])
def test_footer_links_to_the_legal_notice_and_site_map_in_the_readers_language(client, language):
    links = footer_links(
        read(client, f"/{language}/territoires/brest/" if language == "fr" else "/en/territories/brest/")
    )
    for label, url in FOOTER_PAGES[language].items():
        assert links.get(label) == url
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("language", ["fr", "en"])
def test_footer_links_to_the_accessibility_statement_with_its_conformity_status(client, language):
    links = footer_links(read(client, f"/{language}/"))
    label = "Accessibilité : non conforme" if language == "fr" else "Accessibility: not compliant"
    assert links.get(label) == ACCESSIBILITY_URLS[language]
    assert client.get(ACCESSIBILITY_URLS[language]).status_code == 200


def test_footer_status_follows_the_site_settings(client):
    identity = SiteIdentity.load()
    identity.accessibility_status = AccessibilityStatus.PARTIAL
    identity.save()
    assert "Accessibilité : partiellement conforme" in footer_links(read(client, "/fr/"))


def test_footer_expands_the_publishers_acronym(client):
    html = client.get("/fr/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert "Comité national de liaison des acteurs de la prévention spécialisée (<abbr" in footer
    assert ">CNLAPS</abbr>" in footer


def test_footer_has_no_link_to_a_page_unset_in_the_settings(client):
    identity = SiteIdentity.load()
    identity.sitemap_page = None
    identity.save()
    assert "Plan du site" not in footer_links(read(client, "/fr/"))


# Legal pages ------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "en"])
def test_accessibility_statement_has_the_rgaa_sections_in_order(client, language):
    parsed = read(client, ACCESSIBILITY_URLS[language])
    main_h2 = [
        text for level, _id, text, classes in parsed.headings if level == "h2" and "layout-with-aside__main" in classes
    ]
    assert main_h2 == RGAA_SECTIONS[language]


def test_accessibility_statement_declares_the_status_and_the_free_postal_address(client):
    html = client.get("/fr/accessibilite/").content.decode()
    assert "<b>non conforme</b>" in html
    assert "Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07" in html
    assert 'href="https://formulaire.defenseurdesdroits.fr/"' in html
    assert "26 novembre 2026" in html


def test_legal_notice_shows_the_operator_details_only_once_filled_in(client):
    assert "site-details" not in client.get("/fr/mentions-legales/").content.decode()
    identity = SiteIdentity.load()
    identity.publication_director = "Camille Exemple"
    identity.host = "Hébergeur Exemple\n1 rue de l'Exemple"
    identity.save()
    html = client.get("/fr/mentions-legales/").content.decode()
    assert "<dt>Direction de la publication</dt><dd>Camille Exemple</dd>" in html
    assert "<dt>Hébergeur</dt><dd>Hébergeur Exemple<br>1 rue de l" in html
    assert "<dt>Éditeur</dt>" not in html


def test_accessibility_contact_uses_the_site_contact_address(client):
    assert "mailto:" not in client.get("/en/accessibility/").content.decode()
    identity = SiteIdentity.load()
    identity.contact_email = "contact@example.org"
    identity.save()
    assert 'href="mailto:contact@example.org"' in client.get("/en/accessibility/").content.decode()


def test_mini_format_links_only_to_web_addresses():
    assert mini_format("Voir [le formulaire](https://example.org/f).") == (
        '<p>Voir <a href="https://example.org/f">le formulaire</a>.</p>'
    )
    assert "<a" not in mini_format("[clic](javascript:alert(1))")


# Site map ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fr", "en"])
def test_site_map_lists_every_section_of_the_readers_language(client, language):
    home = HomePage.objects.get(locale__language_code=language)
    sections = {page.url for page in home.get_children().live().public()}
    hrefs = {
        href
        for href, _text, _attrs, classes in read(client, SITEMAP_URLS[language]).links
        if "sitemap__sections" in classes
    }
    assert len(sections) >= 10
    assert sections <= hrefs


def test_site_map_lists_the_pages_of_a_section(client):
    hrefs = {href for href, *_rest in read(client, "/fr/plan-du-site/").links}
    territories = TerritoryPage.objects.filter(locale__language_code="fr").live()
    assert len(territories) == 6
    assert {page.url for page in territories} <= hrefs


def test_site_map_counts_the_glossary_terms_and_lists_its_tools(client):
    glossary = GlossaryIndexPage.objects.get(locale__language_code="fr")
    parsed = read(client, "/fr/plan-du-site/")
    texts = {href: text for href, text, *_rest in parsed.links}
    term_urls = {term.url for term in glossary.terms()}
    assert len(term_urls) > SitemapPage.max_listed_children
    assert not term_urls & set(texts)
    assert texts[glossary.url] == f"Les {len(term_urls)} pages de la rubrique, de A à Z"
    assert texts["/fr/glossaire/decodeur/"] == "Décodeur de jargon"
    assert texts["/fr/glossaire/reviser/"] == "Se tester avec des fiches"


def test_site_map_marks_pages_not_yet_translated(client, untranslated_practice):
    page = untranslated_practice
    links = {href: attrs for href, _text, attrs, _classes in read(client, "/en/site-map/").links}
    assert links[page.url].get("lang") == "fr"


class SitemapAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.login()
        self.home = HomePage.objects.get(locale__language_code="fr")

    def test_only_one_site_map_per_home_page(self):
        self.assertFalse(SitemapPage.can_create_at(self.home))

    def test_an_editor_can_create_the_site_map(self):
        SitemapPage.objects.child_of(self.home).delete()
        data = nested_form_data({"title": "Plan", "slug": "plan", "intro": rich_text("<p>Tout le site.</p>")})
        self.assertCanCreate(self.home, SitemapPage, data)


# Header -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "name"),
    [("/fr/", "Rechercher dans le site"), ("/en/territories/brest/", "Search the site")],
)
def test_header_search_is_a_named_landmark(client, url, name):
    landmarks = read(client, url).search_landmarks
    assert [label for label, classes in landmarks if "site-header" in classes] == [name]


@pytest.mark.parametrize("url", ["/fr/", "/fr/recherche/?q=pr%C3%A9vention", "/fr/glossaire/", "/en/search/?q=youth"])
def test_no_page_has_an_unnamed_or_repeated_search_landmark(client, url):
    names = [label for label, _classes in read(client, url).search_landmarks]
    assert all(names)
    assert len(names) == len(set(names))


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        (
            "fr",
            ["Glossaire", "Territoires", "Perspectives", "Bonnes pratiques", "Freins", "Formation", "Recherche-action"],
        ),
        (
            "en",
            ["Glossary", "Territories", "Perspectives", "Good practices", "Obstacles", "Training", "Action research"],
        ),
    ],
)
def test_main_navigation_uses_the_short_menu_titles(client, language, labels):
    links = [text for _href, text, _attrs, classes in read(client, f"/{language}/").links if "main-nav" in classes]
    assert links == labels


def test_menu_button_controls_the_navigation(client):
    html = client.get("/fr/").content.decode()
    # Closed from the first paint (nothing moves when menu.js runs); no-script.css opens it without JS.
    assert (
        '<button type="button" class="menu-button js-menu-button" aria-controls="site-menu" aria-expanded="false">'
        in html
    )
    assert "hub/css/no-script" in html
    assert '<div class="site-header__menu" id="site-menu">' in html
    assert "hub/js/menu" in html


def test_wordmark_is_the_home_link_with_an_accessible_name(client):
    parsed = read(client, "/en/perspectives/")
    html = client.get("/en/perspectives/").content.decode()
    assert ("/en/", "", {"class": "site-header__brand", "href": "/en/"}) in [
        (href, text, attrs) for href, text, attrs, _classes in parsed.links
    ]
    assert 'alt="Coopérer, home"' in html


# The aside of long pages ------------------------------------------------------------------------


def toc_entries(parsed, container):
    return [
        (href, text) for href, text, _attrs, classes in parsed.links if container in classes and "toc__list" in classes
    ]


@pytest.mark.parametrize("url", ["/fr/territoires/brest/", "/en/territories/brest/"])
def test_on_this_page_lists_the_h2_headings_of_a_territory(client, url):
    parsed = read(client, url)
    headings = [
        (f"#{anchor}", text)
        for level, anchor, text, classes in parsed.headings
        if level == "h2" and "layout-with-aside__main" in classes
    ]
    assert len(headings) >= 4
    assert toc_entries(parsed, "toc") == headings
    assert toc_entries(parsed, "toc-fold") == headings


def test_territory_facts_are_in_the_aside(client):
    html = client.get("/fr/territoires/brest/").content.decode()
    aside = html[html.index('<aside class="layout-with-aside__aside">') : html.index("</aside>")]
    assert "<dt>Département</dt><dd>Finistère (29)</dd>" in aside


@pytest.mark.parametrize(
    "url",
    [
        "/fr/bonnes-pratiques/articulation-des-instances/",
        "/fr/perspectives/gouvernance-integree/",
        "/fr/freins/cadres-peu-formes-a-la-cooperation/",
        "/fr/modules-de-formation/conduire-un-diagnostic-partage/",
        "/fr/a-propos/",
    ],
)
def test_long_pages_have_the_aside_layout(client, url):
    parsed = read(client, url)
    assert toc_entries(parsed, "toc"), url


def test_outline_gives_every_h2_an_id_once():
    html = Template(
        "{% load hub_tags %}{% outline body as outline %}{{ outline.html }}|"
        "{% for h in outline.headings %}{{ h.id }}={{ h.text }};{% endfor %}"
    ).render(Context({"body": '<h2 id="a">Un</h2><h2>Deux <em>mots</em></h2><h2>Deux mots</h2><h3>Pas moi</h3>'}))
    assert html == (
        '<h2 id="a">Un</h2><h2 id="deux-mots">Deux <em>mots</em></h2><h2 id="deux-mots-2">Deux mots</h2>'
        "<h3>Pas moi</h3>|a=Un;deux-mots=Deux mots;deux-mots-2=Deux mots;"
    )


def test_new_pages_are_not_in_the_main_navigation():
    home = HomePage.objects.get(locale__language_code="fr")
    in_menu = {page.slug for page in home.get_children().in_menu()}
    assert not in_menu & {"mentions-legales", "accessibilite", "plan-du-site"}
    assert isinstance(Page.objects.get(url_path="/accueil/plan-du-site/").specific, SitemapPage)


def test_the_linker_leaves_the_page_kicker_alone(client):
    html = client.get("/fr/freins/cadres-peu-formes-a-la-cooperation/").content.decode()
    kicker = html[html.index('<p class="page-header__kicker">') :]
    assert kicker[: kicker.index("</p>")] == '<p class="page-header__kicker">Frein à la coopération'
    assert 'class="term-link"' in html


def test_breadcrumbs_of_a_page_not_yet_translated_go_through_the_readers_sections(client, untranslated_practice):
    parsed = read(client, "/en/good-practices/fiche-sans-traduction/")
    crumbs = [(href, text) for href, text, _attrs, classes in parsed.links if "breadcrumbs" in classes]
    assert crumbs == [("/en/", "Coopérer"), ("/en/good-practices/", "Good practices")]
    html = client.get("/en/good-practices/fiche-sans-traduction/").content.decode()
    assert '<span aria-current="page" lang="fr">Fiche encore sans traduction' in html
