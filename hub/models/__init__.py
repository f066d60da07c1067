from hub.content_import import ContentImport

from .content import ContentPage
from .home import HomePage
from .site_settings import SiteIdentity

__all__ = ["ContentImport", "ContentPage", "HomePage", "SiteIdentity"]
