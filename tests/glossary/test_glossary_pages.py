"""The glossary as readers see it: pages, linking in content, drafts and locales, JSON-LD, queries."""

import json
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from glossary.models import GlossaryIndexPage, GlossaryTermPage
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
    html = client.get("/fr/glossaire/?kind=diplome").content.decode()
    assert ">DEES</abbr>" in html
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
