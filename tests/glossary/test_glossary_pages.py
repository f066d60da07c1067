"""The glossary as readers see it: pages, linking in content, drafts and locales, JSON-LD, queries."""

import json
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from glossary.models import GlossaryIndexPage, GlossaryTermPage
from hub.content_cache import content_changed
from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def jsonld(html):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


def test_the_glossary_has_every_term_of_the_seed(french):
    slugs = set(GlossaryTermPage.objects.live().filter(locale=french).values_list("slug", flat=True))
    required = {
        "cnlaps", "anct", "dgcs", "sg-cipdr", "pre", "aap", "ip", "cite-educative", "prevention-specialisee",
        "mediation-sociale", "politique-de-la-ville", "contrat-de-ville", "aller-vers", "logique-de-guichet",
        "libre-adhesion", "pouvoir-dagir", "acteur-de-son-parcours", "sortie-seche", "orientation",
        "accompagnement", "diagnostic-partage", "instance-de-pilotage", "mode-projet", "intuitu-personae",
        "plan-pauvrete", "ase", "pjj", "aemo", "ccas", "caf", "mdph", "qpv", "clspd", "epci", "mission-locale",
        "cej", "pmi", "mecs", "paej", "dees", "deme", "caferuis",
    }  # fmt: skip
    assert required <= slugs
    assert len(slugs) >= 150


def test_glossary_page_lists_terms_a_to_z_with_schema_org(client):
    html = client.get("/fr/glossaire/").content.decode()
    assert 'href="#lettre-p"' in html
    data = jsonld(html)
    assert data["@type"] == "DefinedTermSet"
    names = [term["name"] for term in data["hasDefinedTerm"]]
    assert "PRE" in names
    assert all(term["@type"] == "DefinedTerm" for term in data["hasDefinedTerm"])


def test_glossary_filters_by_domain_kind_letter_and_text(client, french):
    html = client.get("/fr/glossaire/?kind=expression").content.decode()
    assert 'href="/fr/glossaire/libre-adhesion/"' in html
    assert ">PRE</abbr>" not in html
    html = client.get("/fr/glossaire/?domain=justice-mineurs").content.decode()
    assert ">PJJ</abbr>" in html
    assert ">CAF</abbr>" not in html
    html = client.get("/fr/glossaire/?letter=Q").content.decode()
    assert ">QPV</abbr>" in html
    assert ">PRE</abbr>" not in html
    html = client.get("/fr/glossaire/?q=reussite+educative").content.decode()
    assert ">PRE</abbr>" in html


def test_term_page_shows_definition_related_terms_usage_and_schema_org(client):
    html = client.get("/fr/glossaire/pre/").content.decode()
    assert "Programme de réussite éducative" in html
    assert "Termes liés" in html
    assert "Où ce terme apparaît" in html
    assert "/fr/perspectives/gouvernance-integree/" in html
    data = jsonld(html)
    assert data["@type"] == "DefinedTerm"
    assert data["name"] == "PRE"
    assert data["inDefinedTermSet"]["@type"] == "DefinedTermSet"


def test_english_term_pages_give_the_english_explanation(client):
    html = client.get("/en/glossary/pre/").content.decode()
    assert '<html lang="en">' in html
    assert "Educational Success Programme" in html


def test_content_pages_link_the_terms_they_use(client):
    html = client.get("/fr/perspectives/gouvernance-integree/").content.decode()
    assert 'class="term-link" href="/fr/glossaire/pre/"' in html
    assert '<abbr title="Programme de réussite éducative">PRE</abbr>' in html


def test_editors_can_turn_linking_off_per_page(client, french):
    page = PracticePage.objects.get(slug="annuaire-des-acteurs", locale=french)
    assert "term-link" in client.get(page.url).content.decode()
    page.link_glossary_terms = False
    page.save_revision().publish()
    assert "term-link" not in client.get(page.url).content.decode()


