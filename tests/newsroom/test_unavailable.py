"""When the database does not answer: a plain 503 that says to come back, never a 500."""

import pytest
from django.contrib import admin
from django.db import OperationalError
from django.test import Client
from django.urls import path

from articles.models import Article
from pagecache.models import Generation
from tests.factories import ArticleFactory, SectionFactory

pytestmark = pytest.mark.django_db


def database_gone(request):
    raise OperationalError("connection refused")


def something_else(request):
    raise ValueError("a bug")


urlpatterns = [path("gone/", database_gone), path("admin/gone/", database_gone),
               path("bug/", something_else),
               path("admin/", admin.site.urls)]  # fmt: skip
handler500 = "newsroom.views.server_error"


@pytest.fixture
def failing_site(settings):
    settings.ROOT_URLCONF = "tests.newsroom.test_unavailable"
    return Client(raise_request_exception=False)


def test_readers_get_a_plain_503_with_retry_after(failing_site):
    response = failing_site.get("/gone/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30" and response["Cache-Control"] == "no-store"
    assert "We'll be back in a moment" in response.content.decode()


def test_the_desk_is_told_its_typing_is_kept(failing_site):
    response = failing_site.get("/admin/gone/")
    assert response.status_code == 503
    assert "The database is not answering" in response.content.decode()


def test_the_503_speaks_the_language_of_the_address_not_the_last_request(rf):
    """The failure can come before the edition is chosen (in the page cache, outermost); what
    the thread last spoke (here French) must not choose it."""
    from django.utils import translation

    from newsroom.views import server_error

    def page_for(path: str) -> str:
        try:
            raise OperationalError("connection refused")
        except OperationalError:
            return server_error(rf.get(path)).content.decode()

    translation.activate("fr")
    assert "We'll be back in a moment" in page_for("/news/")
    translation.activate("en")
    french = page_for("/fr/news/")
    assert "We'll be back in a moment" not in french and 'lang="fr"' in french


def test_a_request_leaves_no_language_behind_for_the_next(client):
    from django.utils import translation

    translation.activate("en")
    client.get("/fr/")
    assert translation.get_language() == "en"


def test_other_errors_are_still_500s(failing_site):
    assert failing_site.get("/bug/").status_code == 500


def test_pages_kept_in_the_cache_are_served_while_the_database_is_down(client, settings):
    """Past their lifetime too, marked stale: a page from a minute ago beats none."""
    from unittest import mock

    ArticleFactory(section=SectionFactory(slug="news", name="News"), headline="Kept story")
    assert client.get("/news/")["X-Page-Cache"] == "miss"
    settings.PAGE_CACHE_RECHECK_SECONDS = 0  # check the database on every request
    with (
        mock.patch.object(Generation, "current", side_effect=OperationalError("down")),
        mock.patch("time.time", return_value=10**10),  # long past the page's lifetime
    ):
        response = client.get("/news/")
    assert response.status_code == 200 and b"Kept story" in response.content
    assert response["Warning"] == '110 - "Response is Stale"'
    assert Article.objects.exists()
