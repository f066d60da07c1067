"""axe-core on the reader's pages, in both languages: zero violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe

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
    "/fr/recherche/?q=m%C3%A9diation",
    "/en/search/?q=mediation",
    "/fr/glossaire/decodeur/",
    "/en/glossary/decoder/",
]


@pytest.mark.parametrize("path", PAGES)
def test_no_accessibility_violation(page, path):
    page.goto(page.base_url + path)
    results = Axe().run(page)
    violations = [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])}x): {violation['nodes'][0]['html'][:100]}"
        for violation in results.response["violations"]
    ]
    assert violations == [], "\n".join(violations)
