"""When the database does not answer, readers get a fast 503 that says so, not a 500 or a hang.

The connection itself is bounded by `connect_timeout` and `statement_timeout` (hub/settings/env.py);
this middleware turns the resulting error into "Service unavailable, retry in a moment".
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string

API_PREFIX = "/api/"

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 30


def unavailable_response(request):
    if request.path_info.startswith(API_PREFIX):
        response = JsonResponse({"error": "the service is temporarily unavailable"}, status=503)
    else:
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, (OperationalError, InterfaceError)):
            logger.error("The database does not answer: %s", exception)
            return unavailable_response(request)
        return None