def test_a_draft_term_is_never_shown_linked_or_decoded(client, french):
    index = GlossaryIndexPage.objects.get(locale=french)
    draft = GlossaryTermPage(title="ZORGLUB", slug="zorglub", definition="Un terme en brouillon.", live=False)
    index.add_child(instance=draft)
    draft.save_revision()
    page = PracticePage.objects.get(slug="annuaire-des-acteurs", locale=french)
    page.listing_summary = "Le ZORGLUB est partout."
    page.save_revision().publish()

    assert client.get("/fr/glossaire/zorglub/").status_code == 404
    assert "ZORGLUB" not in client.get("/fr/glossaire/").content.decode()
    assert "/fr/glossaire/zorglub/" not in client.get(page.url).content.decode()
    decoded = client.post("/api/glossary/decode/", {"text": "Le ZORGLUB"}, content_type="application/json").json()
    assert decoded == {"terms": []}
    assert client.get("/api/glossary/terms/?locale=fr&q=zorglub").json()["count"] == 0


def test_publishing_and_unpublishing_a_term_rebuilds_the_matcher(client, french):
    index = GlossaryIndexPage.objects.get(locale=french)
    term = GlossaryTermPage(title="ZORGLUB", slug="zorglub", definition="Un terme publié pour le test.")
    index.add_child(instance=term)
    term.save_revision().publish()
    decoded = client.post("/api/glossary/decode/", {"text": "Le ZORGLUB"}, content_type="application/json").json()
    assert [item["term"] for item in decoded["terms"]] == ["ZORGLUB"]
    term.unpublish()
    decoded = client.post("/api/glossary/decode/", {"text": "Le ZORGLUB"}, content_type="application/json").json()
    assert decoded == {"terms": []}


def test_terms_of_another_locale_are_never_linked(client):
    decoded = client.post(
        "/api/glossary/decode/",
        {"text": "Educational Success Programme", "locale": "fr"},
        content_type="application/json",
    ).json()
    assert decoded == {"terms": []}
    decoded = client.post(
        "/api/glossary/decode/",
        {"text": "Educational Success Programme", "locale": "en"},
        content_type="application/json",
    ).json()
    assert [item["term"] for item in decoded["terms"]] == ["PRE"]


def count_queries(client, url):
    content_changed()  # rendered from scratch: no page or fragment of it in the cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_glossary_page_queries_do_not_grow_with_the_number_of_terms(client, french):
    index = GlossaryIndexPage.objects.get(locale=french)
    client.get("/fr/glossaire/")
    before = count_queries(client, "/fr/glossaire/")
    for number in range(40):
        term = GlossaryTermPage(title=f"TERME{number}", slug=f"terme-{number}", definition="Un terme de plus.")
        index.add_child(instance=term)
        term.save_revision().publish()
    after = count_queries(client, "/fr/glossaire/")
    assert after == before


def test_decoder_page_highlights_and_explains(client):
    response = client.get("/fr/glossaire/decodeur/")
    assert response.status_code == 200
    html = client.post("/fr/glossaire/decodeur/", {"text": "Le PRE travaille avec la <b>PJJ</b>."}).content.decode()
    assert '<mark><a href="/fr/glossaire/pre/#definition"' in html
    assert "&lt;b&gt;" in html, "the pasted text is escaped"
    assert "2 termes reconnus" in html
    assert client.get("/en/glossary/decoder/").status_code == 200


def test_decoder_page_refuses_an_overlong_text_clearly(client):
    response = client.post("/fr/glossaire/decodeur/", {"text": "a" * 100_001})
    assert response.status_code == 413
    assert "trop long" in response.content.decode()


def test_flashcards_show_a_term_and_hide_its_meaning_until_revealed(client):
    html = client.get("/fr/glossaire/reviser/?terme=pre").content.decode()
    assert '<h2 id="flashcard-term" class="flashcard__term">PRE</h2>' in html
    assert "<details" in html
    assert client.get("/en/glossary/flashcards/").status_code == 200


def test_the_listing_json_ld_gives_each_term_its_name_and_url_only(client):
    html = client.get("/fr/glossaire/").content.decode()
    data = jsonld(html)
    assert len(data["hasDefinedTerm"]) >= 150
    assert all(set(term) == {"@type", "name", "url"} for term in data["hasDefinedTerm"])
    pre = next(term for term in data["hasDefinedTerm"] if term["name"] == "PRE")
    assert pre["url"].endswith("/fr/glossaire/pre/")


def test_the_term_page_json_ld_keeps_the_full_description(client):
    data = jsonld(client.get("/fr/glossaire/pre/").content.decode())
    assert data["alternateName"] == "Programme de réussite éducative"
    assert data["description"].startswith("Programme de la politique de la ville")


