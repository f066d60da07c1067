"""Wagtail's database search backends (django-modelsearch), subclassed with Coopérer's tuning.

`WAGTAILSEARCH_BACKENDS` names one by dotted path, after the database in use:
- `hub.search.backends.postgres` (`PostgresSearchBackend`): accent-insensitive autocomplete
  (`AUTOCOMPLETE_SEARCH_CONFIG`, where modelsearch uses `simple` and "medi" does not find
  "médiation": migration hub.0002 defines `cooperer_simple` with `unaccent`), and ranking that
  stays fast at 20,000 documents (`RANK_WINDOW`);
- `hub.search.backends.sqlite`: results scored in one pass where SQLite has FTS5,
  modelsearch's own fallback backend where it has not.

The tuning overrides methods of modelsearch's query compilers and results that are not part of
its documented API. `TESTED_MODELSEARCH` is the version it was written and measured against; the
system check `hub.E001` stops the site at start-up on any other, so that an upgrade is a decision
(run the search tests and `make bench`, then add the version) and never a silent change of results.
"""

TESTED_MODELSEARCH = {"1.3.2"}
TUNED_BACKENDS = {"hub.search.backends.postgres", "hub.search.backends.sqlite"}
