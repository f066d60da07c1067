"""The layout holds on real screens, in both languages: no sideways scrolling at 320 px, a mobile header
that leaves room for the content, map targets a finger can hit, the decoder's focus on its results,
and search landmarks a screen reader can tell apart.

The key pages are those `make shots` photographs, found in the test database (see conftest.key_paths).
"""

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from hub.management.commands.shots import open_page

LANGUAGES = ["fr", "en"]
BROWSER_LOCALES = {"fr": "fr-FR", "en": "en-GB"}
HEIGHTS = {320: 568, 390: 844, 1366: 768}
MIN_TARGET = 24  # CSS px, WCAG 2.2 success criterion 2.5.8 (target size, minimum)

# What the layout tests read from each key page, in one pass.
MEASURE = """() => {
  const root = document.documentElement;
  const describe = (element) => element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
    + [...element.classList].map((name) => "." + name).join("");
  const clipped = (element) => {
    for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
      if (getComputedStyle(parent).overflowX !== "visible") return true;
    }
    return false;
  };
  const wide = [...document.body.querySelectorAll("*")].filter((element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.right > root.clientWidth + 0.5 && !clipped(element);
  });
  const culprits = wide.filter((element) => !wide.some((other) => other !== element && element.contains(other)));
  const name = (element) => {
    const ids = (element.getAttribute("aria-labelledby") || "").split(/\\s+/).filter(Boolean);
    const labelled = ids.map((id) => document.getElementById(id)).filter(Boolean);
    const text = labelled.map((label) => label.textContent).join(" ")
      || element.getAttribute("aria-label") || element.getAttribute("title") || "";
    return text.trim();
  };
  const banner = [...document.querySelectorAll("header")]
    .find((header) => !header.closest("main, article, aside, nav, section"));
  return {
    scrollWidth: root.scrollWidth,
    clientWidth: root.clientWidth,
    overflowing: culprits.slice(0, 6).map((element) =>
      `${describe(element)} (right edge at ${Math.round(element.getBoundingClientRect().right)} px)`),
    headerHeight: banner ? banner.getBoundingClientRect().height : null,
    searchLandmarks: [...document.querySelectorAll("search, [role=search]")]
      .map((element) => ({element: describe(element), name: name(element)})),
  };
}"""

MARKERS = """() => [...document.querySelectorAll(".territory-map a")].map((marker) => {
  const box = marker.getBoundingClientRect();
  return {
    name: (marker.getAttribute("aria-label") || marker.textContent).trim(),
    left: box.left, top: box.top, right: box.right, bottom: box.bottom, width: box.width, height: box.height,
  };
})"""


@pytest.fixture(scope="module")
def survey(browser, site_url, key_paths):
    """survey(language, width) -> {page name: what MEASURE read}: each key page loaded once per language and width."""
    cache = {}

    def measure(language, width):
        if (language, width) not in cache:
            context = browser.new_context(
                viewport={"width": width, "height": HEIGHTS[width]},
                locale=BROWSER_LOCALES[language],
                reduced_motion="reduce",
            )
            page = context.new_page()
            results = {}
            for name, (path, text) in key_paths[language].items():
                problem = open_page(page, site_url + path, text)
                assert problem is None, problem
                results[name] = {"path": path, **page.evaluate(MEASURE)}
            context.close()
            cache[language, width] = results
        return cache[language, width]

    return measure


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_key_page_scrolls_sideways_at_320px(survey, language):
    too_wide = [
        f"{name} {result['path']}: {result['scrollWidth']} px wide for {result['clientWidth']} px; "
        f"overflowing: {', '.join(result['overflowing']) or 'an element clipped by no ancestor'}"
        for name, result in survey(language, 320).items()
        if result["scrollWidth"] > result["clientWidth"]
    ]
    assert not too_wide, "Horizontal overflow (WCAG 1.4.10):\n" + "\n".join(too_wide)


@pytest.mark.parametrize("language", LANGUAGES)
def test_mobile_header_takes_at_most_a_quarter_of_the_first_screen(survey, language):
    limit = HEIGHTS[390] / 4
    too_tall = [
        f"{name} {result['path']}: header {result['headerHeight']} px"
        for name, result in survey(language, 390).items()
        if result["headerHeight"] is None or result["headerHeight"] > limit
    ]
    assert not too_tall, f"The site header is missing or taller than {limit:.0f} px at 390×844:\n" + "\n".join(too_tall)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_search_landmark_has_its_own_name(survey, language):
    problems = []
    for name, result in survey(language, 390).items():
        landmarks = result["searchLandmarks"]
        names = [landmark["name"] for landmark in landmarks]
        unnamed = [landmark["element"] for landmark in landmarks if not landmark["name"]]
        if unnamed:
            problems.append(f"{name} {result['path']}: unnamed search landmark {', '.join(unnamed)}")
        elif len(set(names)) < len(names):
            problems.append(f"{name} {result['path']}: search landmarks share a name: {names}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("language", LANGUAGES)
def test_map_targets_are_at_least_24px_and_never_overlap(new_page, key_paths, language, width):
    page = new_page(width=width, height=HEIGHTS[width], locale=BROWSER_LOCALES[language])
    path, _ = key_paths[language]["map"]
    assert open_page(page, page.base_url + path) is None
    markers = page.evaluate(MARKERS)
    assert markers, f"no marker (a link in .territory-map) on {path}"
    small = [
        f"{marker['name']}: {marker['width']:.0f}×{marker['height']:.0f} px"
        for marker in markers
        if marker["width"] < MIN_TARGET or marker["height"] < MIN_TARGET
    ]
    overlapping = [
        f"{first['name']} and {second['name']}"
        for index, first in enumerate(markers)
        for second in markers[index + 1 :]
        if min(first["right"], second["right"]) > max(first["left"], second["left"])
        and min(first["bottom"], second["bottom"]) > max(first["top"], second["top"])
    ]
    assert not small and not overlapping, (
        f"On {path} at {width} px: targets under {MIN_TARGET}×{MIN_TARGET} px: {small or 'none'}; "
        f"overlapping targets: {overlapping or 'none'}"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_decoder_moves_focus_to_the_results_heading(new_page, key_paths, language):
    page = new_page(width=390, height=844, locale=BROWSER_LOCALES[language])
    path, text = key_paths[language]["decoder"]
    assert open_page(page, page.base_url + path, text) is None
    # The results heading: a heading after the decoder's form, the first thing read after submitting.
    on_results_heading = """() => {
      const active = document.activeElement, form = document.querySelector("form:has(textarea[name=text])");
      return !!active && /^H[1-6]$/.test(active.tagName) && !!form
        && !!(form.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
    }"""
    try:
        page.wait_for_function(on_results_heading, timeout=3000)
    except PlaywrightTimeoutError:
        pass
    focused = page.evaluate("() => document.activeElement ? document.activeElement.outerHTML.slice(0, 120) : 'nothing'")
    assert page.evaluate(on_results_heading), f"after submitting, the focus is on {focused}"