def test_letters_without_terms_are_shown_but_inert(client):
    html = client.get("/fr/glossaire/?q=reussite+educative").content.decode()
    letters = re.search(r'<nav class="alphabet".*?</nav>', html, re.S).group()
    assert '<a class="alphabet__letter" href="#lettre-p">P</a>' in letters
    assert '<li aria-hidden="true"><span class="alphabet__letter alphabet__letter--empty">A</span></li>' in letters
    assert 'href="#lettre-a"' not in letters
    assert len(re.findall(r"<li", letters)) == 27, "every letter A to Z and # is shown"


def test_the_folded_filters_open_and_count_themselves_when_one_is_active(client):
    plain = client.get("/fr/glossaire/").content.decode()
    assert re.search(r'<details class="glossary-filters__more js-glossary-filters-more">', plain)
    filtered = client.get("/fr/glossaire/?domain=justice-mineurs&kind=institution").content.decode()
    assert '<details class="glossary-filters__more js-glossary-filters-more" open>' in filtered
    assert '<span class="glossary-filters__active">2 actifs</span>' in filtered


def test_the_decoder_results_heading_takes_the_focus_and_says_the_count(client):
    html = client.post("/fr/glossaire/decodeur/", {"text": "Le PRE et le CLSPD dans le QPV."}).content.decode()
    heading = re.search(r"<h2[^>]*id=\"decoder-results\"[^>]*>(.*?)</h2>", html, re.S)
    assert 'tabindex="-1"' in heading.group()
    assert heading.group(1) == "3 termes reconnus"
    assert "glossary/js/decoder.js" in html
    assert html.count('<li class="decoder-term">') == 3


def test_the_decoder_text_box_is_described_by_its_character_count(client):
    html = client.post("/fr/glossaire/decodeur/", {"text": "Le PRE."}).content.decode()
    assert 'aria-describedby="decoder-help decoder-count"' in html
    count = re.search(r'<p id="decoder-count"[^>]*>(.*?)</p>', html).group(1)
    assert count == "Caractères : 7 sur 100\xa0000"


def test_the_term_page_puts_related_terms_usage_and_source_in_an_aside(client):
    html = client.get("/fr/glossaire/pre/").content.decode()
    aside = re.search(r"<aside.*?</aside>", html, re.S).group()
    assert 'href="/fr/glossaire/qpv/"' in aside
    assert "Où ce terme apparaît" in aside
    assert "Loi de programmation pour la cohésion sociale" in aside


def test_an_english_term_page_lists_the_english_modules_that_use_the_term(client):
    html = client.get("/en/glossary/pre/").content.decode()
    aside = re.search(r'<section class="aside-box" aria-labelledby="modules">.*?</section>', html, re.S).group()
    assert re.search(r'<a href="/en/training-modules/[^"]+">', aside)
    assert "/fr/" not in aside
    assert "(in French)" not in aside


def test_content_pages_never_link_terms_in_theme_chips_or_fact_labels(client):
    practice = client.get("/fr/bonnes-pratiques/diagnostic-partage-des-partenariats/").content.decode()
    chips = re.search(r'<ul class="tag-list".*?</ul>', practice, re.S).group()
    assert "interconnaissance" in chips
    assert "term-link" not in chips
    territory = client.get("/fr/territoires/brest/").content.decode()
    labels = re.findall(r"<dt>(.*?)</dt>", territory, re.S)
    assert "Type de territoire" in labels, "the fact label is there, as plain text"


FRENCH_UI = [
    "Décoder un texte", "Se tester avec des fiches", "Chercher un terme", "Domaine et nature", "Filtrer",
    "termes", "Caractères", "Texte à décoder", "termes reconnus", "Votre texte", "Les termes expliqués",
    "Révéler la réponse", "Terme suivant", "Que veut dire", "Fiches vues", "Lire la fiche", "Termes liés",
    "Où ce terme apparaît", "Autour de ce terme", "Retour au glossaire",
]  # fmt: skip


@pytest.mark.parametrize(
    ("method", "url", "data"),
    [
        ("get", "/en/glossary/?domain=justice-mineurs", None),
        ("get", "/en/glossary/pre/", None),
        ("post", "/en/glossary/decoder/", {"text": "The PRE and the CLSPD."}),
        ("get", "/en/glossary/flashcards/?term=clspd", None),
    ],
)
def test_english_glossary_pages_show_no_french_interface_text(client, method, url, data):
    html = getattr(client, method)(url, data).content.decode()
    assert [text for text in FRENCH_UI if text in html] == []
