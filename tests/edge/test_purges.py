"""Every change readers can see purges exactly the keys it touched, after commit (issue #20)."""

import logging
import time
from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from taggit.models import Tag

from articles import services
from articles.models import Article, Correction
from edge import purging
from edge.models import PendingPurge
from sections.models import Section
from siteinfo.models import SiteSettings
from tests.factories import ArticleFactory, AuthorFactory, PhotoFactory, SectionFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def story():
    return ArticleFactory(
        section=SectionFactory(slug="news", name="News"),
        headline="Port reopens",
        lead_photo=PhotoFactory(credit="Jane Doe"),
        authors=[AuthorFactory(name="Amal")],
        tags=["shipping"],
    )


def lists_of(article) -> set[str]:
    tag = Tag.objects.get(name="shipping")
    author = article.authors.get()
    return {
        f"article:{article.pk}",
        f"section:{article.section_id}",
        f"tag:{tag.pk}",
        f"author:{author.pk}",
        "latest",
        "sitemaps",
    }


def test_an_edit_purges_the_story_and_nothing_else(fastly, story):
    """A new headline purges the pages showing the story (and sitemaps), no list."""
    fastly.requests.clear()
    story.headline = "Port reopens after storm"
    story.save()
    assert fastly.purged() == {f"article:{story.pk}", "sitemaps"}


def test_fastly_purge_request_is_as_fastly_documents(fastly, story):
    """Fastly gets POST /service/<id>/purge, Fastly-Key and {"surrogate_keys": [...]}."""
    fastly.requests.clear()
    story.headline = "Port reopens after storm"
    story.save()
    (request,) = fastly.requests
    assert request.method == "POST"
    assert request.path == "/service/SU1Z0isxPaozGVKXdv0eY/purge"
    assert request.headers["fastly-key"] == "fastly-test-token"
    assert request.headers["content-type"] == "application/json"
    assert sorted(request.body["surrogate_keys"]) == sorted([f"article:{story.pk}", "sitemaps"])


def test_cloudflare_purge_request_is_as_cloudflare_documents(cloudflare, story):
    """Cloudflare gets POST /zones/<id>/purge_cache, a Bearer token and {"tags": [...]}."""
    cloudflare.requests.clear()
    story.headline = "Port reopens after storm"
    story.save()
    (request,) = cloudflare.requests
    assert request.method == "POST"
    assert request.path == "/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/purge_cache"
    assert request.headers["authorization"] == "Bearer cloudflare-test-token"
    assert sorted(request.body["tags"]) == sorted([f"article:{story.pk}", "sitemaps"])


def test_cloudflare_gets_at_most_30_tags_a_request(cloudflare):
    """A purge of 65 keys goes to Cloudflare in three requests of at most 30 tags."""
    purging.purge_after_commit({f"article:{n}" for n in range(65)})
    assert [len(request.body["tags"]) for request in cloudflare.requests] == [30, 30, 5]
    assert len(cloudflare.purged()) == 65


def test_a_refusal_in_cloudflares_answer_is_a_failure(cloudflare, story):
    """Cloudflare's 200 with "success": false is kept to retry, like an error status."""
    cloudflare.answer = {"success": False, "errors": [{"code": 1134, "message": "denied"}]}
    purging.purge_after_commit({"chrome"})
    assert PendingPurge.objects.get().key_list == ["chrome"]


def test_varnish_gets_purge_with_xkey_on_every_instance(varnish_standin, story):
    """Each Varnish gets PURGE / with the keys in xkey-purge (deploy/varnish/newsroom.vcl)."""
    varnish_standin.requests.clear()
    story.headline = "Port reopens after storm"
    story.save()
    assert [(r.method, r.path) for r in varnish_standin.requests] == [("PURGE", "/")] * 2
    assert set(varnish_standin.requests[0].headers["xkey-purge"].split()) == {
        f"article:{story.pk}",
        "sitemaps",
    }


