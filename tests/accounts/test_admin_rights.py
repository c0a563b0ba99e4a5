"""Roles hold on every admin screen, the libraries' included (issue #12).

A Reporter walks every registered ModelAdmin, every action and every extra admin address, and
posts what a superuser's browser would post there, with everything readers see changed: not a
byte of what readers see, nor anyone's rights, may change.
"""

import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group, User
from django.core import serializers
from django.core.cache import cache
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from taggit.models import Tag, TaggedItem

from api.models import ApiKey
from articles.models import Article, Author, Correction
from media.models import Photo
from notes.models import DeskNote, SourceNote
from pagecache import memo
from sections.models import Section
from siteinfo.models import SiteLink, SiteSettings
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory

pytestmark = pytest.mark.django_db

STANDARD_VIEWS = {"changelist", "add", "change", "delete", "history", "autocomplete"}


class FormReader(HTMLParser):
    """The fields of the first form on an admin page, as a browser would submit them."""

    def __init__(self):
        super().__init__()
        self.fields: dict[str, list[str]] = {}
        self.select: str | None = None
        self.textarea: str | None = None
        self.forms = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "form":
            self.forms += 1
        if self.forms != 1 and tag != "form":
            return
        if tag == "input" and name and attrs.get("type") not in {"submit", "file", "button"}:
            if attrs.get("type") in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.fields.setdefault(name, []).append(attrs.get("value") or "")
        elif tag == "select" and name:
            self.select = name
            self.fields.setdefault(name, [])
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields[self.select].append(attrs.get("value", ""))
        elif tag == "textarea" and name:
            self.textarea = name
            self.fields[name] = [""]

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.fields[self.textarea][-1] += data


def hostile(fields: dict[str, list[str]], pks: dict[str, str]) -> dict[str, list[str]]:
    """The form with everything readers see rewritten, and every right asked for."""
    data = {}
    for name, values in fields.items():
        if (
            name in {"csrfmiddlewaretoken", "base_version"}
            or name.endswith("-TOTAL_FORMS")
            or name.endswith(("-INITIAL_FORMS", "-MIN_NUM_FORMS", "-MAX_NUM_FORMS"))
        ):
            data[name] = values
        elif name.split("-")[-1] in {"status"}:
            data[name] = ["published"]
        elif re.search(
            r"(headline|name|caption|credit|alt_text|text|summary|body|label|tagline)$", name
        ):
            data[name] = [f"{value} HACKED" for value in values] or ["HACKED"]
        elif name.endswith(("url", "address")):
            data[name] = ["https://evil.example/"]
        else:
            data[name] = values
    for flag in ("is_superuser", "is_staff", "editors_choice", "show_in_navigation"):
        data[flag] = ["on"]
    data["groups"] = [pks["site_admin_group"]]
    data["user_permissions"] = pks["all_permissions"]
    return data


