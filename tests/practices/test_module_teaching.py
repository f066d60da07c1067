"""Training modules a school can run: a plan that adds up, a teacher's guide kept apart, a rubric,
the diplomas they serve, a fictional territory for students without a placement, a handout."""

import re
from html import unescape

from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.html import strip_tags

import pytest

from practices.blocks import PlanStepKind
from practices.models import FictionalCasePage, TrainingModulePage
from practices.module_plan import plan_problems

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_french():
    """The editor's messages in French, whatever language an earlier test left active."""
    with translation.override("fr"):
        yield


def modules(language_code="fr"):
    found = list(TrainingModulePage.objects.live().filter(locale__language_code=language_code).order_by("path"))
    assert len(found) == 5
    return found


def text_of(client, url):
    return re.sub(r"\s+", " ", unescape(strip_tags(client.get(url).content.decode())))


@pytest.mark.parametrize("language_code", ["fr", "en"])
def test_every_module_plan_adds_up_to_its_duration(language_code):
    for module in modules(language_code):
        assert plan_problems(module) == [], module.slug
        assert sum(block.value["minutes"] for block in module.plan) == module.duration_minutes
        kinds = [block.value["kind"] for block in module.plan]
        assert kinds.count(PlanStepKind.SECTION) == len(module.sections)
        assert kinds.count(PlanStepKind.ACTIVITY) == len(module.activities)


def test_a_module_whose_plan_exceeds_its_duration_cannot_be_saved(french, in_french):
    module = modules()[0]
    step = next(block for block in module.plan if block.value["kind"] == PlanStepKind.BREAK)
    step.value["minutes"] += 10
    with pytest.raises(ValidationError) as error:
        module.full_clean()
    assert "plan" in error.value.message_dict
    assert f"Le déroulé totalise {module.duration_minutes + 10} minutes" in " ".join(error.value.message_dict["plan"])


def test_an_activity_must_keep_its_own_duration_in_the_plan(french, in_french):
    module = modules()[0]
    step = next(block for block in module.plan if block.value["kind"] == PlanStepKind.ACTIVITY)
    step.value["minutes"] += 5
    problems = plan_problems(module)
    assert any("dure" in problem and "pas" in problem for problem in problems)


def test_a_section_left_out_of_the_plan_is_named(french, in_french):
    module = modules()[0]
    module.plan = [
        (block.block_type, block.value)
        for block in module.plan
        if not (block.value["kind"] == PlanStepKind.SECTION and block.value["number"] == 2)
    ]
    assert "La séquence 2 figure 0 fois au déroulé (une fois attendue)." in plan_problems(module)


@pytest.mark.parametrize("language_code", ["fr", "en"])
def test_every_module_has_a_guide_a_rubric_a_diploma_mapping_and_a_case_activity(language_code):
    for module in modules(language_code):
        guide = {block.block_type for block in module.guide}
        assert guide == {"expected_output", "model_answer", "debrief_question", "misconception"}, module.slug
        assert len(module.rubric) == 1
        rubric = module.rubric[0].value
        assert len(rubric["criteria"]) >= 4 and len(rubric["levels"]) == 4
        assert all(len(criterion["descriptors"]) == len(rubric["levels"]) for criterion in rubric["criteria"])
        assert module.diplomas.count() >= 1
        assert any(block.value["case_variant"].source for block in module.activities), module.slug
        assert {block.block_type for block in module.handout} == {"key_point", "reading"}


def test_every_diploma_mapping_cites_its_reference_text(french):
    for module in modules():
        for mapping in module.diplomas.select_related("diploma"):
            assert mapping.diploma.reference_url.startswith("https://")
            assert "Arrêté" in mapping.diploma.reference_title or "Décret" in mapping.diploma.reference_title
            assert mapping.competence_list() and mapping.reason.strip()


def test_the_teacher_guide_has_its_own_address_is_not_linked_from_the_module_and_is_never_indexed(client):
    module = modules()[0]
    guide_url = module.routed_url("guide")
    assert guide_url == module.url + "guide-formateur/"
    response = client.get(guide_url)
    html = response.content.decode()
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "Corrigés types" in html and "Évaluation sommative et grille" in html
    assert guide_url not in client.get(module.url).content.decode()
    assert "guide-formateur" not in client.get("/sitemap.xml").content.decode()
    english = module.get_translation(modules("en")[0].locale)
    assert client.get(english.routed_url("guide")).status_code == 200
    assert english.routed_url("guide").endswith("/teacher-guide/")