def test_varnish_can_be_purged_with_bans(settings, varnish_standin, story):
    """EDGE_VARNISH_METHOD=BAN sends BAN / with the same keys, which the VCL turns into a ban."""
    settings.EDGE_VARNISH_METHOD = "BAN"
    varnish_standin.requests.clear()
    purging.purge_after_commit({"chrome"})
    assert [(r.method, r.headers["xkey-purge"]) for r in varnish_standin.requests] == [
        ("BAN", "chrome")
    ] * 2


def test_publishing_purges_every_list_the_story_joins(fastly, editor, story):
    """Publishing purges its section's, tags', authors' and the newest lists."""
    draft = ArticleFactory(section=story.section, status=Article.Status.DRAFT)
    draft.authors.set(story.authors.all())
    draft.tags.set(["shipping"])
    fastly.requests.clear()
    services.publish(article=draft, user=editor)
    assert fastly.purged() == lists_of(draft)


def test_unpublishing_purges_every_list_the_story_leaves(fastly, editor, story):
    """Taking a story down purges its page and every list it was on."""
    fastly.requests.clear()
    services.unpublish(articles=Article.objects.filter(pk=story.pk), user=editor)
    assert fastly.purged() == lists_of(story)


def test_moving_a_story_purges_both_sections(fastly, story):
    """A story moved to another section leaves one list and joins another."""
    sport = SectionFactory(slug="sport", name="Sport")
    old = story.section_id
    fastly.requests.clear()
    story.section = sport
    story.save()
    assert {f"section:{old}", f"section:{sport.pk}", "latest"} <= fastly.purged()


def test_a_new_byline_purges_the_authors_list(fastly, story):
    """Adding a byline to a live story purges the new author's page, and the story's."""
    other = AuthorFactory(name="Omar")
    fastly.requests.clear()
    story.authors.add(other)
    assert {f"author:{other.pk}", f"article:{story.pk}"} <= fastly.purged()


def test_a_correction_purges_the_story_and_the_corrections_page(fastly, story):
    """A correction purges the story's pages and the corrections list."""
    fastly.requests.clear()
    Correction.objects.create(article=story, text="An earlier version misnamed the port.")
    assert {f"article:{story.pk}", "corrections"} <= fastly.purged()
    assert "latest" not in fastly.purged()


def test_a_photo_credit_purges_every_page_showing_the_photo(fastly, story):
    """A new credit purges the photo's key, which every page showing it carries."""
    fastly.requests.clear()
    photo = story.lead_photo
    photo.credit = "Agency"
    photo.save()
    assert fastly.purged() == {f"photo:{photo.pk}"}


def test_an_unused_photo_or_a_draft_purges_nothing(fastly, story):
    """Changes readers cannot see send no purge at all."""
    fastly.requests.clear()
    photo = PhotoFactory()
    photo.credit = "Nobody sees this"
    photo.save()
    draft = ArticleFactory(status=Article.Status.DRAFT)
    draft.headline = "Still a draft"
    draft.save()
    assert fastly.requests == []


def test_site_settings_purge_the_chrome_only(fastly, story):
    """The site's name is on every page: only the chrome key is purged."""
    fastly.requests.clear()
    site = SiteSettings.load()
    site.name = "The Harbour Times"
    site.save()
    assert fastly.purged() == {"chrome"}


def test_renaming_a_section_purges_its_name_everywhere_and_the_menu(fastly, story):
    """A section's name is on its page, its stories' cards and breadcrumbs, and the menu."""
    gaza = SectionFactory(slug="gaza", name="Gaza", parent=story.section)
    ArticleFactory(section=gaza)
    fastly.requests.clear()
    news = Section.objects.get(pk=story.section_id)
    news.name = "World news"
    news.save()
    assert fastly.purged() == {
        f"section:{news.pk}",
        f"section-name:{news.pk}",
        f"section-name:{gaza.pk}",
        "chrome",
    }


