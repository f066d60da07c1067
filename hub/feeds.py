"""An Atom feed of new and updated good practices and training modules, per language."""

from datetime import UTC, datetime

from django.contrib.syndication.views import Feed
from django.db.models import F
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from hub.localization import localize
from practices.models import PracticePage, TrainingModulePage

FEED_SIZE = 30
NEVER = datetime.min.replace(tzinfo=UTC)


def updated(page):
    """When the page last changed; a page loaded or imported live may have no publication date at all."""
    return page.last_published_at or page.first_published_at or NEVER


class LatestPracticesFeed(Feed):
    feed_type = Atom1Feed
    title = _("Coopérer : bonnes pratiques et modules de formation")
    subtitle = _("Les bonnes pratiques et les modules de formation publiés ou mis à jour sur Coopérer.")

    def link(self):
        return reverse("feed")

    def items(self):
        """The newest pages of the source language, each in the reader's language when translated."""
        source = Locale.get_default()
        newest_first = F("last_published_at").desc(nulls_last=True)
        pages = []
        for model in (PracticePage, TrainingModulePage):
            pages.extend(model.objects.live().public().filter(locale=source).order_by(newest_first)[:FEED_SIZE])
        pages.sort(key=updated, reverse=True)
        return localize(pages[:FEED_SIZE])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.listing_summary

    def item_link(self, item):
        return item.url

    def item_updateddate(self, item):
        return updated(item)

    def item_pubdate(self, item):
        return item.first_published_at

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = get_language()
        return feed
