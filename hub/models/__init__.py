from hub.content_import import ContentImport

from .content import ContentPage, SitemapPage
from .home import HomePage
from .search_log import SearchMiss, SearchMissDaily
from .site_settings import SiteIdentity

__all__ = [
    "ContentImport",
    "ContentPage",
    "HomePage",
    "SearchMiss",
    "SearchMissDaily",
    "SiteIdentity",
    "SitemapPage",
]
