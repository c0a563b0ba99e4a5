"""The signed static mirror: a copy of the public site that works anywhere and can be checked."""

import re
import threading
from functools import partial
from html import unescape
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import urlopen

import pytest
from django.core.management import CommandError, call_command

from articles import services
from articles.models import Article
from media.models import Photo
from mirror import signing
from siteinfo.models import SiteSettings
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory

pytestmark = pytest.mark.django_db

ATTRIBUTE = re.compile(r'<(\w+)([^>]*?)\s(href|src|action)="([^"]*)"')
SRCSET = re.compile(r'srcset="([^"]*)"')


@pytest.fixture
def key_file(tmp_path, settings):
    """A signing key in a file outside the database, as production keeps it."""
    path = tmp_path / "mirror-key.pem"
    call_command("mirror_key", new=path)
    settings.MIRROR_SIGNING_KEY_FILE = str(path)
    signing._public_pem.cache_clear()
    yield path
    signing._public_pem.cache_clear()


@pytest.fixture
def public_key(key_file, tmp_path):
    path = tmp_path / "site.pub"
    path.write_bytes(signing.site_public_pem())
    return path


MAIN_ADDRESS = "https://news.example.org"


def set_main_address() -> None:
    site = SiteSettings.load()
    site.main_address = MAIN_ADDRESS
    site.save()


@pytest.fixture
def demo(settings):
    """The demo site (real stories, photos, sections, editions, footer links)."""
    settings.ARTICLES_PER_PAGE = 5  # so sections have older pages to follow
    call_command("load_demo")
    set_main_address()
    for photo in Photo.objects.all():
        photo.make_renditions()


@pytest.fixture
def site(settings):
    """A small site: two sections, a dozen stories with a photo, one in Arabic and French."""
    settings.ARTICLES_PER_PAGE = 5
    set_main_address()
    news = SectionFactory(slug="news", name="News")
    business = SectionFactory(slug="business", name="Business")
    photo = PhotoFactory()
    photo.make_renditions()
    author = AuthorFactory(name="Mariam Haddad")
    for n in range(12):
        ArticleFactory(
            section=news if n % 2 else business,
            lead_photo=photo if n % 3 == 0 else None,
            authors=[author],
            tags=["port"],
            editors_choice=n == 4,
        )
    ArticleFactory(section=news, headline="عاصفة تغلق الميناء", language="ar", slug="storm-ar")
    # An edition without stories has a feed dated now, rewritten by every export.
    ArticleFactory(section=news, headline="Le port ferme", language="fr", slug="port-ferme")


def export(directory: Path) -> str:
    from io import StringIO

    out = StringIO()
    call_command("export_static", str(directory), stdout=out)
    return out.getvalue()


@pytest.fixture
def server(tmp_path):
    """Python's http.server on a port of its own, serving tmp_path/"www"."""
    root = tmp_path / "www"
    root.mkdir()
    handler = partial(QuietHandler, directory=str(root))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield root, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def crawl(start: str, main_address: str) -> tuple[set[str], list[str], list[str]]:
    """Every page and asset reachable from start: (visited, broken, links to the live site
    other than search and canonical/alternate-language links)."""
    queue, seen, broken, live = [start], {start}, [], []
    while queue:
        url = queue.pop()
        try:
            with urlopen(url, timeout=10) as response:
                body = response.read()
                content_type = response.headers.get("Content-Type", "")
        except HTTPError:
            broken.append(url)
            continue
        if "html" not in content_type:
            continue
        html = body.decode()
        links = [
            (tag, attributes, unescape(link))
            for tag, attributes, _, link in ATTRIBUTE.findall(html)
        ]
        for value in SRCSET.findall(html):
            links += [
                ("img", "", unescape(part.strip().split(" ")[0])) for part in value.split(",")
            ]
        for tag, attributes, link in links:
            if link.startswith(main_address):
                allowed = (
                    'rel="canonical"' in attributes
                    or "hreflang=" in attributes
                    or (tag == "form" and link.endswith("/search/"))
                )
                if not allowed:
                    live.append(f"{url} -> {link}")
                continue
            if link.startswith(("http:", "https:", "mailto:", "#")) or not link:
                continue
            assert not link.startswith("/"), f"{url} has a root-relative link {link}"
            target = urljoin(url, link).partition("#")[0]
            if target not in seen:
                seen.add(target)
                queue.append(target)
    return seen, broken, live


