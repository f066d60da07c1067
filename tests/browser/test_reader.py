"""What a reader does, in a real browser: search, glossary, decoder, languages, filters, keyboard."""

import re


def go(page, path):
    page.goto(page.base_url + path)


def test_search_suggestions_as_you_type_and_keyboard_choice(page):
    go(page, "/fr/")
    box = page.locator("#site-search")
    box.fill("medi")
    listbox = page.locator("#search-suggestions-0")
    listbox.locator("[role=option]").first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert "médiation sociale" in listbox.inner_text()
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == "search-suggestions-0-0"
    box.press("Enter")
    page.wait_for_url(re.compile(r"/fr/.+/"))
    assert page.url != page.base_url + "/fr/"


def test_search_form_submits_without_suggestions(page):
    go(page, "/fr/")
    page.locator("#site-search").fill("libre adhésion")
    page.locator(".search-form--header button").click()
    page.wait_for_url(re.compile(r"/fr/recherche/\?q="))
    assert "libre adhésion" in page.locator(".search-results").inner_text()


def test_glossary_instant_filter(page):
    go(page, "/fr/glossaire/")
    total = page.locator("[data-glossary-item]").count()
    page.locator("#glossary-q").fill("reussite educative")
    visible = page.locator("[data-glossary-item]:visible")
    assert 0 < visible.count() < total
    assert "PRE" in visible.all_inner_texts()[0] or any("PRE" in text for text in visible.all_inner_texts())


def test_glossary_term_tooltip_on_focus_and_escape(page):
    go(page, "/fr/perspectives/gouvernance-integree/")
    link = page.locator("a.term-link").first
    link.focus()
    tooltip = page.locator("#term-tooltip")
    tooltip.wait_for()
    assert tooltip.inner_text() == link.get_attribute("data-definition")
    assert link.get_attribute("aria-describedby") == "term-tooltip"
    page.keyboard.press("Escape")
    assert page.locator("#term-tooltip").count() == 0


def test_decoder_highlights_a_pasted_text(page):
    go(page, "/fr/glossaire/decodeur/")
    page.locator("#decoder-text").fill("Le PRE et l'ASE travaillent avec la Mission locale.")
    page.get_by_role("button", name="Décoder").click()
    marks = page.locator(".decoder-result mark")
    marks.first.wait_for()
    assert marks.count() == 3
    assert "Programme de réussite éducative" in page.locator(".decoder-result__terms").inner_text()


def test_language_switch_keeps_the_reader_on_the_page(page):
    go(page, "/fr/territoires/brest/")
    page.get_by_role("link", name="English").click()
    page.wait_for_url(re.compile(r"/en/territories/brest/$"))
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_role("link", name="Français").click()
    page.wait_for_url(re.compile(r"/fr/territoires/brest/$"))


def test_index_filters(page):
    go(page, "/fr/bonnes-pratiques/")
    before = page.locator(".card").count()
    page.locator("#filter-stage").select_option("1")
    page.get_by_role("button", name="Appliquer").click()
    page.wait_for_url(re.compile(r"stage=1"))
    after = page.locator(".card").count()
    assert 0 < after < before


def test_keyboard_only_path_from_home_to_a_training_module(page):
    go(page, "/fr/")

    def tab_to(predicate, limit=80):
        for _ in range(limit):
            page.keyboard.press("Tab")
            href = page.evaluate("document.activeElement && document.activeElement.getAttribute('href')")
            if href and predicate(href):
                return href
        raise AssertionError("the keyboard never reached the link")

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    tab_to(lambda href: href == "/fr/modules-de-formation/")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/fr/modules-de-formation/$"))
    # The first module, not the fictional territory that the index introduces above the list.
    target = tab_to(
        lambda href: (
            href.startswith("/fr/modules-de-formation/") and href.count("/") == 4 and "castelmoutier" not in href
        )
    )
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(target) + "$"))
    assert page.locator("h1").inner_text()
    assert "Testez vos connaissances" in page.content()


def test_the_map_markers_are_keyboard_links(page):
    go(page, "/fr/territoires/")
    markers = page.locator(".territory-map__marker")
    assert markers.count() == 6
    markers.first.focus()
    assert page.evaluate("document.activeElement.getAttribute('href')").startswith("/fr/territoires/")


def test_a_module_handout_prints_without_the_site_around_it(page):
    go(page, "/fr/modules-de-formation/lire-le-jeu-d-acteurs-d-un-territoire/fiche/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert not page.locator(".cite-page").is_visible()
    assert page.locator(".timeline").is_visible()
    assert page.locator("h1").inner_text() == "Lire le jeu d'acteurs d'un territoire"
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 6, f"the handout prints on {pages} A4 pages"
