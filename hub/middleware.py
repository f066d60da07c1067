from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

from csp.middleware import CSPMiddleware, PolicyParts

API_PREFIX = "/api/"


class SiteContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict public policy everywhere, the admin's looser policy under /admin/ only."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(settings.ADMIN_URL_PREFIX):
            return PolicyParts(config=settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"], nonce=parts.nonce)
        return parts


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a 404 under /api/ stays a 404.

    Django answers a 404 outside the language prefixes with a redirect to the same path under
    /fr/ when that path resolves, and Wagtail's page URLs resolve every path: an unknown API URL,
    or an API's own "not found", became a 302 to /fr/api/..., a reader's page that does not exist.
    """

    def process_response(self, request, response):
        if response.status_code == 404 and request.path_info.startswith(API_PREFIX):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
