from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import pgettext_lazy
from django.views.static import serve as serve_static_file

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from glossary import urls as glossary_urls
from glossary import views as glossary_views
from hub import views
from hub.api import api_router
from hub.feeds import LatestPracticesFeed
from hub.ratelimit import rate_limited, throttled_page_password
from hub.search import views as search_views
from hub.sitemap import LocalizedSitemap

handler500 = "hub.views.server_error"

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LocalizedSitemap}}, name="sitemap"),
    path("admin/", include(wagtailadmin_urls)),
    # Rate limits (hub/ratelimit.py): a refused request gets 429 and Retry-After, and never reaches the view.
    path(
        "api/glossary/decode/",
        rate_limited("decode", methods="POST", as_json=True)(glossary_views.decode_api),
        name="glossary_decode_api",
    ),
    path("api/glossary/", include(glossary_urls)),
    path("api/search/", rate_limited("search", as_json=True)(search_views.search_api), name="search_api"),
    path(
        "api/search/suggest/",
        rate_limited("suggest", as_json=True)(search_views.suggest_api),
        name="search_suggest_api",
    ),
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
    path(pgettext_lazy("URL", "recherche/"), rate_limited("search")(search_views.search_page), name="search"),
    path("feed.atom", LatestPracticesFeed(), name="feed"),
    # Wagtail's own views, limited: wrong page passwords count like failed logins, and the decoder
    # (GlossaryIndexPage's "decodeur/" and "decoder/" routes) is limited like its API.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        throttled_page_password(wagtail_views.authenticate_with_password),
        name="wagtailcore_authenticate_with_password",
    ),
    # serve_decoder: Wagtail's serve, no CSRF check for the decoder (it changes nothing; readers get no cookie).
    re_path(
        r"^((?:[\w\-]+/)*(?:decodeur|decoder)/)$",
        rate_limited("decode", methods="POST")(glossary_views.serve_decoder),
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
