"""The glossary covers what the synthesis uses, classes every acronym as one and cites checkable sources."""

import re

import pytest

from glossary.models import GlossaryTermPage

pytestmark = pytest.mark.django_db

# Notions the synthesis uses that a newcomer must be able to look up (issue 13's list).
SYNTHESIS_TERMS = [
    "recherche-action",
    "dispositif",
    "acteurs-de-deuxieme-cercle",
    "angles-morts",
    "cartographie-des-acteurs",
    "regulateur",
    "commune",
    "etat",
    "coherence-horizontale",
    "coherence-verticale",
    "echelle-de-cooperation",
    "gouvernance-apposee",
    "cycles-de-politiques-publiques",
    "legitimite",
    "courage-managerial",
    "temps-dingenierie",
    "experiences-qualifiantes",
    "formations-interinstitutionnelles",
    "approche-par-les-missions",
    "structure-mono-mission",
    "rapprochement-physique",
    "posture-dinjonction",
    "observation-non-participante",
    "vivre-ensemble",
    "interconnaissance",
    "deets",
    "deaes",
]
ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9&'’ -]*[A-Z0-9]$")


@pytest.mark.parametrize("slug", SYNTHESIS_TERMS)
def test_the_glossary_explains_each_notion_of_the_synthesis_in_both_languages(slug, french, english):
    term = GlossaryTermPage.objects.live().get(locale=french, slug=slug)
    translation = term.get_translation(english)
    assert translation.live
    for page in (term, translation):
        assert page.definition.strip()
        assert len(page.explanation) > 200, page.url
        assert page.source.strip()


def test_the_acronym_filter_lists_every_term_whose_headword_is_an_acronym(client, french):
    acronyms = {
        term.get_url() for term in GlossaryTermPage.objects.live().filter(locale=french) if ACRONYM.match(term.title)
    }
    html = client.get("/fr/glossaire/?kind=acronyme").content.decode()
    listed = set(re.findall(r'<dt class="glossary-list__term"><a href="(/fr/glossaire/[^"]+/)"', html))
    assert len(acronyms) >= 90
    assert listed == acronyms


def test_every_term_has_an_explanation_and_a_source_that_says_where_it_comes_from():
    terms = GlossaryTermPage.objects.live()
    assert [term.url for term in terms if not term.explanation.strip()] == []
    assert [term.source for term in terms if term.source.strip().lower().startswith("usage")] == []
    assert [term.url for term in terms if not term.source.strip()] == []


def test_a_term_page_says_when_the_synthesis_uses_the_term(client, french, english):
    used = GlossaryTermPage.objects.get(locale=french, slug="angles-morts")
    not_used = GlossaryTermPage.objects.get(locale=french, slug="deets")
    assert used.in_seed and not not_used.in_seed
    assert "Terme employé dans la synthèse de la recherche-action" in client.get(used.url).content.decode()
    english_page = client.get(used.get_translation(english).url).content.decode()
    assert "Term used in the synthesis of the action research" in english_page
    assert "Terme employé dans la synthèse" not in client.get(not_used.url).content.decode()


def test_every_explanation_says_whether_it_comes_from_the_synthesis_or_the_editors(client, french, english):
    from hub.provenance import Provenance

    terms = GlossaryTermPage.objects.live().filter(locale=french).exclude(explanation="")
    assert terms.count() > 200
    for term in terms:
        assert term.explanation_provenance in Provenance.values, term.slug
        if term.explanation_provenance == Provenance.SYNTHESIS:
            assert "section «" in term.source, f"{term.slug}: an explanation from the synthesis names its section"
    synthesis_term = terms.get(slug="interconnaissance")
    editorial_term = terms.get(slug="ip")
    assert synthesis_term.explanation_provenance == Provenance.SYNTHESIS
    assert editorial_term.explanation_provenance == Provenance.EDITORIAL
    assert "Explication tirée de la synthèse" in client.get(synthesis_term.url).content.decode()
    assert "Repère de la rédaction : cette explication" in client.get(editorial_term.url).content.decode()
    english_ip = GlossaryTermPage.objects.get(translation_key=editorial_term.translation_key, locale=english)
    assert "Editorial addition: this explanation" in client.get(english_ip.url).content.decode()


def test_ip_is_read_as_information_of_concern_by_the_editors_not_by_the_synthesis(french):
    ip = GlossaryTermPage.objects.get(slug="ip", locale=french)
    assert ip.uncertain
    assert "sans le développer" in ip.explanation and "lecture de la rédaction" in ip.explanation


def test_aller_vers_and_distanciel_credit_the_synthesis_with_what_it_says_only(french):
    aller_vers = GlossaryTermPage.objects.get(slug="aller-vers", locale=french).explanation
    distanciel = GlossaryTermPage.objects.get(slug="distanciel", locale=french).explanation
    assert "l'oppose" not in aller_vers and "se complètent" not in aller_vers
    assert "qui favorise la confiance" not in distanciel
    assert "plébiscitée par une majorité" in distanciel
