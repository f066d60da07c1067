"""axe-core on the reader's pages, in both languages and both colour schemes: zero violations, the AAA
enhanced contrast (7:1 on body text, 4.5:1 on large text) included."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from hub.management.commands.shots import open_page

PAGES = [
    "/fr/",
    "/en/",
    "/fr/glossaire/",
    "/en/glossary/",
    "/fr/glossaire/pre/",
    "/en/glossary/pre/",
    "/fr/territoires/brest/",
    "/en/territories/brest/",
    "/fr/bonnes-pratiques/charte-de-partage-d-informations/",
    "/en/good-practices/charte-de-partage-d-informations/",
    "/fr/modules-de-formation/conduire-un-diagnostic-partage/",
    "/en/training-modules/conduire-un-diagnostic-partage/",
    "/fr/modules-de-formation/conduire-un-diagnostic-partage/guide-formateur/",
    "/en/training-modules/conduire-un-diagnostic-partage/handout/",
    "/en/training-modules/castelmoutier/",
    "/fr/territoires/qui-cooperent/",
    "/fr/recherche/?q=m%C3%A9diation",
    "/en/search/?q=mediation",
    "/fr/glossaire/decodeur/",
    "/en/glossary/decoder/",
]


# axe's default rules (WCAG A and AA, best practices) plus the AAA contrast rule, off by default.
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"color-contrast-enhanced": {"enabled": True}}}
LOCALES = {"fr": "fr-FR", "en": "en-GB"}


def violations_on(page):
    """axe's violations on the page as loaded, one line each, with up to three elements and why they fail."""

    def element(node):
        reason = node["any"][0]["message"] if node.get("any") else ""
        return f"{node['html'][:100]} {reason}".strip()

    return [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])}x): "
        + "; ".join(element(node) for node in violation["nodes"][:3])
        for violation in Axe().run(page, options=AXE_OPTIONS).response["violations"]
    ]


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_no_accessibility_violation(new_page, path, color_scheme):
    page = new_page(color_scheme=color_scheme, locale=LOCALES[path[1:3]])
    page.goto(page.base_url + path)
    violations = violations_on(page)
    assert violations == [], "\n".join(violations)


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_accessibility_violation_in_the_decoder_results(new_page, key_paths, language, color_scheme):
    page = new_page(color_scheme=color_scheme, locale=LOCALES[language])
    path, text = key_paths[language]["decoder"]
    assert open_page(page, page.base_url + path, text) is None
    violations = violations_on(page)
    assert violations == [], "\n".join(violations)