def test_the_guide_text_is_not_found_by_the_site_search(client):
    module = modules()[0]
    misconception = next(block.value["misconception"] for block in module.guide if block.block_type == "misconception")
    words = " ".join(misconception.split()[:6])
    results = client.get("/api/search/", {"q": words, "locale": "fr"}).json()
    assert module.routed_url("guide") not in str(results)


@pytest.mark.parametrize(("language_code", "label"), [("fr", "Territoire fictif."), ("en", "Fictional area.")])
def test_the_fictional_territory_is_labelled_fictional_wherever_it_appears(client, language_code, label):
    case = FictionalCasePage.objects.get(locale__language_code=language_code)
    assert label in text_of(client, case.url)
    variant = (
        "Sans terrain de stage : le territoire fictif" if language_code == "fr" else "No placement: the fictional area"
    )
    for module in modules(language_code):
        text = text_of(client, module.url)
        assert variant in text
        assert case.title in text
    index = modules(language_code)[0].get_parent()
    assert case.url in client.get(index.url).content.decode()


@pytest.mark.parametrize(("language_code", "name"), [("fr", "Diplôme"), ("en", "Diploma")])
def test_the_modules_index_filters_by_diploma(client, language_code, name):
    index = modules(language_code)[0].get_parent()
    html = client.get(index.url, {"diploma": "dees"}).content.decode()
    assert name in html
    assert html.count('class="card__title"') == 5
    assert client.get(index.url, {"diploma": "inconnu"}).status_code == 200


def test_the_handout_holds_the_objectives_plan_key_points_and_reading(client):
    module = modules()[0]
    text = text_of(client, module.routed_url("handout"))
    key_point = next(block.value for block in module.handout if block.block_type == "key_point")
    assert "Objectifs" in text and "Déroulé minuté" in text and "Pour aller plus loin" in text
    assert " ".join(key_point.split()) in text
    assert module.full_url in text


def test_the_english_guide_rubric_and_handout_are_in_english(french, english):
    for module in modules("fr"):
        translation = module.get_translation(english)
        rubric, english_rubric = module.rubric[0].value, translation.rubric[0].value
        assert list(english_rubric["levels"]) == ["Insufficient", "Developing", "Achieved", "Mastered"]
        for criterion, english_criterion in zip(rubric["criteria"], english_rubric["criteria"], strict=True):
            assert english_criterion["criterion"] != criterion["criterion"]
            assert set(english_criterion["descriptors"]).isdisjoint(criterion["descriptors"])
        french_points = {block.value for block in module.handout if block.block_type == "key_point"}
        english_points = {block.value for block in translation.handout if block.block_type == "key_point"}
        assert french_points.isdisjoint(english_points)


@pytest.mark.parametrize(("language_code", "query"), [("fr", "Castelmoutier"), ("en", "Castelmoutier")])
def test_the_site_search_finds_the_fictional_territory_and_labels_it(client, language_code, query):
    case = FictionalCasePage.objects.get(locale__language_code=language_code)
    results = client.get("/api/search/", {"q": query, "locale": language_code}).json()["results"]
    found = [result for result in results if result["url"].endswith(case.url)]
    assert found and found[0]["type"] == "case"


def test_the_site_search_finds_who_cooperates(client):
    from territories.models import CooperatingActorsPage

    page = CooperatingActorsPage.objects.get(locale__language_code="fr")
    results = client.get("/api/search/", {"q": "qui coopère", "locale": "fr"}).json()["results"]
    assert any(result["url"].endswith(page.url) and result["type"] == "actors" for result in results)


def test_the_timeline_lists_step_titles_without_glossary_links(client):
    html = client.get(modules()[0].url).content.decode()
    timeline = re.search(r'<ol class="timeline">.*?</ol>', html, re.S).group()
    assert "Accueil et objectifs" in timeline
    assert "term-link" not in timeline
