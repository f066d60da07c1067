from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

from hub.models.search_log import SearchMiss


class Command(BaseCommand):
    help = (
        "Forget searches older than WAGTAILSEARCH_HITS_MAX_AGE days: Wagtail's per-day query hits "
        "(and the queries left without hits or promotions) and the searches that found nothing. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep this many days instead of WAGTAILSEARCH_HITS_MAX_AGE.",
        )

    def handle(self, *args, days=None, **options):
        days = settings.WAGTAILSEARCH_HITS_MAX_AGE if days is None else days
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        QueryDailyHits.garbage_collect(days=days)
        Query.garbage_collect()
        forgotten = SearchMiss.prune(days)
        self.stdout.write(
            f"Kept the last {days} days of searches: {Query.objects.count()} queries, "
            f"{SearchMiss.objects.count()} searches that found nothing ({forgotten} forgotten)."
        )
