"""What a search leaves behind: counts per query and day, bounded.

Wagtail's Query / QueryDailyHits (the "Search terms" report, and the queries that search
promotions hang on) and SearchMiss / SearchMissDaily (the "searches that found nothing" report)
hold one row per query and one per query and day, never one per request. A script sending
random strings cannot grow them without bound: at most SEARCH_LOG_MAX_NEW_QUERIES_PER_DAY
different queries are counted a day, and `manage.py prune_search_log` forgets the days older
than WAGTAILSEARCH_HITS_MAX_AGE.
"""

from django.conf import settings
from django.db.models import F
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.search.utils import MAX_QUERY_STRING_LENGTH

from hub.models.search_log import SearchMiss


def log_key(query):
    """The query as Wagtail's Query stores it: lower case, single spaces, at most 255 characters.

    Cut after the case folding, not before as Wagtail does: "İ".lower() is two characters, and a
    query cut before folding grows past the column, so that the stored string never equals the
    one looked up and every later identical search failed on the unique key.
    """
    return " ".join(query.lower().split())[:MAX_QUERY_STRING_LENGTH].strip()


def query_for(query):
    """Wagtail's Query row for a search, or None: looking one up never creates it."""
    key = log_key(query)
    return Query.objects.filter(query_string=key).first() if key else None


def record_search(query, language_code, found):
    """Count one search of `query` for today, and when it found nothing, one miss. Returns whether it counted.

    A query already counted today is counted again; a new one only while fewer than
    SEARCH_LOG_MAX_NEW_QUERIES_PER_DAY different queries were counted today.
    """
    key = log_key(query)
    if not key:
        return False
    today = timezone.now().date()  # the day Query.add_hit counts in
    counted_today = QueryDailyHits.objects.filter(query__query_string=key, date=today)
    if not counted_today.update(hits=F("hits") + 1):
        if QueryDailyHits.objects.filter(date=today).count() >= settings.SEARCH_LOG_MAX_NEW_QUERIES_PER_DAY:
            return False
        row, _created = Query.objects.get_or_create(query_string=key)
        row.add_hit(date=today)
    if not found:
        SearchMiss.record(key, language_code, date=today)
    return True
