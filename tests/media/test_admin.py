import pytest
from django.core.management import call_command
from django.urls import reverse

from media.models import Photo
from tests.factories import ArticleFactory, PhotoFactory

pytestmark = pytest.mark.django_db


def test_photo_list_shows_thumbnail_caption_credit_and_usage(editor_client):
    """Editors see each photo small, with its caption, credit and the articles using it, as
    their lead photo or inside their body."""
    used = PhotoFactory(caption="Harbour at dawn", credit="Reuters", alt_text="Boats.")
    PhotoFactory(caption="Unused picture", alt_text="Nothing.")
    ArticleFactory(lead_photo=used)
    ArticleFactory(lead_photo=used, body=f'<figure data-photo="{used.pk}"></figure>')
    ArticleFactory(body=f'<p>Inside.</p><figure data-photo="{used.pk}"></figure>')
    ArticleFactory(headline="Story with another photo", lead_photo=PhotoFactory(alt_text="x"))
    html = editor_client.get(reverse("admin:media_photo_changelist")).content.decode()
    assert used.url("card") in html
    assert "Harbour at dawn" in html and "Reuters" in html
    assert f'?uses_photo={used.pk}">3 articles</a>' in html
    assert "Not used" in html
    articles = editor_client.get(
        reverse("admin:articles_article_changelist") + f"?uses_photo={used.pk}"
    )
    assert articles.status_code == 200
    assert articles.content.count(b'<td class="field-section') == 3
    assert b"Story with another photo" not in articles.content


def test_photo_list_searches_caption_and_credit(editor_client):
    PhotoFactory(caption="Harbour at dawn", credit="Reuters", alt_text="Boats.")
    PhotoFactory(caption="Parliament", credit="AP", alt_text="Members.")
    url = reverse("admin:media_photo_changelist")
    assert "Harbour at dawn" not in editor_client.get(url, {"q": "AP"}).content.decode()
    assert "Parliament" not in editor_client.get(url, {"q": "reuters"}).content.decode()


def test_focal_point_is_set_through_the_photo_form(editor_client):
    """The x/y fields the click tool fills are saved, and renditions follow them."""
    photo = PhotoFactory()
    url = reverse("admin:media_photo_change", args=[photo.pk])
    page = editor_client.get(url).content.decode()
    assert 'class="focal-point" data-width="120" data-height="80"' in page
    assert "newsroom_admin/focal_point.js" in page
    response = editor_client.post(
        url,
        {"caption": photo.caption, "credit": photo.credit, "alt_text": photo.alt_text,
         "focal_point_x": "100", "focal_point_y": "20"},
    )  # fmt: skip
    assert response.status_code == 302
    photo.refresh_from_db()
    assert (photo.focal_point_x, photo.focal_point_y) == (100, 20)


def test_focal_point_outside_the_photo_is_a_form_error(editor_client):
    photo = PhotoFactory()
    response = editor_client.post(
        reverse("admin:media_photo_change", args=[photo.pk]),
        {
            "caption": "",
            "credit": "",
            "alt_text": "A.",
            "focal_point_x": "500",
            "focal_point_y": "20",
        },
    )
    assert response.status_code == 200
    assert b"The photo is 120 pixels wide; choose a smaller x." in response.content


def test_reusing_a_photo_does_not_copy_its_file(media_root):
    """Two articles with the same lead photo share one original and one set of renditions."""
    photo = PhotoFactory()
    files = sorted(path for path in media_root.rglob("*") if path.is_file())
    ArticleFactory(lead_photo=photo)
    ArticleFactory(lead_photo=photo)
    assert sorted(path for path in media_root.rglob("*") if path.is_file()) == files
    assert Photo.objects.count() == 1


def test_make_renditions_restores_missing_files(media_root):
    photo = PhotoFactory()
    for rendition in photo.all_renditions:
        photo.image.storage.delete(rendition.name)
    call_command("make_renditions")
    assert all(photo.image.storage.exists(r.name) for r in photo.all_renditions)


def test_photo_usage_is_counted_up_to_a_cap(editor_client, monkeypatch):
    """A stock photo on very many articles shows "100+", so the list never counts them all."""
    from articles import admin as articles_admin

    monkeypatch.setattr(articles_admin, "USAGE_COUNT_CAP", 3)
    stock = PhotoFactory(caption="Stock photo", alt_text="Parliament.")
    for _ in range(4):
        ArticleFactory(lead_photo=stock)
    html = editor_client.get(reverse("admin:media_photo_changelist")).content.decode()
    assert f'?uses_photo={stock.pk}">3+ articles</a>' in html


def test_an_editor_takes_a_photo_down_at_once(
    client, make_member, media_root, django_capture_on_commit_callbacks
):
    """For safety: the photo, its original and every crop go now, and pages stop showing it."""
    from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
    from django.test import Client

    photo = PhotoFactory(caption="Activist's face, unblurred")
    photo.focal_point_x, photo.focal_point_y = 10, 10
    photo.save()  # a second crop, as well as the first
    story = ArticleFactory(lead_photo=photo)
    assert "unblurred" in client.get(story.get_absolute_url()).content.decode()
    files = [path for path in media_root.rglob("*") if path.is_file()]
    assert len({path.parent for path in files}) == 3  # the original, two crops
    changelist = reverse("admin:media_photo_changelist")
    take_down = {"action": "take_down", ACTION_CHECKBOX_NAME: [photo.pk]}
    reporter = Client()
    reporter.force_login(make_member("Reporter"))
    reporter.post(changelist, {**take_down, "confirm": "yes"})
    assert Photo.objects.filter(pk=photo.pk).exists()
    editor = Client()
    editor.force_login(make_member("Editor"))
    assert b"cannot be undone" in editor.post(changelist, take_down).content
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(changelist, {**take_down, "confirm": "yes"})
    assert not Photo.objects.filter(pk=photo.pk).exists()
    assert not [path for path in media_root.rglob("*") if path.is_file()]
    page = client.get(story.get_absolute_url()).content.decode()
    assert "unblurred" not in page and "renditions/" not in page
