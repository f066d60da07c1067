"""SQL queries per page: at most 10 for every public page type without the page cache, none with it.

Without the page cache (a signed-in editor, or the first reader of a page), the menu, the footer,
the site settings and the page's main content come from the cached fragments (hub/fragments.py);
what remains is Wagtail finding the site and the page and checking its view restrictions.
"""

from django.apps import apps

from wagtail.models import Page

import pytest

from hub.management.commands.bench_pages import PAGE_TYPES

pytestmark = pytest.mark.django_db
MAX_QUERIES = 10
ENGLISH_PAGES = ["/en/", "/en/glossary/", "/en/glossary/pre/", "/en/territories/brest/"]


def first_page_url(label):
    model = apps.get_model(label)
    return Page.objects.live().public().filter(locale__language_code="fr").type(model).first().url


@pytest.mark.parametrize("label", PAGE_TYPES)
def test_a_french_page_of_each_type_takes_at_most_ten_queries_without_the_page_cache(
    client, settings, label, django_assert_max_num_queries
):
    settings.PAGE_CACHE_ENABLED = False
    url = first_page_url(label)
    assert client.get(url).status_code == 200
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(url).status_code == 200


ROUTED_PAGES = ["/fr/glossaire/decodeur/", "/fr/bonnes-pratiques/?page=1", "/fr/recherche/?q=m%C3%A9diation"]


@pytest.mark.parametrize("url", ENGLISH_PAGES + ROUTED_PAGES)
def test_english_pages_routed_pages_and_search_take_at_most_ten_queries_without_the_page_cache(
    client, settings, url, django_assert_max_num_queries
):
    settings.PAGE_CACHE_ENABLED = False
    assert client.get(url).status_code == 200
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("label", PAGE_TYPES)
def test_a_page_of_each_type_from_the_page_cache_takes_no_query(client, label, django_assert_num_queries):
    url = first_page_url(label)
    client.get(url)
    with django_assert_num_queries(0):
        assert client.get(url).status_code == 200
