"""Abuse resistance: login lockouts, rate limits with 429 and Retry-After, a bounded search log.

The test settings turn django-axes and the rate limits off (the suite logs in with Client.login()
and sends thousands of requests from one address); each test here turns on what it proves.
"""

import datetime
import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits
from wagtail.models import PageViewRestriction
from wagtail.search.utils import normalise_query_string

import pytest

from hub.models.search_log import SearchMiss, SearchMissDaily
from hub.ratelimit import client_ip
from hub.search.log import log_key, record_search
from practices.models import PracticePage

pytestmark = pytest.mark.django_db
PROJECT_DIR = Path(__file__).resolve().parents[2]
ADMIN_PASSWORD = "le-bon-mot-de-passe"
# A day-long window: a minute's window could roll over between two requests of a test.
LOW_RATES = {"search": "3/d", "suggest": "3/d", "decode": "2/d"}


@pytest.fixture
def axes_on(settings):
    settings.AXES_ENABLED = True


@pytest.fixture
def limits_on(settings):
    settings.RATELIMIT_ENABLE = True
    settings.RATELIMIT_RATES = LOW_RATES


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("redactrice", password=ADMIN_PASSWORD)


def admin_login(client, password):
    return client.post("/admin/login/", {"username": "redactrice", "password": password})


def logged_in(client):
    return "_auth_user_id" in client.session


def assert_retry_after(response, at_most):
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= at_most


# Admin login -------------------------------------------------------------------------------------
def test_twenty_wrong_admin_passwords_then_the_right_one_is_refused(client, editor, axes_on):
    for _attempt in range(20):
        admin_login(client, "mauvais")
    response = admin_login(client, ADMIN_PASSWORD)
    assert response.status_code == 429
    assert not logged_in(client)
    assert "Accès temporairement bloqué" in response.content.decode()
    assert_retry_after(response, at_most=15 * 60)


def test_the_admin_login_locks_at_the_fifth_failure(client, editor, axes_on):
    statuses = [admin_login(client, "mauvais").status_code for _attempt in range(5)]
    assert statuses == [200, 200, 200, 200, 429]


def test_four_wrong_admin_passwords_then_the_right_one_logs_in(client, editor, axes_on):
    for _attempt in range(4):
        admin_login(client, "mauvais")
    response = admin_login(client, ADMIN_PASSWORD)
    assert response.status_code == 302
    assert logged_in(client)


def test_the_lockout_is_per_address_and_user_name(client, editor, axes_on):
    for _attempt in range(5):
        admin_login(client, "mauvais")
    response = client.post(
        "/admin/login/", {"username": "redactrice", "password": ADMIN_PASSWORD}, REMOTE_ADDR="192.0.2.10"
    )
    assert response.status_code == 302


def test_axes_reset_lifts_the_lockout(client, editor, axes_on):
    for _attempt in range(5):
        admin_login(client, "mauvais")
    call_command("axes_reset", verbosity=0)
    assert admin_login(client, ADMIN_PASSWORD).status_code == 302
    assert logged_in(client)


