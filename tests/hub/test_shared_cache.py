"""Two processes, one cache: a page published in one process shows at once in the pages another serves.

A copy of the test database is served by gunicorn in a process of its own, with the cache of a
real deployment (files under VAR_DIR, or Redis); an editor's publication is made in a second
process, through the admin's bulk publish action. Nothing is shared but the database and the cache.
"""

import os
import shutil
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings

import pytest

from practices.models import PracticePage
from tests.databases import copy_database

ROOT = Path(settings.BASE_DIR)
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
PUBLISH = textwrap.dedent(
    """
    from django.contrib.auth import get_user_model
    from django.test import Client
    from wagtail.models import Page

    page = Page.objects.get(pk={pk}).specific
    editor = get_user_model().objects.create_superuser("editrice", "editrice@example.org", "x")
    page.title = {title!r}
    page.save_revision(user=editor)
    client = Client()
    client.force_login(editor)
    response = client.post("/admin/bulk/wagtailcore/page/publish/?id={pk}", {{"include_descendants": ""}})
    assert response.status_code == 302, response.status_code
    """
)


def run(command, **options):
    """A command line of this file's own (the project's manage.py, PostgreSQL's tools), failing loudly."""
    result = subprocess.run(command, capture_output=True, **options)  # noqa: S603 - built here
    if result.returncode != 0:
        pytest.fail(f"{command[:3]} failed ({result.returncode}):\n{result.stderr.decode(errors='replace')[-3000:]}")
    return result


def redis_reachable():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


SERVER_ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "hub.settings.base",
    "DEBUG": "0",
    "SECRET_KEY": "shared-cache-test-" + "x" * 50,
}


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    """The hashed static files that pages link to with DEBUG off, collected once."""
    var_dir = tmp_path_factory.mktemp("static")
    run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env={**os.environ, **SERVER_ENVIRONMENT, "VAR_DIR": str(var_dir)},
    )
    return var_dir / "static"


def wait_for(url):
    for _attempt in range(300):
        try:
            urllib.request.urlopen(url)  # noqa: S310 - 127.0.0.1, built here
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing answers at {url}")


def start(command, environment=None):
    return subprocess.Popen(  # noqa: S603 - our own gunicorn or Debian's varnishd, built here
        command, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


def start_instance(environment, port):
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    server = start([gunicorn, "hub.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"], environment)
    wait_for(f"http://127.0.0.1:{port}/healthz")
    return server


def stop(*servers):
    for server in servers:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def instance_environment(tmp_path, static_root, db):
    """What two instances of the site share: a copy of the database, and the files of VAR_DIR."""
    database_url, drop = copy_database(tmp_path)
    (tmp_path / "static").symlink_to(static_root)
    yield {
        **os.environ,
        **SERVER_ENVIRONMENT,
        "DATABASE_URL": database_url,
        "VAR_DIR": str(tmp_path),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "REDIS_URL": "",
    }
    drop()


def empty_redis():
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()  # another test's copy of the site left its pages there
    return REDIS_URL


@pytest.fixture(params=["files", "redis"])
def deployment(request, instance_environment):
    environment = instance_environment
    if request.param == "redis":
        if not redis_reachable():
            pytest.skip("no Redis server on 127.0.0.1:6379")
        environment["REDIS_URL"] = empty_redis()
    port = free_port()
    server = start_instance(environment, port)
    yield f"http://127.0.0.1:{port}", environment
    stop(server)


def read(url, header="X-Page-Cache"):
    request = urllib.request.Request(url, headers={"Host": "localhost"})  # noqa: S310 - the site's hostname
    with urllib.request.urlopen(request) as response:  # noqa: S310 - 127.0.0.1, built here
        return response.headers.get(header), response.read().decode()


def publish_in_another_process(page, title, environment):
    script = PUBLISH.format(pk=page.pk, title=title)
    run([sys.executable, "manage.py", "shell", "-c", script], cwd=ROOT, env=environment)


def test_a_page_published_by_one_process_is_served_new_at_once_by_another(deployment, french):
    base, environment = deployment
    page = PracticePage.objects.get(slug="annuaire-des-acteurs", locale=french)
    listing = page.get_parent()
    read(base + page.url)
    read(base + listing.url)
    status, _html = read(base + page.url)
    assert status == "hit"

    title = "Annuaire publié par un autre processus"
    run(
        [sys.executable, "manage.py", "shell", "-c", PUBLISH.format(pk=page.pk, title=title)], cwd=ROOT, env=environment
    )

    status, html = read(base + page.url)
    assert status == "miss"
    assert title in html
    assert title in read(base + listing.url)[1]


VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"


@pytest.mark.skipif(not os.path.exists(VARNISHD), reason="varnishd is not installed (Debian's varnish package)")
def test_behind_varnish_a_publication_purges_it_and_both_instances_serve_the_new_page(
    instance_environment, tmp_path, french
):
    """The production layout of the README: Varnish in front of two gunicorn instances sharing a cache."""
    ports = [free_port(), free_port()]
    varnish_port = free_port()
    environment = {
        **instance_environment,
        "REDIS_URL": empty_redis() if redis_reachable() else "",
        "FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{varnish_port}",
    }
    vcl = (ROOT / "deploy" / "varnish" / "default.vcl").read_text()
    vcl = vcl.replace('"8001"', f'"{ports[0]}"').replace('"8002"', f'"{ports[1]}"')
    (tmp_path / "default.vcl").write_text(vcl)
    instances = [start_instance(environment, port) for port in ports]
    varnish_command = [VARNISHD, "-F", "-j", "none", "-a", f"127.0.0.1:{varnish_port}", "-f"]
    varnish_command += [str(tmp_path / "default.vcl"), "-n", str(tmp_path / "varnish"), "-s", "malloc,32m"]
    varnish = start(varnish_command)
    try:
        front = f"http://127.0.0.1:{varnish_port}"
        wait_for(front + "/healthz")
        page = PracticePage.objects.get(slug="annuaire-des-acteurs", locale=french)
        listing = page.get_parent()
        for url in (page.url, listing.url, page.url, listing.url):
            status, _html = read(front + url, header="X-Varnish-Cache")
        assert status == "hit"

        title = "Annuaire publié derrière Varnish"
        publish_in_another_process(page, title, environment)

        status, html = read(front + page.url, header="X-Varnish-Cache")
        assert (status, title in html) == ("miss", True)
        assert title in read(front + listing.url, header="X-Varnish-Cache")[1]
        for port in ports:
            assert title in read(f"http://127.0.0.1:{port}{page.url}")[1], port
    finally:
        stop(varnish, *instances)
