from hub.content_import import ContentImport
from hub.search.models import SearchMiss

from .content import ContentPage
from .home import HomePage
from .site_settings import SiteIdentity

__all__ = ["ContentImport", "ContentPage", "HomePage", "SearchMiss", "SiteIdentity"]
