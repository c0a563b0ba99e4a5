import pytest


def pytest_configure(config):
    """The translation catalogues, compiled as `make test` does, for a bare `pytest` too."""
    from newsroom.catalogues import compile_all

    compile_all()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default edition's language: a request to /ar/ leaves Arabic
    active in the thread (newsroom.editions), and addresses built after it would carry /ar/."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True, scope="session")
def jinja2_templates_report_their_context():
    """Reader pages are Jinja2: they tell the test client their context (response.context), as
    Django's test setup makes its own template language do."""
    from django.template.backends.jinja2 import Template
    from django.test.signals import template_rendered

    render = Template.render

    def render_and_report(self, context=None, request=None):
        template_rendered.send(sender=self, template=self, context=dict(context or {}))
        return render(self, context, request)

    Template.render = render_and_report
    yield
    Template.render = render


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty page cache and no per-generation values (the database
    is rolled back between tests, so a generation can come round again)."""
    from django.core.cache import cache

    from media.templatetags.photos import picture_html
    from pagecache import memo
    from pagecache.generation import generations

    cache.clear()
    generations().pages.clear()
    memo.forget()
    picture_html.cache_clear()  # its addresses depend on the storage, which tests change


@pytest.fixture(autouse=True)
def small_demo_photos(monkeypatch):
    """The demo's generated photos at 480 px rather than 1,600 in tests that load the demo:
    their renditions were most of each load's 12 s, and no test reads their size."""
    from demo.images import scene_jpeg
    from demo.management.commands import load_demo

    monkeypatch.setattr(
        load_demo, "scene_jpeg", lambda seed, **size: scene_jpeg(seed, width=480, height=300)
    )


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads go to a temporary folder, never into the checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def editor(django_user_model):
    """A staff member with every right on the newsroom's content and settings (a Site admin)."""
    from django.contrib.auth.models import Group

    from accounts.roles import SITE_ADMIN

    user = django_user_model.objects.create_user("desk", password="correct horse", is_staff=True)
    user.groups.add(Group.objects.get(name=SITE_ADMIN))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def make_member(django_user_model):
    """A staff user in one of the desk's groups (Reporter, Editor, Site admin)."""
    from django.contrib.auth.models import Group

    def make(group: str, username: str | None = None):
        user = django_user_model.objects.create_user(
            username or group.lower().replace(" ", "_"), password="pw", is_staff=True
        )
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture(scope="session")
def redis_url() -> str:
    """A Redis database the tests may empty: NEWSROOM_TEST_REDIS_URL, or database 15 of a Redis
    answering on 127.0.0.1:6379; without either the test is skipped, saying so."""
    import os
    import socket

    if url := os.environ.get("NEWSROOM_TEST_REDIS_URL"):
        return url
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
    except OSError:
        pytest.skip("no Redis on 127.0.0.1:6379 (or NEWSROOM_TEST_REDIS_URL) to test against")
    return "redis://127.0.0.1:6379/15"


@pytest.fixture
def coverage(db):
    """Live coverage of a published story (the live app's tests and the API's)."""
    from datetime import timedelta

    from django.utils import timezone

    from live.models import LiveCoverage
    from tests.factories import ArticleFactory, AuthorFactory, SectionFactory

    news = SectionFactory(slug="news", name="News")
    article = ArticleFactory(
        section=news,
        headline="Port strike: live",
        slug="port-strike-live",
        authors=[AuthorFactory(name="Aisha Rahman")],
        published_at=timezone.now() - timedelta(hours=3),
    )
    return LiveCoverage.objects.create(article=article, started_at=article.published_at)


@pytest.fixture
def reporter(make_member):
    return make_member("Reporter")


@pytest.fixture
def desk_editor(make_member):
    return make_member("Editor")


@pytest.fixture
def site_admin(make_member):
    return make_member("Site admin")