def test_the_lockout_page_is_in_english_for_an_english_reader(client, editor, axes_on):
    for _attempt in range(5):
        admin_login(client, "mauvais")
    response = client.post(
        "/admin/login/", {"username": "redactrice", "password": "mauvais"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    html = response.content.decode()
    assert response.status_code == 429
    assert '<html lang="en">' in html
    assert "Access temporarily blocked" in html


# Password of a restricted page -------------------------------------------------------------------
@pytest.fixture
def protected_page(french):
    page = PracticePage.objects.live().filter(locale=french).first()
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="password", password="sesame")
    with translation.override("fr"):
        url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    return page, url


def try_page_password(client, protected_page, password):
    page, url = protected_page
    return client.post(url, {"password": password, "return_url": page.url})


def test_the_page_password_form_locks_after_five_wrong_passwords(client, protected_page, axes_on):
    statuses = [try_page_password(client, protected_page, "mauvais").status_code for _attempt in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    response = try_page_password(client, protected_page, "sesame")
    assert response.status_code == 429
    assert "Accès temporairement bloqué" in response.content.decode()
    assert_retry_after(response, at_most=15 * 60)


def test_the_right_page_password_still_opens_the_page(client, protected_page, axes_on):
    for _attempt in range(4):
        try_page_password(client, protected_page, "mauvais")
    response = try_page_password(client, protected_page, "sesame")
    assert response.status_code == 302
    page, _url = protected_page
    assert response["Location"] == page.url


def test_axes_reset_lifts_a_page_password_lockout(client, protected_page, axes_on):
    for _attempt in range(5):
        try_page_password(client, protected_page, "mauvais")
    call_command("axes_reset", verbosity=0)
    assert try_page_password(client, protected_page, "sesame").status_code == 302


# Rate limits -------------------------------------------------------------------------------------
def test_the_search_page_answers_429_with_retry_after_beyond_its_rate(client, limits_on):
    statuses = [client.get("/fr/recherche/?q=brest").status_code for _request in range(3)]
    response = client.get("/fr/recherche/?q=brest")
    assert statuses == [200, 200, 200]
    assert_retry_after(response, at_most=24 * 3600)
    assert response["Content-Type"].startswith("text/html")
    assert "Trop de requêtes" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_the_search_api_answers_429_in_json(client, limits_on):
    for _request in range(3):
        assert client.get("/api/search/?q=brest&locale=fr").status_code == 200
    response = client.get("/api/search/?q=brest&locale=fr")
    assert_retry_after(response, at_most=24 * 3600)
    payload = response.json()
    assert payload["error"].startswith("too many requests")
    assert payload["retry_after"] == int(response["Retry-After"])


def test_the_search_page_and_api_share_one_count(client, limits_on):
    client.get("/fr/recherche/?q=brest")
    client.get("/api/search/?q=brest&locale=fr")
    client.get("/en/search/?q=brest")
    assert client.get("/api/search/?q=brest&locale=fr").status_code == 429


def test_the_suggestion_api_answers_429_beyond_its_rate(client, limits_on):
    for _request in range(3):
        assert client.get("/api/search/suggest/?q=medi&locale=fr").status_code == 200
    response = client.get("/api/search/suggest/?q=medi&locale=fr")
    assert_retry_after(response, at_most=24 * 3600)
    assert "error" in response.json()


def test_the_decode_api_answers_429_beyond_its_rate(client, limits_on):
    body = json.dumps({"text": "Le PRE et la CAF.", "locale": "fr"})
    for _request in range(2):
        assert client.post("/api/glossary/decode/", body, content_type="application/json").status_code == 200
    response = client.post("/api/glossary/decode/", body, content_type="application/json")
    assert_retry_after(response, at_most=24 * 3600)
    assert "error" in response.json()


@pytest.mark.parametrize("path", ["/fr/glossaire/decodeur/", "/en/glossary/decoder/"])
def test_the_decoder_page_answers_429_to_posts_beyond_its_rate(client, limits_on, path):
    for _request in range(2):
        assert client.post(path, {"text": "Le PRE et la CAF."}).status_code == 200
    response = client.post(path, {"text": "Le PRE et la CAF."})
    assert_retry_after(response, at_most=24 * 3600)
    assert response["Content-Type"].startswith("text/html")
    assert client.get(path).status_code == 200, "reading the decoder page is not limited"


def test_a_spoofed_forwarded_for_header_does_not_escape_the_limit(client, limits_on):
    for number in range(3):
        client.get("/api/search/suggest/?q=medi&locale=fr", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")
    response = client.get("/api/search/suggest/?q=medi&locale=fr", HTTP_X_FORWARDED_FOR="203.0.113.99")
    assert response.status_code == 429


def test_behind_a_trusted_proxy_each_client_has_its_own_count(client, limits_on, settings):
    settings.CLIENT_IP_HEADER = "X-Forwarded-For"
    for _request in range(3):
        client.get("/api/search/suggest/?q=medi&locale=fr", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.1")
    # Whatever the client wrote before the address the proxy appended is ignored.
    refused = client.get("/api/search/suggest/?q=medi&locale=fr", HTTP_X_FORWARDED_FOR="9.9.9.9, 198.51.100.1")
    other = client.get("/api/search/suggest/?q=medi&locale=fr", HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert refused.status_code == 429
    assert other.status_code == 200


@pytest.mark.parametrize(
    ("header", "count", "forwarded", "expected"),
    [
        ("", 1, "203.0.113.7", "127.0.0.1"),
        ("X-Forwarded-For", 1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),
        ("X-Forwarded-For", 2, "6.6.6.6, 203.0.113.7, 10.0.0.2", "203.0.113.7"),
        ("X-Forwarded-For", 2, "203.0.113.7", "127.0.0.1"),
        ("X-Forwarded-For", 1, "not-an-address", "127.0.0.1"),
    ],
)
def test_client_ip_trusts_the_header_only_as_configured(settings, header, count, forwarded, expected):
    settings.CLIENT_IP_HEADER = header
    settings.CLIENT_IP_PROXY_COUNT = count
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR=forwarded, REMOTE_ADDR="127.0.0.1")
    assert client_ip(request) == expected


def test_production_settings_turn_the_protections_on():
    unset = {"SECRET_KEY", "DEBUG", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "CLIENT_IP_HEADER"}
    env = {key: value for key, value in os.environ.items() if key not in unset}
    env.update(DJANGO_SETTINGS_MODULE="hub.settings.production", SECRET_KEY=secrets.token_urlsafe(64))
    script = (
        "import json, django; django.setup(); from django.conf import settings as s; print(json.dumps({"
        "'axes': s.AXES_ENABLED, 'limits': s.RATELIMIT_ENABLE, 'rates': s.RATELIMIT_RATES,"
        "'backend': s.AUTHENTICATION_BACKENDS[0], 'middleware': s.MIDDLEWARE[-1], 'header': s.CLIENT_IP_HEADER}))"
    )
    result = subprocess.run(  # noqa: S603 - a fixed command line
        [sys.executable, "-c", script], cwd=PROJECT_DIR, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout)
    assert values == {
        "axes": True,
        "limits": True,
        "rates": {"search": "60/m", "suggest": "120/m", "decode": "30/m"},
        "backend": "axes.backends.AxesStandaloneBackend",
        "middleware": "axes.middleware.AxesMiddleware",
        "header": "",
    }


# The search log ----------------------------------------------------------------------------------
def test_a_rate_limited_search_records_nothing(client, settings):
    settings.RATELIMIT_ENABLE = True
    settings.RATELIMIT_RATES = {"search": "1/d"}
    client.get("/fr/recherche/?q=premiere")
    response = client.get("/fr/recherche/?q=xyloabsent")
    assert response.status_code == 429
    assert not Query.objects.filter(query_string="xyloabsent").exists()
    assert not SearchMiss.objects.filter(query_string="xyloabsent").exists()


def test_a_search_adds_to_the_day_of_its_query_instead_of_a_row(client):
    for _request in range(3):
        client.get("/fr/recherche/?q=xyloabsent")
    query = Query.objects.get(query_string="xyloabsent")
    assert list(query.daily_hits.values_list("hits", flat=True)) == [3]
    miss = SearchMiss.objects.get(query_string="xyloabsent")
    assert miss.hits == 3
    assert list(miss.daily_hits.values_list("hits", flat=True)) == [3]


def test_no_more_than_the_daily_cap_of_new_queries_is_recorded(client, settings):
    settings.SEARCH_LOG_MAX_NEW_QUERIES_PER_DAY = 5
    queries = [f"xylo{secrets.token_hex(4)}" for _query in range(8)]
    for query in queries:
        assert client.get(f"/api/search/?q={query}&locale=fr").status_code == 200
    today = timezone.now().date()
    assert QueryDailyHits.objects.filter(date=today).count() == 5
    assert Query.objects.filter(query_string__in=queries).count() == 5
    assert SearchMiss.objects.filter(query_string__in=queries).count() == 5
    # A query already counted today is still counted.
    client.get(f"/api/search/?q={queries[0]}&locale=fr")
    assert Query.objects.get(query_string=queries[0]).hits == 2


def test_a_search_that_only_reads_creates_no_query_row(client):
    client.get("/api/search/suggest/?q=xylolecture&locale=fr")
    assert not Query.objects.filter(query_string__startswith="xylolecture").exists()


def test_a_query_that_grows_when_lower_cased_is_recorded_once(client):
    query = "İ" * 130  # lower-cased, each "İ" becomes "i" and a combining dot: 260 characters
    first = client.get("/fr/recherche/", {"q": query})
    second = client.get("/fr/recherche/", {"q": query})
    assert (first.status_code, second.status_code) == (200, 200)
    stored = Query.objects.get(query_string__startswith="i\u0307")
    assert len(stored.query_string) <= 255
    assert stored.hits == 2
    assert SearchMiss.objects.get(query_string=stored.query_string).hits == 2


def test_the_log_is_cut_after_lower_casing_so_the_same_query_finds_its_row():
    query = "İ" * 130
    assert len(log_key(query)) == 255
    assert normalise_query_string(log_key(query)) == log_key(query), "Wagtail's Query.save() keeps it as is"
    assert record_search(query, "fr", found=False)
    assert record_search(query, "fr", found=False)
    assert Query.objects.get(query_string=log_key(query)).hits == 2
    assert SearchMiss.objects.get(query_string=log_key(query)).hits == 2


def test_prune_search_log_forgets_old_days(client):
    today = timezone.now().date()
    old = today - datetime.timedelta(days=200)
    for query_string, day in (("xyloancien", old), ("xylorecent", today)):
        Query.get(query_string).add_hit(date=day)
        SearchMiss.record(query_string, "fr", date=day)
    SearchMiss.record("xylorecent", "fr", date=old)
    call_command("prune_search_log", verbosity=0)
    assert not Query.objects.filter(query_string="xyloancien").exists()
    assert not SearchMiss.objects.filter(query_string="xyloancien").exists()
    assert Query.objects.get(query_string="xylorecent").hits == 1
    recent = SearchMiss.objects.get(query_string="xylorecent")
    assert recent.hits == 1, "the count is what the kept days add up to"
    assert list(SearchMissDaily.objects.filter(miss=recent).values_list("date", flat=True)) == [today]
