"""Shared shape of the small vocabularies (stages, domains, actor types...) that content is filtered by.

Each is a translatable snippet: French rows are the source, English rows their translations,
and pages point to the French rows; templates show `.localized`. Themes are tags (django-taggit,
one set for every language): `Theme` gives each tag its name in each language, by the tag's slug.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index

from hub.content_cache import remembered


class VocabularyTerm(TranslatableMixin, index.Indexed, models.Model):
    slug = models.SlugField(_("identifiant"), max_length=80)
    name = models.CharField(_("nom"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class Theme(VocabularyTerm):
    """A theme's name in a language; `slug` is the slug of the tag that pages carry."""

    slug = models.SlugField(_("identifiant"), max_length=100, allow_unicode=True)

    class Meta(VocabularyTerm.Meta):
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")


def vocabulary_names(model, language_code):
    """{slug: name in `language_code`} of a vocabulary's rows; pages point to the source rows' slugs."""

    def read():
        locale = Locale.objects.filter(language_code=language_code).first()
        slugs = dict(model.objects.values_list("translation_key", "slug"))
        names = model.objects.filter(locale=locale).values_list("translation_key", "name")
        return {slugs[key]: name for key, name in names if key in slugs}

    return remembered(f"vocabulary-names:{model._meta.label_lower}:{language_code}", read)


def theme_names(language_code):
    """{tag slug: the theme's name in `language_code`}, for the themes that have one."""
    return vocabulary_names(Theme, language_code)
