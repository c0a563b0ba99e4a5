import pytest
from cryptography.fernet import Fernet
from django.contrib.auth.models import Group
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from articles.models import Article
from tests.factories import ArticleFactory, AuthorFactory

NOTE = "Informant Layla K., reach on Signal +961 70 000 111; never name her employer"


@pytest.fixture
def keys(settings):
    """One source-notes key, as SOURCE_NOTES_KEYS would hold it."""
    key = Fernet.generate_key().decode()
    settings.SOURCE_NOTES_KEYS = [key]
    return [key]


@pytest.fixture
def make_member(django_user_model):
    def make(username: str, role: str | None, **extra):
        user = django_user_model.objects.create_user(
            username, password="pw", is_staff=True, **extra
        )
        if role:
            user.groups.add(Group.objects.get(name=role))
        return user

    return make


def signed_in(user, *, second_factor: bool = True) -> Client:
    """A client signed in as user, having used an authenticator app in this session or not."""
    client = Client()
    client.force_login(user)
    if second_factor:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
        session = client.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return client


@pytest.fixture
def newsroom(make_member):
    """A draft with a bylined reporter, another reporter, an editor, a Site admin, a superuser."""
    bylined = make_member("layla", "Reporter", first_name="Layla")
    author = AuthorFactory(name="Layla Haddad", slug="layla-haddad", user=bylined)
    story = ArticleFactory(
        headline="Spyware found on rights workers' phones",
        status=Article.Status.DRAFT,
        authors=[author],
        body="<p>Three phones were infected in March.</p><p>The vendor did not answer.</p>",
    )
    return {
        "story": story,
        "bylined": bylined,
        "other_reporter": make_member("omar", "Reporter"),
        "editor": make_member("eda", "Editor"),
        "site_admin": make_member("sam", "Site admin"),
        "superuser": make_member("root", None, is_superuser=True),
    }
