import pytest


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty page cache and no per-generation values (the database
    is rolled back between tests, so a generation can come round again)."""
    from django.core.cache import cache

    from media.templatetags.photos import picture_html
    from pagecache import memo

    cache.clear()
    memo.forget()
    picture_html.cache_clear()  # its addresses depend on the storage, which tests change


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads go to a temporary folder, never into the checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def editor(django_user_model):
    """A staff member with every permission on the newsroom's own models."""
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("desk", password="correct horse", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label__in=["articles", "sections", "media", "siteinfo", "taggit"]
        )
    )
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
