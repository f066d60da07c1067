"""Search in a real browser: suggestions as a WAI-ARIA combobox, and the search page's folding filters."""

import re

import pytest

LANGUAGES = ["fr", "en"]
HOMES = {"fr": "/fr/", "en": "/en/"}
SEARCH_PAGES = {"fr": "/fr/recherche/?q=coop%C3%A9ration", "en": "/en/search/?q=cooperation"}


def go(page, path):
    page.goto(page.base_url + path)


def type_query(page, box, text):
    """Type as a reader does, and wait for the answer to what the box now holds."""
    box.click()
    box.fill("")
    with page.expect_response(lambda response: "/api/search/suggest/" in response.url and "q=" + text in response.url):
        box.press_sequentially(text, delay=30)
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    return listbox


def status_of(box):
    return box.evaluate("input => input.parentNode.querySelector('[role=status]').textContent")


@pytest.mark.parametrize("language", LANGUAGES)
def test_pre_suggests_the_pre_term_first(page, language):
    go(page, HOMES[language])
    box = page.locator("#home-search-q")
    listbox = type_query(page, box, "PRE")
    first = listbox.locator("[role=option]").first
    first.wait_for()
    assert first.locator(".suggestions__title").inner_text() == "PRE"
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    box.press("Enter")
    page.wait_for_url(re.compile(r"/(glossaire|glossary)/pre/$"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_escape_closes_the_suggestions_and_keeps_the_query(page, language):
    go(page, SEARCH_PAGES[language])
    box = page.locator("#search-page-q")
    listbox = type_query(page, box, "PRE")
    listbox.locator("[role=option]").first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    box.press("ArrowDown")
    box.press("Escape")
    assert box.input_value() == "PRE"
    assert box.get_attribute("aria-expanded") == "false"
    assert box.get_attribute("aria-activedescendant") is None
    assert listbox.is_hidden()
    box.press("Escape")  # a search input clears itself on Escape: not this one
    assert box.input_value() == "PRE"
    box.press("ArrowDown")  # the list comes back, on its first option
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-activedescendant") == listbox.locator("[role=option]").first.get_attribute("id")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_status_text_follows_the_options(page, language):
    go(page, HOMES[language])
    box = page.locator("#home-search-q")
    listbox = type_query(page, box, "Brest")
    listbox.locator("[role=option]").first.wait_for()
    options = listbox.locator("[role=option]")
    assert status_of(box).startswith(f"{options.count()} suggestion")
    box.fill("")
    assert status_of(box) == ""  # too short to ask: no list, and no stale count
    listbox = type_query(page, box, "coop")
    listbox.locator("[role=option]").nth(1).wait_for()
    count = listbox.locator("[role=option]").count()
    assert status_of(box).startswith(f"{count} suggestions")
    box.press("Escape")
    assert status_of(box) == ""


def test_the_combobox_follows_the_aria_pattern(page):
    go(page, "/fr/")
    box = page.locator("#home-search-q")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-autocomplete") == "list"
    assert box.get_attribute("aria-expanded") == "false"
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    assert listbox.get_attribute("role") == "listbox"
    assert listbox.get_attribute("aria-labelledby")
    type_query(page, box, "PRE").locator("[role=option]").first.wait_for()
    assert listbox.locator("[role=option][aria-selected=false]").count() == listbox.locator("[role=option]").count()
    box.press("ArrowUp")  # from the input, up goes to the last option
    last = listbox.locator("[role=option]").last
    assert box.get_attribute("aria-activedescendant") == last.get_attribute("id")
    assert last.get_attribute("aria-selected") == "true"
    assert page.evaluate("document.activeElement.id") == "home-search-q"


@pytest.mark.parametrize("language", LANGUAGES)
def test_on_a_phone_the_results_come_first_and_the_filters_fold(page, language):
    page.set_viewport_size({"width": 390, "height": 844})
    go(page, SEARCH_PAGES[language])
    disclosure = page.locator("details.js-search-filters")
    assert disclosure.get_attribute("open") is None
    assert page.locator(".facet-list a").first.is_hidden()
    first_result = page.locator(".search-result").first.bounding_box()
    assert first_result["y"] < 844  # on the first screen
    disclosure.locator("summary").click()
    assert page.locator(".facet-list a").first.is_visible()


def test_on_a_wide_screen_the_filters_stand_open_beside_the_results(page):
    page.set_viewport_size({"width": 1366, "height": 768})
    go(page, SEARCH_PAGES["fr"])
    assert page.locator("details.js-search-filters").get_attribute("open") is not None
    filters = page.locator(".search-page__filters").bounding_box()
    results = page.locator(".search-page__results").bounding_box()
    assert filters["x"] > results["x"] + results["width"]
