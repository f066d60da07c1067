from hub.content_import import ContentImport
from hub.search.models import SearchMiss

from .content import ContentPage, SitemapPage
from .home import HomePage
from .site_settings import SiteIdentity

__all__ = ["ContentImport", "ContentPage", "HomePage", "SearchMiss", "SiteIdentity", "SitemapPage"]
