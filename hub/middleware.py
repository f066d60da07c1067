from django.conf import settings

from csp.middleware import CSPMiddleware, PolicyParts


class SiteContentSecurityPolicyMiddleware(CSPMiddleware):
    """The strict public policy everywhere, the admin's looser policy under /admin/ only."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(settings.ADMIN_URL_PREFIX):
            return PolicyParts(config=settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"], nonce=parts.nonce)
        return parts
