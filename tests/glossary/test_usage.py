"""The stored "where this term appears": rows kept current by publishing, read by the term page."""

import re

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import pytest

from glossary.linker import matchers
from glossary.models import USAGE_PER_PAGE, GlossaryIndexPage, GlossaryTermPage, TermUsage
from glossary.usage import deferred, readable_pages, update_language
from hub.content_cache import content_changed
from hub.text import page_text
from practices.models import PracticeIndexPage
from tests.factories import PracticePageFactory

pytestmark = pytest.mark.django_db


def computed_usage(locale):
    """What the rows should hold, computed from every page's text as the reader sees it now."""
    matcher = matchers.get(locale.language_code)
    return {
        (match.term.payload.page_id, page.pk)
        for page in readable_pages(locale).specific()
        for match in matcher.find(page_text(page))
    }


def stored_usage(locale):
    return set(TermUsage.objects.filter(page__locale=locale).values_list("term_id", "page_id"))


def publish_practice(title, problem, locale):
    index = PracticeIndexPage.objects.get(locale=locale)
    page = PracticePageFactory(parent=index, title=title, problem=f"<p>{problem}</p>", live=False)
    page.save_revision().publish()
    return page


def term(slug, locale):
    return GlossaryTermPage.objects.get(slug=slug, locale=locale)


def listed_urls(client, term_page, query=""):
    html = client.get(term_page.url + query).content.decode()
    section = re.search(r'<section[^>]*aria-labelledby="appears-in".*?</section>', html, re.S)
    return re.findall(r'<li><a href="(/[^"]+)"', section.group()) if section else []


def test_the_loaded_site_stores_exactly_the_terms_each_page_mentions(french, english):
    assert stored_usage(french) == computed_usage(french)
    assert stored_usage(english) == computed_usage(english)
    assert len(stored_usage(french)) > 300


def test_a_published_page_is_listed_on_the_term_page_of_each_term_it_mentions(client, french):
    page = publish_practice("Fiche sur le CLSPD", "Le CLSPD réunit la mairie et la police.", french)
    assert page.url in listed_urls(client, term("clspd", french))


def test_a_new_term_lists_the_pages_published_before_it(client, french):
    page = publish_practice("Fiche inventée", "Les partenaires parlent de zorglubisme entre eux.", french)
    index = GlossaryIndexPage.objects.get(locale=french)
    new_term = index.add_child(
        instance=GlossaryTermPage(title="Zorglubisme", slug="zorglubisme", definition="Un mot inventé.", live=False)
    )
    new_term.save_revision().publish()
    assert listed_urls(client, new_term) == [page.url]


def test_a_new_variant_of_a_term_lists_the_pages_that_use_it(client, french):
    page = publish_practice("Fiche inventée", "Le dispositif zorglubien du quartier.", french)
    pre = term("pre", french)
    assert page.url not in listed_urls(client, pre)
    pre.variants += "\ndispositif zorglubien"
    pre.save_revision().publish()
    assert page.url in listed_urls(client, pre)


def test_changes_made_while_deferred_are_stored_once_the_transaction_commits(
    client, french, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        with deferred():
            page = publish_practice("Fiche sur le CLSPD", "Le CLSPD réunit la mairie et la police.", french)
            assert not TermUsage.objects.filter(page=page).exists()
    assert page.url in listed_urls(client, term("clspd", french))
    assert stored_usage(french) == computed_usage(french)


def test_correcting_a_definition_keeps_the_rows_without_a_rebuild(french):
    pre = term("pre", french)
    pre.definition += " (précision)"
    pre.save_revision().publish()
    assert update_language.call("fr") is False
    assert stored_usage(french) == computed_usage(french)


def test_a_withdrawn_term_loses_its_rows_and_the_rest_stay_true(french):
    pre = term("pre", french)
    assert TermUsage.objects.filter(term=pre).exists()
    pre.unpublish()
    assert not TermUsage.objects.filter(term=pre).exists()
    assert stored_usage(french) == computed_usage(french)


def test_a_deleted_term_and_a_deleted_page_take_their_rows_with_them(french):
    pre = term("pre", french)
    mentioning = Page.objects.filter(term_usages__term=pre).first()
    mentioning.delete()
    pre.delete()
    assert stored_usage(french) == computed_usage(french)


def test_the_command_rebuilds_rows_lost_outside_publishing(french):
    expected = stored_usage(french)
    TermUsage.objects.all().delete()
    call_command("update_term_usage", rebuild=True, verbosity=0)
    assert stored_usage(french) == expected


def test_a_long_list_is_cut_in_pages_of_twenty(client, french):
    pages = [publish_practice(f"Fiche {number:02}", "Le zorglubisme, encore.", french) for number in range(25)]
    index = GlossaryIndexPage.objects.get(locale=french)
    new_term = index.add_child(instance=GlossaryTermPage(title="Zorglubisme", slug="zorglubisme", definition="X."))
    new_term.save_revision().publish()
    first, second = listed_urls(client, new_term), listed_urls(client, new_term, "?page=2")
    assert len(first) == USAGE_PER_PAGE
    assert first + second == [page.url for page in pages]
    assert '<a href="?page=2#appears-in" rel="next">' in client.get(new_term.url).content.decode()


def test_the_term_page_costs_the_same_queries_however_many_pages_use_the_term(client, settings, french):
    settings.PAGE_CACHE_ENABLED = False
    pre = term("pre", french)

    def cold_queries():
        content_changed()  # nothing of the page is cached: the list is read from the rows
        with CaptureQueriesContext(connection) as queries:
            assert client.get(pre.url).status_code == 200
        return len(queries)

    cold_queries()  # this process's own caches (the matcher, content types) filled once
    before = cold_queries()
    for number in range(30):
        publish_practice(f"Fiche {number}", "Le PRE, encore.", french)
    assert cold_queries() == before