def test_export_is_served_from_any_path_with_no_broken_link(demo, key_file, server, settings):
    """The demo, exported into a sub-folder and served by http.server, has no broken link or
    asset, and points back to the live site only for search and canonical links."""
    root, base = server
    export(root / "copy")
    visited, broken, live = crawl(f"{base}/copy/index.html", MAIN_ADDRESS)
    assert broken == []
    assert live == []
    paths = {unquote(urlsplit(url).path) for url in visited}
    articles = Article.objects.live()
    assert {unquote(f"/copy{a.get_absolute_url()}index.html") for a in articles} <= paths
    assert {
        unquote(f"/copy/text{a.get_absolute_url()}index.html")
        for a in articles
        if a.language == "en"
    } <= paths
    assert any(path.startswith("/copy/media/renditions/") for path in paths)
    assert any(path.startswith("/copy/static/css/") for path in paths)
    assert any("index.before-" in path for path in paths), "older pages of a listing"
    assert (root / "copy" / "feed" / "index.xml").read_text().startswith("<?xml")
    assert (root / "copy" / "sitemap.xml").is_file()
    assert not any("/search/" in path for path in paths)
    home = (root / "copy" / "index.html").read_text()
    assert f'action="{MAIN_ADDRESS}/search/"' in home
    assert f'<link rel="canonical" href="{MAIN_ADDRESS}/">' in home
    assert f'href="{signing.PUBLIC_KEY_PATH}"' in home
    assert signing.fingerprint(signing.site_public_pem()) in home


def test_verify_passes_then_fails_naming_a_tampered_file(site, key_file, public_key, tmp_path):
    """A fresh copy verifies against the site's public key; one byte changed in one file fails,
    naming that file; a manifest signed with another key fails."""
    copy = tmp_path / "copy"
    export(copy)
    call_command("verify_static", str(copy), public_key=public_key)
    story = Article.objects.live().filter(language="en").first()
    page = copy / story.get_absolute_url().strip("/") / "index.html"
    data = bytearray(page.read_bytes())
    data[100] ^= 1
    page.write_bytes(bytes(data))
    with pytest.raises(
        CommandError, match=re.escape(f"changed: {story.get_absolute_url().strip('/')}/index.html")
    ):
        call_command("verify_static", str(copy), public_key=public_key)
    page.unlink()
    with pytest.raises(CommandError, match="missing: "):
        call_command("verify_static", str(copy), public_key=public_key)
    other = tmp_path / "other.pub"
    other.write_bytes(
        signing.public_pem(
            signing._private_key_from(signing.new_private_pem().decode()).public_key()
        )
    )
    with pytest.raises(CommandError, match="signature does not match"):
        call_command("verify_static", str(copy), public_key=other)


def test_verify_refuses_files_the_manifest_does_not_list(site, key_file, public_key, tmp_path):
    """A page slipped into a copy fails verification, named."""
    copy = tmp_path / "copy"
    export(copy)
    (copy / "news" / "extra.html").write_text("<p>Not ours</p>")
    with pytest.raises(CommandError, match="not in the manifest: news/extra.html"):
        call_command("verify_static", str(copy), public_key=public_key)


def test_second_export_writes_only_changes_and_removes_unpublished_stories(
    site, key_file, public_key, tmp_path, editor
):
    """Nothing changed: nothing written. An edit rewrites the pages showing it, not the
    others. An unpublished story's pages are removed, and the copy still verifies."""
    copy = tmp_path / "copy"
    first = export(copy)
    total = int(first.split(" files")[0])
    assert f"{total} written" in first
    assert " 0 written," in export(copy)
    story = Article.objects.live().filter(language="en", editors_choice=False).last()
    story.headline = "Port reopens after the storm"
    story.save()
    edited = export(copy)
    written = int(re.search(r"(\d+) written", edited)[1])
    assert 0 < written < total / 2
    page = copy / story.get_absolute_url().strip("/") / "index.html"
    assert "Port reopens after the storm" in page.read_text()
    services.unpublish(articles=Article.objects.filter(pk=story.pk), user=editor)
    removed = export(copy)
    assert f"removed {story.get_absolute_url().strip('/')}/index.html" in removed
    assert f"removed text/{story.get_absolute_url().strip('/')}/index.html" in removed
    assert not page.exists()
    assert "Port reopens after the storm" not in (copy / "index.html").read_text()
    call_command("verify_static", str(copy), public_key=public_key)


def test_export_refuses_without_a_key(tmp_path, settings):
    """Without a signing key the export stops and says how to make one."""
    settings.MIRROR_SIGNING_KEY = settings.MIRROR_SIGNING_KEY_FILE = ""
    with pytest.raises(CommandError, match="mirror_key --new"):
        call_command("export_static", str(tmp_path / "copy"))


def test_public_key_is_published_at_its_well_known_address(client, key_file):
    """The site serves its public key at a fixed address; without a key, a 404."""
    response = client.get(f"/{signing.PUBLIC_KEY_PATH}")
    assert response.status_code == 200
    assert response.content == signing.site_public_pem()
    assert response.content.startswith(b"-----BEGIN PUBLIC KEY-----")
