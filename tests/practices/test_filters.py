"""Index pages filter by theme, territory, stage and object of cooperation, with counts, and paginate."""

import re

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from hub.content_cache import content_changed
from practices.models import PracticePage
from tests.factories import PracticeIndexPageFactory, PracticePageFactory, french_stage

pytestmark = pytest.mark.django_db


def listed_titles(html):
    return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def option_count(html, param, value):
    select = re.search(rf'<select id="filter-{param}" name="{param}">(.*?)</select>', html, re.S).group(1)
    match = re.search(rf'<option value="{re.escape(value)}"[^>]*>[^<]*\((\d+)\)</option>', select)
    return int(match.group(1)) if match else None


def unescape(title):
    return title.replace("&#x27;", "'")


def test_stage_filter_lists_exactly_the_practices_of_that_stage(client, french):
    expected = set(PracticePage.objects.live().filter(locale=french, stages__slug="5").values_list("title", flat=True))
    html = client.get("/fr/bonnes-pratiques/?stage=5").content.decode()
    assert {unescape(title) for title in listed_titles(html)} == expected
    assert expected
    assert option_count(html, "stage", "5") == len(expected)


def test_filters_combine_and_counts_follow_the_other_filters(client, french):
    practices = PracticePage.objects.live().filter(locale=french)
    expected = set(
        practices.filter(stages__slug="3", objects_of_cooperation__slug="suivi-partage").values_list("title", flat=True)
    )
    html = client.get("/fr/bonnes-pratiques/?stage=3&object=suivi-partage").content.decode()
    assert {unescape(title) for title in listed_titles(html)} == expected
    # The stage counts are computed among practices about shared follow-up.
    shared = practices.filter(objects_of_cooperation__slug="suivi-partage")
    assert option_count(html, "stage", "3") == shared.filter(stages__slug="3").distinct().count()


def test_theme_filter(client, french):
    expected = set(
        PracticePage.objects.live().filter(locale=french, tags__name="confiance").values_list("title", flat=True)
    )
    html = client.get("/fr/bonnes-pratiques/?theme=confiance").content.decode()
    assert {unescape(title) for title in listed_titles(html)} == expected
    assert expected


def test_territory_filter_uses_the_territories_where_a_practice_was_seen(client, french):
    index = PracticeIndexPageFactory(
        parent=PracticePage.objects.filter(locale=french).first().get_parent().get_parent()
    )
    from territories.models import TerritoryPage

    brest = TerritoryPage.objects.get(slug="brest", locale=french)
    seen = PracticePageFactory(parent=index, title="Vue à Brest")
    seen.territories.set([brest])
    seen.save_revision().publish()
    PracticePageFactory(parent=index, title="Vue ailleurs")
    html = client.get(index.url + "?territory=brest").content.decode()
    assert listed_titles(html) == ["Vue à Brest"]
    assert option_count(html, "territory", "brest") == 1


@pytest.mark.parametrize(
    "query", ["?stage=999", "?stage=abc", "?page=-3", "?page=x", "?theme=" + "z" * 500, "?object=%00", "?page=99999"]
)
def test_bad_filter_values_never_break_the_page(client, query):
    response = client.get("/fr/bonnes-pratiques/" + query)
    assert response.status_code == 200


def test_unknown_filter_value_says_nothing_matches(client):
    html = client.get("/fr/bonnes-pratiques/?stage=999").content.decode()
    assert "Aucune page ne correspond à ces filtres." in html


def test_pagination_splits_long_listings(client, french):
    index = PracticeIndexPageFactory(
        parent=PracticePage.objects.filter(locale=french).first().get_parent().get_parent()
    )
    for number in range(30):
        PracticePageFactory(parent=index, title=f"Pratique {number:02d}")
    first = client.get(index.url).content.decode()
    second = client.get(index.url + "?page=2").content.decode()
    assert len(listed_titles(first)) == 24
    assert len(listed_titles(second)) == 6
    assert 'rel="next"' in first


def count_queries(client, url):
    content_changed()  # rendered from scratch: no page or fragment of it in the cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_queries_per_index_page_do_not_grow_with_the_number_of_practices(client, french):
    home = PracticePage.objects.filter(locale=french).first().get_parent().get_parent()
    index = PracticeIndexPageFactory(parent=home)
    stages = [french_stage(number) for number in (1, 2, 3)]

    def add(count, offset):
        for number in range(offset, offset + count):
            PracticePageFactory(
                parent=index,
                title=f"Pratique {number:03d}",
                stages=[stages[number % 3]],
                themes=[f"thème {number % 7}"],
            )

    add(10, 0)
    client.get(index.url)  # warm caches that are filled once per process (site root, content types)
    with_10 = count_queries(client, index.url + "?stage=2")
    add(190, 10)
    with_200 = count_queries(client, index.url + "?stage=2")
    assert with_200 == with_10
