"""Every page type renders with the research-action's content, and the home page leads to all of it."""

import re

from django.utils.html import escape

from wagtail.models import Locale, Page

import pytest

from glossary.models import GlossaryTermPage
from hub.models import ContentPage, HomePage
from practices.models import ObstaclePage, PerspectivePage, PracticePage, TrainingModulePage
from territories.models import TerritoryPage

pytestmark = pytest.mark.django_db

PAGE_TYPES_AND_MARKERS = [
    (HomePage, "Les six territoires"),
    (ContentPage, "recherche-action"),
    (TerritoryPage, "Département"),
    (PracticePage, "Le problème"),
    (PerspectivePage, "Les actions"),
    (ObstaclePage, "Les pratiques qui y répondent"),
    (TrainingModulePage, "Testez vos connaissances"),
    (GlossaryTermPage, "Source"),
]


@pytest.mark.parametrize(("model", "marker"), PAGE_TYPES_AND_MARKERS)
def test_every_page_type_renders_its_content(client, french, model, marker):
    page = model.objects.live().filter(locale=french).first()
    assert page is not None, f"the loaded content has no {model.__name__}"
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert marker in html
    assert page.title.replace("'", "&#x27;") in html


def test_the_research_action_is_all_there(french):
    assert TerritoryPage.objects.live().filter(locale=french).count() == 6
    assert PerspectivePage.objects.live().filter(locale=french).count() == 8
    assert PracticePage.objects.live().filter(locale=french).count() >= 12
    assert ObstaclePage.objects.live().filter(locale=french).count() >= 8
    assert TrainingModulePage.objects.live().filter(locale=french).count() >= 4
    numbers = sorted(PerspectivePage.objects.filter(locale=french).values_list("number", flat=True))
    assert numbers == list(range(1, 9))
    departments = set(TerritoryPage.objects.filter(locale=french).values_list("department_number", flat=True))
    assert departments == {"13", "29", "80", "57", "42", "78"}


def links_in(html):
    return set(re.findall(r'href="(/[^"#?]*)"', html))


@pytest.mark.parametrize("model", [TerritoryPage, PerspectivePage, PracticePage, ObstaclePage, TrainingModulePage])
def test_every_content_page_is_two_clicks_from_the_home_page(client, french, model):
    home_links = links_in(client.get("/fr/").content.decode())
    second_level = set()
    for url in home_links:
        if url.startswith("/fr/"):
            second_level |= links_in(client.get(url).content.decode())
    for page in model.objects.live().filter(locale=french):
        assert page.url in home_links | second_level, f"{page.url} is more than two clicks away"


def test_translated_pages_are_real_wagtail_localize_translations(client, english):
    from wagtail_localize.models import Translation

    for territory in TerritoryPage.objects.filter(locale=english):
        source = territory.get_translation(Page.objects.get(pk=territory.pk).locale.get_default())
        assert Translation.objects.filter(source__object_id=source.translation_key, target_locale=english).exists()
    brest = client.get("/en/territories/brest/").content.decode()
    assert "Finistère" in brest
    assert "<h1>Brest</h1>" in brest


def test_an_english_listing_offers_pages_that_are_only_in_french(client, untranslated_practice):
    html = client.get("/en/good-practices/").content.decode()
    assert 'href="/en/good-practices/fiche-sans-traduction/"' in html
    assert 'lang="fr"' in html


def test_an_untranslated_page_is_read_in_french_with_a_notice_never_a_404(client, untranslated_practice):
    response = client.get("/en/good-practices/fiche-sans-traduction/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "This page has not been translated yet" in html
    assert '<h1 lang="fr">Fiche encore sans traduction</h1>' in html
    assert '<div class="rich-text" lang="fr"><p>Les acteurs ne se connaissent pas toujours' in html
    assert '<h2 id="problem">The problem</h2>' in html  # the template's words stay in English
    assert client.get("/en/good-practices/no-such-practice/").status_code == 404


def test_a_page_gives_a_ready_citation_of_itself_in_the_readers_language(client, french, english):
    practice = PracticePage.objects.live().filter(locale=french).order_by("path").first()
    html = client.get(practice.url).content.decode()
    box = re.search(r'<section class="cite-page".*?</section>', html, re.S).group()
    published = practice.last_published_at
    assert f"«\u00a0<span>{escape(practice.title)}</span>\u00a0». Coopérer [en ligne]." in box
    assert f"Publié le {published.day} " in box and f" {published.year}." in box
    assert f"Disponible sur : {practice.full_url}" in box
    translation = practice.get_translation(english)
    english_box = re.search(
        r'<section class="cite-page".*?</section>', client.get(translation.url).content.decode(), re.S
    )
    assert "Cite this page" in english_box.group()
    assert f"“<span>{escape(translation.title)}</span>”. Coopérer [online]." in english_box.group()
    assert f"Available at: {translation.full_url}" in english_box.group()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_practice_lists_each_related_page_once_in_the_readers_language(client, language):
    practice = PracticePage.objects.get(locale__language_code="fr", slug="diagnostic-partage-des-partenariats")
    page = practice.get_translation(Locale.objects.get(language_code=language))
    html = client.get(page.url).content.decode()
    for anchor in ("obstacles", "modules", "perspectives"):
        section = re.search(rf'<section aria-labelledby="{anchor}">.*?</section>', html, re.S).group()
        links = re.findall(r'<a href="([^"]+)"', section)
        assert links, anchor
        assert len(links) == len(set(links)), anchor
        assert all(link.startswith(f"/{language}/") for link in links), anchor
