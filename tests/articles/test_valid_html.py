"""Reader pages are valid HTML, as the Nu HTML checker (the W3C's validator) reads them."""

import pytest

from articles.models import Correction
from tests import tools
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory

pytestmark = pytest.mark.django_db


def test_reader_pages_are_valid_html(client):
    news = SectionFactory(slug="news", name="News", description="The day's news.")
    palestine = SectionFactory(slug="palestine", name="Palestine", parent=news)
    author = AuthorFactory(name="Leila Haddad", slug="leila-haddad")
    photo = PhotoFactory()
    stories = [
        ArticleFactory(section=palestine, authors=[author], lead_photo=photo,
                       tags=["spyware", "courts"], editors_choice=n % 2 == 0)
        for n in range(4)
    ]  # fmt: skip
    Correction.objects.create(article=stories[0], text="An earlier version misnamed the court.")
    urls = ["/", "/news/", "/news/palestine/", stories[0].get_absolute_url(), "/tags/spyware/",
            author.get_absolute_url(), "/corrections/", "/search/?q=port", "/search/?q=nothing",
            "/no-such-page/"]  # fmt: skip
    pages = {url: client.get(url).content.decode() for url in urls}
    assert tools.html_errors(pages) == []