@pytest.fixture
def newsroom(django_user_model):
    """A site with something on every admin screen: live, scheduled, draft and deleted
    stories, photos, tags, corrections, settings, accounts, sign-in records and 2FA devices."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    news = SectionFactory(slug="news", name="News")
    photo = PhotoFactory()
    author = AuthorFactory(name="Aisha Rahman", slug="aisha-rahman")
    live = ArticleFactory(
        section=news, lead_photo=photo, authors=[author], tags=["spyware", "courts"],
        headline="Court rejects spyware bid",
    )  # fmt: skip
    ArticleFactory(section=news, published_at=timezone.now() + timedelta(days=1))
    ArticleFactory(section=news, status=Article.Status.DRAFT, tags=["spyware"])
    gone = ArticleFactory(section=news, headline="Deleted story, full text")
    gone.delete()
    Correction.objects.create(article=live, text="An earlier version misnamed the court.")
    # Notes (issue #18): a Reporter not on the byline reaches no source note on any screen.
    DeskNote.objects.create(article=live, text="Check the court's name", blocking=True)
    SourceNote.objects.create(article=live, ciphertext="gAAAA-not-a-real-token")
    site = SiteSettings.load()
    site.name = "The Meridian"
    site.save()
    SiteLink.objects.create(
        settings=site, kind="alternate", label="Mirror", url="https://m.example/"
    )
    boss = django_user_model.objects.create_superuser("boss", password="pw")
    TOTPDevice.objects.create(user=boss, name="app", confirmed=True)
    StaticDevice.objects.create(user=boss, name="codes", confirmed=True)
    AccessAttempt.objects.create(ip_address="198.51.100.7", username="x", failures_since_start=1)
    AccessLog.objects.create(ip_address="198.51.100.7", username="boss")
    AccessFailureLog.objects.create(ip_address="198.51.100.7", username="x")
    partner = ApiKey(name="Partner app")
    partner.issue()
    partner.save()
    return {"live": live, "boss": boss}


def what_readers_see(client: Client) -> dict[str, bytes]:
    """Every public page and feed, drawn afresh."""
    cache.clear()
    memo.forget()
    urls = ["/", "/feed/", "/sitemap.xml", "/sitemap-articles.xml", "/sitemap-sections.xml",
            "/sitemap-tags.xml", "/news-sitemap.xml", "/corrections/", "/robots.txt"]  # fmt: skip
    urls += [article.get_absolute_url() for article in Article.objects.all()]
    urls += [section.get_absolute_url() for section in Section.objects.all()]
    urls += [f"/tags/{tag.slug}/" for tag in Tag.objects.all()]
    urls += [author.get_absolute_url() for author in Author.objects.all()]
    pages = {}
    for url in urls:
        response = client.get(url)
        pages[url] = (response.status_code, response.content)
    return pages


def rows_readers_and_rights_depend_on() -> str:
    """Stories that are or will be public with all they show, and who may do what."""
    shown = Article.objects.exclude(status__in=Article.REPORTER_STATUSES)
    querysets = [
        shown, Correction.objects.all(), Section.objects.all(), Photo.objects.all(),
        Author.objects.all(), Tag.objects.all(), TaggedItem.objects.filter(object_id__in=shown),
        SiteSettings.objects.all(), SiteLink.objects.all(), Group.objects.all(),
        # Devices of others: the reporter may set up their own second factor.
        User.objects.all(), TOTPDevice.objects.filter(user__is_superuser=True),
        StaticDevice.objects.filter(user__is_superuser=True),
        SourceNote.objects.all(),
        # Which apps may read the API how fast.
        ApiKey.objects.all(),
    ]  # fmt: skip
    return "\n".join(serializers.serialize("json", qs.order_by("pk")) for qs in querysets)


def admin_pages(model, model_admin, objects) -> list[tuple[str, str]]:
    """(address, view) for every screen of a ModelAdmin, its library's extra ones included."""
    info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    pages = [(reverse(f"{info}_changelist"), "changelist"), (reverse(f"{info}_add"), "add")]
    for obj in objects:
        for view in ("change", "delete", "history"):
            pages.append((reverse(f"{info}_{view}", args=[obj.pk]), view))
    extra = [p.name for p in model_admin.get_urls() if p.name and p.name.rsplit("_", 1)[-1]
             not in STANDARD_VIEWS]  # fmt: skip
    history = getattr(model, "history", None)
    for name in extra:
        for obj in objects:
            versions = [v.history_id for v in history.filter(id=obj.pk)] if history else [0]
            for args in ([], [obj.pk], *([obj.pk, version] for version in versions)):
                try:
                    pages.append((reverse(f"admin:{name}", args=args), name))
                except NoReverseMatch:
                    continue
    return list(dict.fromkeys(pages))


