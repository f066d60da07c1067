"""Full-page screenshots of the reader's key pages, to look at the whole site at once (make shots).

Every key page (home, the territories' map, a territory, "Qui coopère ?", a practice, a training module, the glossary,
a term, the decoder with results, search results, the flashcards) at 320, 390 and 1366 px wide, in
French and English, in the light and dark colour schemes: reports/shots/<page>-<language>-<width>-
<scheme>.png, with an index.html that shows them side by side. The site is served from this database
by a thread of this process, and the URLs come from the database, so that a translated slug never
breaks the command.
"""

import threading
import time
from pathlib import Path
from socketserver import ThreadingMixIn
from urllib.parse import quote, urlsplit
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management.base import BaseCommand, CommandError
from django.core.wsgi import get_wsgi_application
from django.db import connections
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from wagtail.models import Locale, Site

from glossary.models import GlossaryIndexPage, GlossaryTermPage
from practices.models import PracticePage, TrainingModulePage
from territories.models import CooperatingActorsPage, TerritoryIndexPage, TerritoryPage

PAGES = (
    "home",
    "map",
    "territory",
    "actors",
    "practice",
    "module",
    "glossary",
    "term",
    "decoder",
    "search",
    "flashcards",
)
WIDTHS = (320, 390, 1366)
HEIGHTS = {320: 568, 390: 844, 1366: 768}
LANGUAGES = ("fr", "en")
SCHEMES = ("light", "dark")
SEARCH_QUERIES = {"fr": "coopération", "en": "cooperation"}
TERM_SLUG = "pre"
# What the decoder is given: the synthesis's own words in French, the site's English version of them.
DECODER_TEXTS = {
    "fr": (
        "Pilotée par le CNLAPS (Comité National de Liaison des Acteurs de Prévention Spécialisée), cette "
        "recherche-action est financée par l'ANCT, la DGCS et le SG-CIPDR qui soutiennent et organisent les "
        "politiques locales en faveur de la cohésion sociale, de sécurité et de vivre-ensemble dans les "
        "territoires.\n\nDans les territoires disposant d'un dispositif d'accompagnement éducatif fortement "
        "structuré (PRE, Cités éducatives), déterminer une gouvernance « intégrée » et non « apposée »."
    ),
    "en": (
        "The action research was led by the CNLAPS. It was funded by the ANCT, the DGCS and the SG-CIPDR. "
        "These three funders support and structure local action on social cohesion, safety and living together "
        "in the territories.\n\nSome territories already have a well-organised educational support scheme, such "
        "as an educational success programme (Programme de réussite éducative, PRE) or a Cité éducative, with "
        "its own assessments, action plans and bodies."
    ),
}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the standard library's signature
        pass


def report_console(message, where, problems):
    """Errors in the browser's console (a CSP refusal, a failed request) belong in the report."""
    if message.type == "error":
        problems.append(f"{where}: console: {message.text}")


def path_of(page):
    """The page's path, whatever the site's hostname: the screenshots are taken on this command's server."""
    return urlsplit(page.get_full_url()).path


def translated(page, locale):
    translation_ = page.get_translation_or_none(locale)
    if translation_ is None or not translation_.live:
        raise CommandError(f"{page.title!r} has no live translation in {locale.language_code}.")
    return translation_


def reader_path(page, locale):
    """Where a reader of `locale` reads `page`: its translation, or else the source page under the
    translated parent (the listings serve untranslated practices and modules there, see practices/models)."""
    translation_ = page.get_translation_or_none(locale)
    if translation_ is not None and translation_.live:
        return path_of(translation_)
    return path_of(translated(page.get_parent(), locale)) + page.slug + "/"


def key_pages(language):
    """{name: (path, text to decode or None)} for one language, found in the database."""
    french = Locale.objects.get(language_code="fr")
    locale = Locale.objects.get(language_code=language)

    def first(model):
        """The first page of this type, preferably one translated in every language, as read in this language."""
        pages = list(model.objects.live().public().filter(locale=french).order_by("path"))
        if not pages:
            raise CommandError(f"No live {model.__name__}: load the content first (make content).")
        for page in pages:
            translations = [page.get_translation_or_none(other) for other in Locale.objects.all()]
            if all(other is not None and other.live for other in translations):
                return reader_path(page, locale)
        return reader_path(pages[0], locale)

    site = Site.objects.get(is_default_site=True)
    glossary = GlossaryIndexPage.objects.live().filter(locale=french).first()
    if glossary is None:
        raise CommandError("No live glossary: load the content first (make content).")
    glossary = translated(glossary, locale)
    term = (
        GlossaryTermPage.objects.live().filter(locale=french, slug=TERM_SLUG).first()
        or GlossaryTermPage.objects.live().filter(locale=french).order_by("title").first()
    )
    if term is None:
        raise CommandError("The glossary has no live term: load the content first (make content).")
    term = translated(term, locale)
    with translation.override(language):
        search = reverse("search") + "?q=" + quote(SEARCH_QUERIES[language])
    return {
        "home": (path_of(translated(site.root_page.specific, locale)), None),
        "map": (first(TerritoryIndexPage), None),
        "territory": (first(TerritoryPage), None),
        "actors": (first(CooperatingActorsPage), None),
        "practice": (first(PracticePage), None),
        "module": (first(TrainingModulePage), None),
        "glossary": (path_of(glossary), None),
        "term": (path_of(term), None),
        "decoder": (urlsplit(glossary.decoder_url()).path, DECODER_TEXTS[language]),
        "search": (search, None),
        "flashcards": (urlsplit(glossary.flashcards_url()).path + "?terme=" + quote(term.slug), None),
    }


