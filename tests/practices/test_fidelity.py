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