def test_purges_wait_for_the_commit_and_rolled_back_changes_send_none(fastly, story):
    """Inside a transaction nothing is sent; a rollback sends nothing at all."""
    fastly.requests.clear()
    with transaction.atomic():
        story.headline = "First"
        story.save()
        photo = story.lead_photo
        photo.credit = "Agency"
        photo.save()
        assert fastly.requests == []
    # One batch for the whole transaction.
    assert len(fastly.requests) == 1
    assert fastly.purged() == {f"article:{story.pk}", "sitemaps", f"photo:{photo.pk}"}
    fastly.requests.clear()
    with pytest.raises(RuntimeError), transaction.atomic():
        story.headline = "Never saved"
        story.save()
        raise RuntimeError
    assert fastly.requests == []


def test_a_failed_purge_never_fails_the_save_and_is_kept(fastly, story, caplog):
    """The CDN answers 503: the save stands, the failure is logged and kept for retry."""
    fastly.requests.clear()
    fastly.status = 503
    with caplog.at_level(logging.WARNING, logger="edge.purging"):
        story.headline = "Saved all the same"
        story.save()
    assert Article.objects.get(pk=story.pk).headline == "Saved all the same"
    pending = PendingPurge.objects.get()
    assert set(pending.key_list) == {f"article:{story.pk}", "sitemaps"}
    assert "503" in pending.last_error
    # Tried EDGE_PURGE_ATTEMPTS times before it was kept.
    assert len(fastly.requests) == 2
    assert "kept to retry" in caplog.text


def test_an_unreachable_cdn_is_kept_too(settings, fastly, story):
    """Nobody listening at the CDN's address is a failure kept for retry, quickly."""
    settings.EDGE_FASTLY_API = "http://127.0.0.1:9"
    started = time.monotonic()
    story.headline = "Saved while the CDN is away"
    story.save()
    assert time.monotonic() - started < 5
    assert PendingPurge.objects.count() == 1


def test_kept_purges_go_with_the_next_purge(fastly, story):
    """Once the CDN answers again, the next purge also sends what was kept."""
    fastly.status = 503
    story.headline = "One"
    story.save()
    fastly.status = 200
    fastly.requests.clear()
    # Not yet due: it waits for its pause.
    site = SiteSettings.load()
    site.name = "Renamed"
    site.save()
    assert fastly.purged() == {"chrome"}
    PendingPurge.objects.update(next_attempt_at=timezone.now())
    site.name = "Renamed again"
    site.save()
    assert f"article:{story.pk}" in fastly.purged()
    assert not PendingPurge.objects.exists()


def test_retry_purges_command_sends_what_was_kept(fastly, story, capsys):
    """`manage.py retry_purges --all` sends every kept purge and removes it once taken."""
    fastly.status = 500
    story.headline = "One"
    story.save()
    call_command("retry_purges", "--all")
    pending = PendingPurge.objects.get()
    assert pending.attempts == 2
    assert pending.next_attempt_at > timezone.now() + timedelta(seconds=5)
    fastly.status = 200
    fastly.requests.clear()
    call_command("retry_purges", "--all")
    assert "1 purges sent, 0 still pending." in capsys.readouterr().out
    assert fastly.purged() == {f"article:{story.pk}", "sitemaps"}


def test_a_scheduled_story_is_purged_by_the_first_request_after_its_time(client, fastly, story):
    """No cron: the first request after a scheduled time purges what the story joins."""
    due = timezone.now() + timedelta(seconds=90)
    scheduled = ArticleFactory(section=story.section, published_at=due)
    expiring = ArticleFactory(section=story.section, expires_at=due + timedelta(seconds=30))
    client.get("/")
    fastly.requests.clear()
    with (
        mock.patch("time.time", return_value=time.time() + 91),
        mock.patch("django.utils.timezone.now", return_value=due + timedelta(seconds=1)),
    ):
        client.get("/news/")
        client.get("/")
    assert fastly.purged() == {
        f"article:{scheduled.pk}",
        f"section:{scheduled.section_id}",
        "latest",
        "sitemaps",
    }
    assert len(fastly.requests) == 1  # once, by the request that noticed
    fastly.requests.clear()
    with (
        mock.patch("time.time", return_value=time.time() + 125),
        mock.patch("django.utils.timezone.now", return_value=due + timedelta(seconds=31)),
    ):
        client.get("/news/")
    assert f"article:{expiring.pk}" in fastly.purged()
