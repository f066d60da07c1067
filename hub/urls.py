from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import pgettext_lazy
from django.views.static import serve as serve_static_file

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from glossary import urls as glossary_urls
from hub import views
from hub.api import api_router
from hub.feeds import LatestPracticesFeed
from hub.search import views as search_views
from hub.sitemap import LocalizedSitemap

handler500 = "hub.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LocalizedSitemap}}, name="sitemap"),
    path("admin/", include(wagtailadmin_urls)),
    path("api/glossary/", include(glossary_urls)),
    path("api/search/", search_views.search_api, name="search_api"),
    path("api/search/suggest/", search_views.suggest_api, name="search_suggest_api"),
    path("api/v2/", api_router.urls),
    path("documents/", include(wagtaildocs_urls)),
    # Image renditions are public; documents never are served from the media folder.
    re_path(
        r"^media/(?P<path>(?:images|original_images)/.+)$",
        serve_static_file,
        {"document_root": settings.MEDIA_ROOT},
    ),
]

urlpatterns += i18n_patterns(
    path(pgettext_lazy("URL", "recherche/"), search_views.search_page, name="search"),
    path("feed.atom", LatestPracticesFeed(), name="feed"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
