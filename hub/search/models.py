from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchMiss(models.Model):
    """A query that found nothing: what readers look for and the hub does not have yet."""

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
    def record(cls, query_string, language_code):
        miss, _created = cls.objects.get_or_create(query_string=query_string[:255], language_code=language_code)
        cls.objects.filter(pk=miss.pk).update(hits=models.F("hits") + 1)
