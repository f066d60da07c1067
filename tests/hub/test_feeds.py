"""The Atom feed of practices and training modules."""

import pytest

from practices.models import PracticePage

pytestmark = pytest.mark.django_db


def test_the_feed_answers_when_a_live_page_has_no_publication_date(client, french):
    page = PracticePage.objects.get(slug="annuaire-des-acteurs", locale=french)
    PracticePage.objects.filter(pk=page.pk).update(last_published_at=None, first_published_at=None)
    response = client.get("/fr/feed.atom")
    assert response.status_code == 200
    entries = response.content.decode().split("<entry>")
    assert page.title in entries[-1]  # listed last: it has no date to be newer than the others