def open_page(page, url, text=None):
    """Load a key page in a Playwright page, submitting `text` to its form when given (the decoder).

    Returns what went wrong, or None. The browser tests open the key pages through it too.
    """
    response = page.goto(url, wait_until="load")
    if response is None or response.status >= 400:
        return f"{url} answered {response.status if response else 'nothing'}"
    if text is None:
        return None
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    box = page.locator("textarea[name=text]")
    box.fill(text)
    # The decoder may load a new page or update this one in place: wait for the POST, then for its marks.
    with page.expect_response(lambda answer: answer.request.method == "POST"):
        page.locator("form:has(textarea[name=text]) [type=submit]").first.click()
    page.wait_for_load_state("load")
    try:
        page.locator("main mark").first.wait_for(timeout=5000)
    except PlaywrightTimeoutError:
        return f"{url}: no highlighted term after submitting the text"
    return None


class Command(BaseCommand):
    help = "Full-page screenshots of the key pages at 320, 390 and 1366 px, fr/en, light/dark (make shots)."

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(settings.BASE_DIR / "reports" / "shots"))
        parser.add_argument("--chrome", default="/usr/bin/chromium")
        parser.add_argument("--pages", default=",".join(PAGES), help=f"Comma-separated, among {', '.join(PAGES)}")
        parser.add_argument("--widths", default=",".join(map(str, WIDTHS)))
        parser.add_argument("--languages", default=",".join(LANGUAGES))
        parser.add_argument("--schemes", default=",".join(SCHEMES))

    def handle(self, *args, output, chrome, pages, widths, languages, schemes, **options):
        pages, languages, schemes = pages.split(","), languages.split(","), schemes.split(",")
        widths = [int(width) for width in widths.split(",")]
        unknown = set(pages) - set(PAGES) | set(languages) - set(LANGUAGES) | set(schemes) - set(SCHEMES)
        if unknown:
            raise CommandError(f"Unknown choice: {', '.join(sorted(unknown))}")
        if not Path(chrome).exists():
            raise CommandError(f"No Chromium at {chrome}: install Debian's chromium package.")
        try:
            from playwright.sync_api import sync_playwright
        except ImportError as error:
            raise CommandError("Playwright is missing: install requirements-dev.txt (make shots does it).") from error

        # Every database query happens here, before Playwright's event loop starts in this thread.
        targets = {language: key_pages(language) for language in languages}
        output = Path(output)
        output.mkdir(parents=True, exist_ok=True)
        server = make_server("127.0.0.1", 0, StaticFilesHandler(get_wsgi_application()), ThreadingServer, QuietHandler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_port}"
        started = time.monotonic()
        written, problems, current = [], [], [None]
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chrome, args=CHROMIUM_ARGS)
                for language in languages:
                    for width in widths:
                        for scheme in schemes:
                            context = browser.new_context(
                                viewport={"width": width, "height": HEIGHTS.get(width, 800)},
                                locale="fr-FR" if language == "fr" else "en-GB",
                                color_scheme=scheme,
                                reduced_motion="reduce",
                            )
                            page = context.new_page()
                            page.on("pageerror", lambda error: problems.append(f"{current[0]}: script error: {error}"))
                            page.on("console", lambda message: report_console(message, current[0], problems))
                            for name in pages:
                                path, text = targets[language][name]
                                file = output / f"{name}-{language}-{width}-{scheme}.png"
                                current[0] = file.name
                                problem = self.shoot(page, base + path, text, file)
                                if problem:
                                    problems.append(f"{file.name}: {problem}")
                                written.append(file)
                            context.close()
                browser.close()
        finally:
            server.shutdown()
            connections.close_all()
        self.write_index(output, pages, languages, widths, schemes, targets)
        for file in written:
            self.stdout.write(
                str(file.relative_to(settings.BASE_DIR) if file.is_relative_to(settings.BASE_DIR) else file)
            )
        for problem in dict.fromkeys(problems):
            self.stderr.write(problem)
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(written)} screenshots in {time.monotonic() - started:.0f} s; open {output / 'index.html'}"
            )
        )

    def shoot(self, page, url, text, file):
        problem = open_page(page, url, text)
        page.screenshot(path=str(file), full_page=True, animations="disabled")
        return problem

    def write_index(self, output, pages, languages, widths, schemes, targets):
        """reports/shots/index.html: one row per page and language, every width and scheme side by side."""
        rows = []
        for name in pages:
            for language in languages:
                cells = "".join(
                    f'<figure><a href="{file}"><img src="{file}" alt="" loading="lazy"></a>'
                    f"<figcaption>{width} px, {scheme}</figcaption></figure>"
                    for width in widths
                    for scheme in schemes
                    for file in [f"{name}-{language}-{width}-{scheme}.png"]
                )
                path = escape(targets[language][name][0])
                rows.append(
                    f'<section><h2>{name} ({language}) <code>{path}</code></h2><div class="row">{cells}</div></section>'
                )
        style = (
            "body{font:14px system-ui,sans-serif;margin:1rem}.row{display:flex;gap:1rem;align-items:flex-start;"
            "overflow-x:auto}figure{margin:0}img{width:220px;border:1px solid #888}figcaption{text-align:center}"
        )
        html = (
            f'<!doctype html><html lang="en"><meta charset="utf-8"><title>Coopérer screenshots</title>'
            f"<style>{style}</style><h1>Coopérer screenshots</h1>{''.join(rows)}</html>\n"
        )
        (output / "index.html").write_text(html, encoding="utf-8")
