from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LocalizedSitemap(Sitemap):
    """Wagtail's sitemap, over the site's tree in every language (each home page and its descendants)."""

    def items(self):
        homes = Page.objects.filter(translation_key=self.get_wagtail_site().root_page.translation_key)
        tree = Q()
        for home in homes:
            tree |= Q(path__startswith=home.path)
        return Page.objects.filter(tree).live().public().order_by("path").defer_streamfields().specific()