def test_a_reporter_can_change_nothing_readers_see_on_any_admin_screen(newsroom, make_member):
    reader, boss = Client(), Client()
    boss.force_login(newsroom["boss"])
    reporter = Client()
    reporter.force_login(make_member("Reporter"))
    before_pages, before_rows = what_readers_see(reader), rows_readers_and_rights_depend_on()
    pks = {
        "site_admin_group": str(Group.objects.get(name="Site admin").pk),
        "all_permissions": [str(pk) for pk in range(1, 200)],
    }
    walked = 0
    for model, model_admin in admin.site._registry.items():
        objects = list(model._default_manager.order_by("pk")[:3])
        if model is Article:  # simple-history keeps a deleted story's revisions
            objects.append(Article(pk=Article.history.get(history_type="-").id))
        for url, view in admin_pages(model, model_admin, objects):
            walked += 1
            assert reporter.get(url).status_code < 500, url
            form = FormReader()
            form.feed(boss.get(url).content.decode())
            data = hostile(form.fields, pks)
            if view == "delete":
                data["post"] = ["yes"]
            assert reporter.post(url, data).status_code < 500, url
        pk_list = [str(obj.pk) for obj in model._default_manager.all()]
        changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        for action in dict(model_admin.get_actions(boss_request(newsroom["boss"]))):
            data = {"action": action, ACTION_CHECKBOX_NAME: pk_list, "post": "yes",
                    "apply": "1", "into": "HACKED"}  # fmt: skip
            response = reporter.post(changelist, data)
            assert response.status_code < 500, (model, action)
            if response.status_code == 302 and response["Location"] not in {changelist, "."}:
                # An action that continues on a page of its own (a library's merge form).
                follow_up = response["Location"]
                form = FormReader()
                form.feed(reporter.get(follow_up).content.decode())
                assert reporter.post(follow_up, hostile(form.fields, pks)).status_code < 500
    for url in [reverse("admin:two_factor"), reverse("admin:password_change")]:
        assert reporter.get(url).status_code < 500
    assert walked > 60
    assert rows_readers_and_rights_depend_on() == before_rows
    assert what_readers_see(reader) == before_pages


def boss_request(user):
    from django.test import RequestFactory

    request = RequestFactory().get("/admin/")
    request.user = user
    return request


# A deleted story is gone


@pytest.fixture
def deleted_story():
    story = ArticleFactory(headline="Source named in draft", body="<p>The source is Jane.</p>")
    story_id = story.pk
    story.delete()
    return story_id, Article.history.filter(id=story_id).order_by("history_date").first()


@pytest.mark.parametrize("role", ["Reporter", "Editor"])
def test_only_site_admins_can_read_or_restore_a_deleted_story(deleted_story, make_member, role):
    story_id, revision = deleted_story
    client = Client()
    client.force_login(make_member(role))
    history = reverse("admin:articles_article_history", args=[story_id])
    version = reverse("admin:articles_article_simple_history", args=[story_id, revision.pk])
    assert client.get(history).status_code == 403
    assert client.get(version).status_code == 403
    restore = {"headline": "Back", "slug": "back", "section": revision.section_id,
               "status": "draft", "language": "en", "published_at_0": "2026-01-01", "published_at_1": "10:00:00"}  # fmt: skip
    assert client.post(version, restore).status_code == 403
    assert not Article.objects.filter(pk=story_id).exists()


def test_a_site_admin_can_read_a_deleted_story(deleted_story, make_member):
    story_id, revision = deleted_story
    client = Client()
    client.force_login(make_member("Site admin"))
    response = client.get(reverse("admin:articles_article_history", args=[story_id]))
    assert response.status_code == 200 and b"Source named in draft" in response.content


# Site admins manage accounts within the roles


@pytest.fixture
def site_admin_client(make_member):
    client = Client()
    client.force_login(make_member("Site admin"))
    return client


def user_form(user, **changes) -> dict:
    return {"username": user.username, "first_name": "", "last_name": "", "email": "",
            "is_active": "on", "is_staff": "on", "last_login_0": "", "last_login_1": "",
            "date_joined_0": "2026-01-01", "date_joined_1": "10:00:00", **changes}  # fmt: skip


