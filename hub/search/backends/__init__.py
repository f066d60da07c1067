"""Wagtail's database search backends (django-modelsearch), subclassed with Coopérer's tuning.

`WAGTAILSEARCH_BACKENDS` names one by dotted path, after the database in use:
- `hub.search.backends.postgres` (`PostgresSearchBackend`): accent-insensitive autocomplete
  (`AUTOCOMPLETE_SEARCH_CONFIG`, where modelsearch uses `simple` and "medi" does not find
  "médiation": migration hub.0002 defines `cooperer_simple` with `unaccent`), and ranking that
  stays fast at 20,000 documents (`RANK_WINDOW`);
- `hub.search.backends.sqlite`: results scored in one pass where SQLite has FTS5,
  modelsearch's own fallback backend where it has not.

Each language is analysed with its own rules. Pages carry the roots of their words in their
language (`BasePage.search_roots`, `hub.text`), on every backend. On PostgreSQL, a page is indexed
and a query is parsed with its language's text search configuration (`SEARCH_CONFIGS`): the
search service says which language it searches in (`searching_in`), and the index groups the
pages it writes by language. Elasticsearch has one index per language (`hub.search_backend`).

The tuning overrides methods of modelsearch's query compilers and results that are not part of
its documented API. `TESTED_MODELSEARCH` is the version it was written and measured against; the
system check `hub.E001` stops the site at start-up on any other, so that an upgrade is a decision
(run the search tests and `make bench`, then add the version) and never a silent change of results.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

TESTED_MODELSEARCH = {"1.3.2"}
TUNED_BACKENDS = {"hub.search.backends.postgres", "hub.search.backends.sqlite"}

_language = ContextVar("search_language", default=None)


@contextmanager
def searching_in(language_code):
    """Index or search in `language_code` within the block: its analysis rules apply."""
    token = _language.set(language_code)
    try:
        yield
    finally:
        _language.reset(token)


def search_language():
    return _language.get() or settings.LANGUAGE_CODE


def search_backend_name(language_code):
    """The backend that holds `language_code`'s index: one per language where each has its own."""
    return language_code if language_code in settings.WAGTAILSEARCH_BACKENDS else "default"
