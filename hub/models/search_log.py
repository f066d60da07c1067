import datetime

from django.db import models
from django.db.models import OuterRef, Subquery, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SearchMiss(models.Model):
    """A query that found nothing: what readers look for and the hub does not have yet.

    `hits` is the total of the query's days kept in SearchMissDaily (the last
    WAGTAILSEARCH_HITS_MAX_AGE days once `prune_search_log` has run).
    """

    query_string = models.CharField(_("recherche"), max_length=255)
    language_code = models.CharField(_("langue"), max_length=10)
    hits = models.PositiveIntegerField(_("nombre de fois"), default=0)
    last_searched_at = models.DateTimeField(_("dernière fois"), auto_now=True)

    class Meta:
        app_label = "hub"
        verbose_name = _("recherche sans résultat")
        verbose_name_plural = _("recherches sans résultat")
        unique_together = [("query_string", "language_code")]
        ordering = ["-hits", "-last_searched_at"]

    def __str__(self):
        return self.query_string

    @classmethod
    def record(cls, query_string, language_code, date=None):
        """One more search of `query_string` that found nothing, counted for its day."""
        now = timezone.now()
        miss, _created = cls.objects.get_or_create(query_string=query_string[:255], language_code=language_code)
        cls.objects.filter(pk=miss.pk).update(hits=models.F("hits") + 1, last_searched_at=now)
        day = SearchMissDaily.objects.filter(miss=miss, date=date or now.date())
        if not day.update(hits=models.F("hits") + 1):
            SearchMissDaily.objects.get_or_create(miss=miss, date=date or now.date())
            day.update(hits=models.F("hits") + 1)

    @classmethod
    def prune(cls, days):
        """Forget the days older than `days`, the queries left with none, and recount the others.

        Returns the number of queries forgotten.
        """
        min_date = timezone.now().date() - datetime.timedelta(days=days)
        SearchMissDaily.objects.filter(date__lt=min_date).delete()
        _total, deleted = cls.objects.filter(daily_hits__isnull=True).delete()
        kept_hits = (
            SearchMissDaily.objects.filter(miss=OuterRef("pk"))
            .values("miss")
            .annotate(total=Sum("hits"))
            .values("total")
        )
        cls.objects.update(hits=Subquery(kept_hits))
        return deleted.get(cls._meta.label, 0)


class SearchMissDaily(models.Model):
    """How many times a query found nothing on one day: what `prune_search_log` ages out."""

    miss = models.ForeignKey(SearchMiss, on_delete=models.CASCADE, related_name="daily_hits")
    date = models.DateField(_("jour"))
    hits = models.PositiveIntegerField(_("nombre de fois"), default=0)

    class Meta:
        app_label = "hub"
        verbose_name = _("recherche sans résultat, par jour")
        verbose_name_plural = _("recherches sans résultat, par jour")
        unique_together = [("miss", "date")]

    def __str__(self):
        return f"{self.miss} ({self.date})"
