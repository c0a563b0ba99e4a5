"""Through a real Varnish (deploy/varnish/newsroom.vcl): pages kept for hours, and gone from it
the moment they change (issue #20). The site runs under gunicorn as `make serve` runs it."""

import urllib.request

import pytest

from tests.faults.services import Site

from .varnish import Varnish, hit

pytestmark = [pytest.mark.varnish, pytest.mark.own_site]


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    varnish = Varnish()  # skips, saying why, without varnishd
    site = Site(
        {
            "EDGE_CACHE": "varnish",
            "EDGE_VARNISH_URLS": varnish.url,
            # Behind Varnish, our own page cache must not hide what is tested here.
            "PAGE_CACHE_DEBUG_HEADER": "1",
        },
        tmp_path_factory.mktemp("edge-site"),
    )
    # Varnish first: the demo's own changes purge it as they are made (none kept to retry).
    varnish.start(site.port)
    site.prepare()
    site.start()
    varnish.wait_for_backend()
    yield site, varnish
    varnish.stop()
    site.stop()


def get(base: str, path: str):
    """(status, headers, body) of a GET without cookies."""
    request = urllib.request.Request(f"{base}{path}")
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def ask(site: Site, script: str) -> list[str]:
    return site.manage("shell", "-c", script).strip().splitlines()


FIND = (
    "from articles.models import Article\n"
    "story = Article.objects.live().filter(lead_photo__isnull=False, language='en')"
    ".select_related('section', 'lead_photo').order_by('-published_at')[{n}]\n"
    "print(story.pk); print(story.get_absolute_url()); print(story.section.get_absolute_url())\n"
    "print(story.headline); print(story.lead_photo_id); print(story.lead_photo.credit)\n"
)
SAVE = (
    "from django.contrib.auth import get_user_model\n"
    "from articles import services\n"
    "from articles.models import Article\n"
    "editor, _ = get_user_model().objects.get_or_create(username='desk', "
    "defaults={{'is_staff': True, 'is_superuser': True}})\n"
    "story = Article.objects.get(pk={pk})\n"
    "{change}\n"
    "services.save(article=story, user=editor)\n"
)


def story(site: Site, n: int = 0) -> dict:
    pk, url, section, headline, photo, credit = ask(site, FIND.format(n=n))[-6:]
    return {"pk": pk, "url": url, "section": section, "headline": headline, "photo": photo,
            "credit": credit}  # fmt: skip


def warm(varnish: Varnish, *paths: str) -> None:
    """Ask twice: the second answer comes from Varnish."""
    for path in paths:
        get(varnish.url, path)
        status, headers, _ = get(varnish.url, path)
        assert status == 200 and hit(headers), path


def unrelated_section(site: Site, varnish: Varnish, key: str) -> str:
    """A section page that does not show the story (its keys, read from the site, lack it)."""
    script = "from sections.models import Section\nfor s in Section.objects.all(): print(s.path)"
    for path in ask(site, script):
        status, headers, _ = get(f"http://127.0.0.1:{site.port}", f"/{path}/")
        if status == 200 and key not in headers.get("xkey", "").split():
            return f"/{path}/"
    raise AssertionError("every section page shows the story")


def test_an_edited_headline_is_everywhere_on_the_next_request(stack):
    """A new headline is on the article, section and home pages and the feed at once, while a
    page that does not show the story stays a Varnish hit."""
    site, varnish = stack
    found = story(site)
    other = unrelated_section(site, varnish, f"article:{found['pk']}")
    pages = [found["url"], found["section"], "/", "/feed/", other]
    warm(varnish, *pages)
    # Readers never see the keys.
    assert "xkey" not in get(varnish.url, "/")[1]
    ask(site, SAVE.format(pk=found["pk"], change="story.headline = 'Harbour reopens at dawn'"))
    for path in [found["url"], found["section"], "/", "/feed/"]:
        status, headers, body = get(varnish.url, path)
        assert status == 200 and "Harbour reopens at dawn" in body, path
        assert not hit(headers), path
    status, headers, body = get(varnish.url, other)
    assert hit(headers) and int(headers["Age"]) >= 0
    assert "Harbour reopens at dawn" not in body


def test_an_unpublished_story_is_gone_at_once(stack):
    """Taken down, a story's page is 404 through Varnish on the next request, and it leaves
    the home page."""
    site, varnish = stack
    found = story(site, 1)
    warm(varnish, found["url"], "/")
    assert found["headline"] in get(varnish.url, "/")[2]
    ask(site, SAVE.format(pk=found["pk"], change="story.status = Article.Status.UNPUBLISHED"))
    assert get(varnish.url, found["url"])[0] == 404
    assert get(varnish.url, found["url"])[0] == 404  # and not kept as a 404 either
    assert found["headline"] not in get(varnish.url, "/")[2]


def test_a_new_photo_credit_reaches_every_page_showing_the_photo(stack):
    """A photo's new credit is on the story's page and the feed at once; every other page
    showing the photo is fetched again too."""
    site, varnish = stack
    found = story(site, 2)
    warm(varnish, found["url"], "/feed/", found["section"])
    ask(site, (
        "from media.models import Photo\n"
        f"photo = Photo.objects.get(pk={found['photo']})\n"
        "photo.credit = 'Harbour Photo Agency'\n"
        "photo.save()\n"
    ))  # fmt: skip
    for path in [found["url"], "/feed/"]:
        status, headers, body = get(varnish.url, path)
        assert "Harbour Photo Agency" in body, path
    assert not hit(get(varnish.url, found["section"])[1])


def test_a_ban_by_key_drops_the_pages_showing_it(stack):
    """EDGE_VARNISH_METHOD=BAN's request (BAN / with xkey-purge) drops exactly those pages."""
    site, varnish = stack
    found = story(site, 3)
    other = unrelated_section(site, varnish, f"article:{found['pk']}")
    warm(varnish, found["url"], other)
    request = urllib.request.Request(
        f"{varnish.url}/", method="BAN", headers={"xkey-purge": f"article:{found['pk']}"}
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        assert answer.status == 200
    assert not hit(get(varnish.url, found["url"])[1])
    assert hit(get(varnish.url, other)[1])
