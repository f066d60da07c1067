"""Security settings, for every environment (production.py adds the HTTPS-only ones): headers, the
content security policies, the client address behind a proxy, login lockouts and request limits."""

import os
from datetime import timedelta

from django.core.exceptions import ImproperlyConfigured

# Security headers, for every environment; production.py adds HTTPS-only settings.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail allows same-origin framing for its own previews.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# The public site: no inline script, no eval, no third-party origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The Wagtail admin (under /admin/ only) relies on inline scripts and styles.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'", "'unsafe-eval'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
ADMIN_URL_PREFIX = "/admin/"

# Abuse limits (hub/ratelimit.py). The client is REMOTE_ADDR unless CLIENT_IP_HEADER names a header
# that the proxy in front of the site sets (e.g. X-Forwarded-For, X-Real-IP, CF-Connecting-IP); the
# client is then the CLIENT_IP_PROXY_COUNT-th address from its right. Never set it without a proxy
# that overwrites or appends to that header: anyone could choose their address.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "").strip()
_proxy_count = os.environ.get("CLIENT_IP_PROXY_COUNT", "1").strip()
if not (_proxy_count.isascii() and _proxy_count.isdigit() and int(_proxy_count) >= 1):
    raise ImproperlyConfigured(f"CLIENT_IP_PROXY_COUNT={_proxy_count!r} must be a whole number of proxies, 1 or more.")
CLIENT_IP_PROXY_COUNT = int(_proxy_count)

# Failed logins (admin, front-end login, page passwords), counted in the database by django-axes:
# 5 failures from one address for one user name lock that pair out for 15 minutes, right password
# included. `manage.py axes_reset` lifts every lockout.
AXES_ENABLED = True
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["ip_address", "username"]]
AXES_RESET_ON_SUCCESS = True
# Tries during a lockout neither extend it nor write to the database.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "hub.ratelimit.client_ip"
AXES_LOCKOUT_CALLABLE = "hub.ratelimit.lockout_response"

# Requests per client address (per IPv6 /64), counted in the default cache by django-ratelimit.
# Far above what a reader does; a script gets 429 with Retry-After. A group without a rate is not limited.
RATELIMIT_ENABLE = True
RATELIMIT_RATES = {
    "search": "60/m",  # the search page and GET /api/search/ together
    "suggest": "120/m",  # GET /api/search/suggest/, called as the reader types
    "decode": "30/m",  # POST to the decoder page and to /api/glossary/decode/
}
# A cache that fails lets requests through rather than refusing every reader.
RATELIMIT_FAIL_OPEN = True