def test_a_site_admin_cannot_make_a_superuser_or_grant_single_permissions(
    site_admin_client, make_member
):
    from django.contrib.auth.models import Permission

    reporter = make_member("Reporter", "rita")
    outsider = Group.objects.create(name="Everything")
    outsider.permissions.set(Permission.objects.all())
    url = reverse("admin:auth_user_change", args=[reporter.pk])
    page = site_admin_client.get(url).content.decode()
    assert 'name="is_superuser"' not in page and 'name="user_permissions"' not in page
    assert "Everything" not in page
    editor = Group.objects.get(name="Editor")
    response = site_admin_client.post(url, user_form(
        reporter, is_superuser="on", user_permissions=[p.pk for p in Permission.objects.all()],
        groups=[editor.pk, outsider.pk],
    ))  # fmt: skip
    reporter.refresh_from_db()
    assert not reporter.is_superuser
    assert not reporter.user_permissions.exists()
    assert not reporter.groups.filter(pk=outsider.pk).exists()
    assert response.status_code == 200  # the form refuses the group outside the roles
    site_admin_client.post(url, user_form(reporter, groups=[editor.pk]))
    assert list(reporter.groups.values_list("name", flat=True)) == ["Editor"]


def test_a_site_admin_cannot_touch_a_superuser(site_admin_client, django_user_model):
    boss = django_user_model.objects.create_superuser("boss", password="old pass")
    change = reverse("admin:auth_user_change", args=[boss.pk])
    assert site_admin_client.post(change, user_form(boss, is_active="")).status_code == 403
    password = reverse("admin:auth_user_password_change", args=[boss.pk])
    new = {"password1": "a new pass 123", "password2": "a new pass 123", "usable_password": "true"}
    assert site_admin_client.post(password, new).status_code == 403
    assert (
        site_admin_client.post(
            reverse("admin:auth_user_delete", args=[boss.pk]), {"post": "yes"}
        ).status_code
        == 403
    )
    site_admin_client.post(reverse("admin:auth_user_changelist"), {
        "action": "delete_selected", ACTION_CHECKBOX_NAME: [boss.pk], "post": "yes"
    })  # fmt: skip
    boss.refresh_from_db()
    assert boss.is_active and boss.check_password("old pass")


# Tags


def test_merging_tags_needs_an_editor_and_is_recorded(make_member):
    from django.contrib.admin.models import LogEntry

    story = ArticleFactory(tags=["gaza", "Gaza Strip"])
    changelist = reverse("admin:taggit_tag_changelist")
    tags = [str(pk) for pk in Tag.objects.values_list("pk", flat=True)]
    merge = {"action": "merge_tags", ACTION_CHECKBOX_NAME: tags, "apply": "1", "into": "Gaza"}
    reporter = Client()
    reporter.force_login(make_member("Reporter"))
    reporter.post(changelist, merge)
    assert sorted(story.tags.names()) == ["Gaza Strip", "gaza"]
    editor = Client()
    editor.force_login(make_member("Editor"))
    ask = {key: value for key, value in merge.items() if key != "apply"}
    assert editor.post(changelist, ask).status_code == 200  # the form first
    assert sorted(story.tags.names()) == ["Gaza Strip", "gaza"]
    editor.post(changelist, merge)
    assert list(story.tags.names()) == ["gaza"]
    revision = story.history.order_by("-history_date").first()
    assert revision.history_change_reason.startswith("Tags merged into")
    assert LogEntry.objects.filter(object_id=str(story.pk), change_message__contains="merged")


def test_two_factor_secrets_are_never_shown_in_the_admin(newsroom, django_user_model):
    """Nobody, superusers included, can read another account's authenticator key."""
    boss = Client()
    boss.force_login(django_user_model.objects.create_superuser("root", password="pw"))
    device = TOTPDevice.objects.get(user=newsroom["boss"])
    assert (
        boss.get(reverse("admin:otp_totp_totpdevice_config", args=[device.pk])).status_code == 403
    )


def test_role_sync_tolerates_permissions_not_made_yet(caplog):
    """A role may name a permission of a model a later migration creates: syncing before that
    migration skips it and says so, instead of failing `migrate` on a fresh database."""
    from unittest import mock

    from accounts import roles

    future = roles.Role(
        "Editor", (*roles.ROLES["Editor"].permissions, "newsletters.add_issue"), True
    )
    with mock.patch.dict(roles.ROLES, {"Editor": future}):
        roles.sync_roles()
    assert "newsletters.add_issue" in caplog.text
    assert Group.objects.get(name="Editor").permissions.filter(codename="publish_article").exists()
