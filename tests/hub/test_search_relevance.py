"""A relevance test set: what a reader types, and what must come first (or in the first three)."""

import pytest

from hub.search.service import SearchService

pytestmark = pytest.mark.django_db

# (locale, query, expected title, within the first N results)
CASES = [
    ("fr", "PRE", "PRE", 1),
    ("fr", "pre", "PRE", 1),
    ("fr", "programme de réussite éducative", "PRE", 1),
    ("fr", "reussite educative", "PRE", 1),
    ("fr", "AAP", "AAP", 1),
    ("fr", "appels à projets", "AAP", 1),
    ("fr", "ASE", "ASE", 1),
    ("fr", "CNLAPS", "CNLAPS", 1),
    ("fr", "SG-CIPDR", "SG-CIPDR", 1),
    ("fr", "sg cipdr", "SG-CIPDR", 1),
    ("fr", "IP", "IP", 1),
    ("fr", "information préoccupante", "IP", 1),
    ("fr", "mission locale", "Mission locale", 1),
    ("fr", "cite educative", "Cité éducative", 1),
    ("fr", "Cités éducatives", "Cité éducative", 3),
    ("fr", "libre adhesion", "libre adhésion", 1),
    ("fr", "LIBRE-ADHÉSION", "libre adhésion", 1),
    ("fr", "aller vers", "aller-vers", 3),
    ("fr", "sortie seche", "sortie sèche", 1),
    ("fr", "intuitu personae", "intuitu personae", 1),
    ("fr", "prevention specialisee", "prévention spécialisée", 1),
    ("fr", "mediation sociale", "médiation sociale", 1),
    ("fr", "mediation", "médiation sociale", 3),
    ("fr", "médiateurs", "médiation sociale", 3),
    ("fr", "coopérer", "coopération", 3),
    ("fr", "coopération", "coopération", 1),
    ("fr", "Brest", "Brest", 1),
    ("fr", "mantes", "Mantes-la-Jolie", 1),
    ("fr", "la ricamarie", "La Ricamarie", 1),
    ("fr", "forbach", "Forbach / Freyming-Merlebach", 1),
    ("fr", "abbeville", "Abbeville", 1),
    ("fr", "marseille", "Marseille 14e arrondissement", 1),
    ("fr", "diagnostic partagé", "diagnostic partagé", 3),
    ("fr", "logique de guichet", "logique de guichet", 1),
    ("fr", "DEES", "DEES", 1),
    ("fr", "educateur specialise", "éducateur spécialisé", 1),
    ("en", "PRE", "PRE", 1),
    ("en", "educational success programme", "PRE", 1),
    ("en", "Brest", "Brest", 1),
    # English, written against the English content: English words, their roots, the English glossary.
    ("en", "shared assessment", "shared assessment", 1),
    ("en", "shared assessments", "shared assessment", 3),
    ("en", "social mediation", "social mediation", 1),
    ("en", "mediators", "social mediator", 5),
    ("en", "outreach", "outreach (aller-vers)", 1),
    ("en", "information-sharing charter", "information-sharing charter", 1),
    ("en", "drop-in sessions", "drop-in session (permanence)", 3),
    ("en", "partnership agreements", "partnership agreement", 3),
    ("en", "silo thinking", "Silo thinking in public policy", 3),
    ("en", "calls for projects", "AAP", 3),
    ("en", "early school leaving", "early school leaving (décrochage scolaire)", 1),
    ("en", "Mantes", "Mantes-la-Jolie", 1),
    ("en", "specialised educators", "specialised educator (éducateur spécialisé)", 3),
    ("en", "child welfare services", "ASE", 1),
    ("en", "steering committee", "steering committee", 1),
    ("en", "cooperating", "cooperation", 3),
    ("en", "information of concern", "IP", 1),
    ("en", "priority neighbourhood", "QPV", 1),
    ("en", "mutual knowledge", "mutual knowledge (interconnaissance)", 1),
    ("en", "inter-agency training", "inter-agency training", 1),
    ("en", "inter-agency trainings", "Develop inter-agency training", 3),
    ("en", "Marseille", "Marseille, 14th arrondissement", 1),
]

POSTGRES_CASES = [
    ("fr", "coopérations", "coopération", 3),
    ("fr", "diagnostics partagés", "diagnostic partagé", 3),
    ("fr", "éducateurs spécialisés", "éducateur spécialisé", 3),
]


def top_titles(locale, query, count):
    outcome = SearchService(locale).search(query, per_page=count, record=False)
    return [result.title for result in outcome.results]


@pytest.mark.parametrize(("locale", "query", "expected", "within"), CASES)
def test_relevance(locale, query, expected, within):
    titles = top_titles(locale, query, within)
    assert expected in titles, f"{query!r} gave {titles}"


@pytest.mark.postgres_only
@pytest.mark.parametrize(("locale", "query", "expected", "within"), POSTGRES_CASES)
def test_relevance_with_french_stemming(locale, query, expected, within):
    titles = top_titles(locale, query, within)
    assert expected in titles, f"{query!r} gave {titles}"


def test_an_acronym_finds_pages_that_only_spell_it_out(french):
    """Pages that say "programme(s) de réussite éducative" but never "PRE" are found by "PRE"."""
    from wagtail.models import Page

    from hub.text import page_text

    titles = set(top_titles("fr", "PRE", 100))
    spelled_out = [
        page.title
        for page in Page.objects.live().filter(locale=french).specific()
        if "réussite éducative" in page_text(page).lower() and " PRE" not in page_text(page)
    ]
    assert spelled_out, "the content should have such a page"
    assert set(spelled_out) & titles


def test_the_expansion_finds_pages_that_only_say_the_acronym():
    titles = top_titles("fr", "centre communal d'action sociale", 50)
    assert "CCAS" in titles


def test_an_english_word_finds_the_pages_that_use_its_other_forms():
    """No page says "practitioner": the singular finds every page that says "practitioners"."""
    service = SearchService("en")
    singular = {result.url for result in service.search("practitioner", per_page=50, record=False).results}
    plural = {result.url for result in service.search("practitioners", per_page=50, record=False).results}
    assert len(plural) >= 5
    assert singular == plural
