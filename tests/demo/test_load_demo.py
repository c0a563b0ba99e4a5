import pytest
from django.core.management import CommandError, call_command

from articles import checks
from articles.models import Article
from media.models import Photo
from sections.models import Section
from siteinfo.models import SiteSettings

pytestmark = pytest.mark.django_db


def test_load_demo_builds_a_real_looking_site_and_is_idempotent(client):
    """The demo has News > Palestine, a dozen illustrated articles and the footer; twice is once."""
    call_command("load_demo")
    counts = (Section.objects.count(), Article.objects.count(), Photo.objects.count())
    call_command("load_demo")
    assert (Section.objects.count(), Article.objects.count(), Photo.objects.count()) == counts
    assert Section.objects.filter(path="news/palestine").exists()
    assert Article.objects.live().count() >= 12
    assert Article.objects.filter(editors_choice=True).exists()
    assert not Article.objects.filter(lead_photo=None).exists()
    assert SiteSettings.load().alternate_addresses()
    photo = Photo.objects.first()
    assert photo.image.storage.exists(photo.image.name)
    html = client.get("/").content.decode()
    assert "Editor&#x27;s Choice" in html or "Editor's Choice" in html
    assert "meridian-news.example.net" in html
    # The lead story shows the body's blocks, and every demo story passes the desk's checks.
    lead = Article.objects.get(slug="gaza-fishermen-return-to-sea-as-fuel-deliveries-resume")
    page = client.get(lead.get_absolute_url()).content.decode()
    for block in ["figure--inline", "story-card__link", "embed-card", "pull-quote", "fact-box"]:
        assert block in page, block
    for article in Article.objects.all():
        assert checks.blocking(checks.Story(article)) == [], article.slug


def test_load_demo_adds_synthetic_articles_in_bulk_once():
    """--articles N ensures N synthetic articles with photos, tags and authors, without duplicates."""
    call_command("load_demo", articles=30)
    call_command("load_demo", articles=30)
    synthetic = Article.objects.exclude(lead_photo__credit="").filter(
        lead_photo__credit="Newsroom synthetic photo"
    )
    assert synthetic.count() == 30
    article = synthetic.first()
    assert article.tags.exists() and article.authors.exists()
    assert article.body_html.startswith("<p>")


def test_demo_editor_is_refused_outside_debug(settings):
    """The published demo password never exists on a production install."""
    settings.DEBUG = False
    with pytest.raises(CommandError, match="only created for local demos"):
        call_command("ensure_demo_editor")


def test_demo_editor_can_log_in_and_edit_articles(settings, client):
    settings.DEBUG = True
    call_command("ensure_demo_editor")
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "editor", "password": "newsroom-demo"}
    )
    assert response.status_code == 302
    assert client.get("/admin/articles/article/add/").status_code == 200


def test_the_demo_has_a_desk_thread_and_a_source_note_only_with_a_key(settings):
    """A desk thread on the spyware story; a source note only when the server has a key."""
    from cryptography.fernet import Fernet

    from notes import crypto
    from notes.models import DeskNote, SourceNote

    settings.SOURCE_NOTES_KEYS = []
    call_command("load_demo")
    story = Article.objects.get(
        slug="journalists-phones-targeted-by-commercial-spyware-researchers-say"
    )
    assert DeskNote.objects.filter(article=story).count() == 2
    assert DeskNote.objects.open().filter(article=story).count() == 1
    assert not SourceNote.objects.exists()
    settings.SOURCE_NOTES_KEYS = [Fernet.generate_key().decode()]
    call_command("load_demo")
    call_command("load_demo")
    assert DeskNote.objects.count() == 2
    note = SourceNote.objects.get()
    assert "research assistant" in crypto.decrypt(note.ciphertext)
    assert checks.blocking(checks.Story(story)) == []
