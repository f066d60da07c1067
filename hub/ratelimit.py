"""Abuse limits: who the client is, rate limits that answer 429 with Retry-After, login lockouts.

Rate limits count requests per client address in the default cache (shared by every worker) with
django-ratelimit; the rates are read from settings.RATELIMIT_RATES at each request. Failed logins
are counted in the database by django-axes, which locks a client out of the admin login, and,
through `throttled_page_password`, out of the password form of a restricted page.
"""

import ipaddress
import math
from functools import wraps

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from django_ratelimit import ALL
from django_ratelimit.core import get_usage


def client_ip(request):
    """The client's address: REMOTE_ADDR, unless settings.CLIENT_IP_HEADER names a header set by a trusted proxy.

    Such a header holds one address or a list that each proxy appends to (X-Forwarded-For): the
    client is the CLIENT_IP_PROXY_COUNT-th address from the right, the last ones being added by
    the proxies themselves. Whatever the client wrote further left is ignored. A request that
    did not come through the proxies (too few addresses, or not an address) falls back to
    REMOTE_ADDR.
    """
    remote = request.META.get("REMOTE_ADDR") or ""
    header = settings.CLIENT_IP_HEADER
    if not header:
        return remote
    raw = request.META.get("HTTP_" + header.upper().replace("-", "_"), "")
    addresses = [item.strip() for item in raw.split(",") if item.strip()]
    count = settings.CLIENT_IP_PROXY_COUNT
    if len(addresses) < count:
        return remote
    try:
        return str(ipaddress.ip_address(addresses[-count]))
    except ValueError:
        return remote


def client_key(group, request):
    """The rate-limit bucket: one per IPv4 address, one per IPv6 /64 (what one subscriber usually gets)."""
    address = client_ip(request)
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address or "unknown"
    if parsed.version == 6:
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False).network_address)
    return str(parsed)


def configured_rate(group, request):
    """The rate of a group, read at each request so that it can change without a restart (and in tests)."""
    return settings.RATELIMIT_RATES.get(group)


def too_many_requests(request, retry_after, as_json):
    retry_after = max(1, int(retry_after))
    if as_json:
        response = JsonResponse(
            {"error": f"too many requests: try again in {retry_after} seconds", "retry_after": retry_after},
            status=429,
        )
    else:
        response = render(request, "hub/too_many_requests.html", {"minutes": math.ceil(retry_after / 60)}, status=429)
    response["Retry-After"] = str(retry_after)
    add_never_cache_headers(response)
    return response


def rate_limited(group, *, methods=ALL, as_json=False):
    """Count each request of `methods` per client in `group`; beyond the group's rate, answer 429.

    A refused request never reaches the view: it is not searched, decoded or recorded.
    """

    def decorator(view):
        @wraps(view)
        def limited_view(request, *args, **kwargs):
            usage = get_usage(
                request, group=group, key=client_key, rate=configured_rate, method=methods, increment=True
            )
            if usage is not None and usage["should_limit"]:
                return too_many_requests(request, usage["time_left"], as_json)
            return view(request, *args, **kwargs)

        return limited_view

    return decorator


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out client (AXES_LOCKOUT_CALLABLE): a page saying how long to wait."""
    cool_off = get_cool_off(request)
    seconds = int(cool_off.total_seconds()) if cool_off else 0
    context = {"minutes": math.ceil(seconds / 60) if seconds else None}
    response = render(request, "hub/locked_out.html", context, status=429)
    if seconds:
        response["Retry-After"] = str(seconds)
    add_never_cache_headers(response)
    return response


def throttled_page_password(view):
    """Wagtail's page-password view, with failed passwords counted by django-axes like failed logins.

    The form does not go through `authenticate()`, so the failures are reported to axes here, for
    the client's address and the restriction ("page-password:<id>" as the user name): after
    AXES_FAILURE_LIMIT wrong passwords the client is locked out of that restriction, right
    password included, for AXES_COOLOFF_TIME. `manage.py axes_reset` lifts every lockout.
    """

    @wraps(view)
    def throttled_view(request, page_view_restriction_id, page_id):
        if request.method != "POST" or not settings.AXES_ENABLED:
            return view(request, page_view_restriction_id, page_id)
        credentials = {"username": f"page-password:{page_view_restriction_id}"}
        if not AxesProxyHandler.is_allowed(request, credentials):
            return lockout_response(request, credentials=credentials)
        response = view(request, page_view_restriction_id, page_id)
        if response.status_code == 302:  # the password was right: Wagtail redirects to the page
            AxesProxyHandler.reset_attempts(ip_address=request.axes_ip_address, username=credentials["username"])
        else:
            # Axes records the failure and, at the limit, flags the request: its middleware answers.
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        return response

    return throttled_view
