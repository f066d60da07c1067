"""Sentences that once said more or less than the synthesis, read on the pages as readers see them."""

import re

from django.utils.html import strip_tags

import pytest

pytestmark = pytest.mark.django_db


def text_of(client, url):
    html = client.get(url).content.decode()
    return re.sub(r"\s+", " ", strip_tags(html))


def test_the_levels_of_bodies_are_not_always_articulated_as_the_synthesis_says(client):
    text = text_of(client, "/fr/modules-de-formation/conduire-un-diagnostic-partage/")
    assert "ne sont pas toujours articulés entre eux" in text
    assert "rarement articulés" not in text


def test_perspective_2_covers_a_pre_or_a_cite_educative_on_the_pre_term_page(client):
    text = text_of(client, "/fr/glossaire/pre/")
    assert "(un PRE ou une Cité éducative)" in text


def test_the_corrected_typo_of_perspective_5_is_said_on_its_page(client):
    text = text_of(client, "/fr/perspectives/adapter-les-formations/")
    assert "Note de la rédaction : dans la synthèse, le titre de cette perspective porte « niveaux II et II »" in text
    english = text_of(client, "/en/perspectives/adapting-managers-training/")
    assert 'Editorial note: in the synthesis, the title of this perspective reads "levels II and II"' in english


@pytest.mark.parametrize(
    ("url", "condition"),
    [
        ("/fr/perspectives/adapter-les-formations/", "La coopération est une manière de travailler à part entière"),
        ("/en/perspectives/adapting-managers-training/", "Cooperation is a way of working in its own right"),
    ],
)
def test_the_conditions_of_a_perspective_show_no_raw_markup(client, url, condition):
    text = text_of(client, url)
    assert condition in text
    assert "**" not in text


def test_every_practice_says_where_its_parts_come_from(client, french, english):
    from hub.provenance import Provenance
    from practices.models import PracticePage

    practices = list(PracticePage.objects.live().filter(locale=french))
    assert len(practices) == 18
    for practice in practices:
        assert practice.synthesis_section.strip(), practice.slug
        has_guidance = any(
            (practice.success_conditions, practice.pitfalls, practice.effect_indicators, practice.result_indicators)
        )
        assert not has_guidance or practice.guidance_provenance in Provenance.values, practice.slug
        html = client.get(practice.url).content.decode()
        provenance = re.search(r'<p class="provenance">.*?</p>', html, re.S).group()
        assert f"« {practice.synthesis_section} »" in provenance.replace("&#x27;", "'"), practice.slug
        assert "term-link" not in provenance
        if has_guidance and practice.guidance_provenance == Provenance.EDITORIAL:
            box = html[html.index('<div class="guidance guidance--editorial">') :]
            assert '<p class="guidance__label">Repères de la rédaction</p>' in box
            assert box.index("guidance__label") < box.index('id="conditions"')


def test_the_editors_guidance_is_labelled_on_english_practice_sheets(client, english):
    from practices.models import PracticePage

    practice = PracticePage.objects.live().filter(locale=english).order_by("path").first()
    html = client.get(practice.url).content.decode()
    assert '<p class="guidance__label">Editors\' guidance</p>' in html
    assert "do not come from the synthesis" in html
    assert "<blockquote><p>“" in html  # a translated quotation in English quotation marks
