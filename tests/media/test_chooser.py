"""The body editor's photo chooser: the library searched with thumbnails, and uploads through
the photo form's own checks, for staff with the right permissions only (issue #14)."""

import io

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from media.models import Photo
from tests.factories import PhotoFactory
from tests.images import jpeg_with_identifying_metadata

pytestmark = pytest.mark.django_db

CHOOSER = "admin:media_photo_chooser"
UPLOAD = "admin:media_photo_chooser_upload"


def upload(client, content: bytes, **texts):
    data = {"image": SimpleUploadedFile("IMG_0042.jpg", content, content_type="image/jpeg")}
    return client.post(reverse(UPLOAD), data | texts)


def test_the_chooser_searches_caption_credit_and_alt_text_with_thumbnails(client, reporter):
    """A search matches any of the three texts and lists each photo with a thumbnail
    rendition, never the original."""
    harbour = PhotoFactory(caption="Harbour at dawn", credit="Reuters", alt_text="Boats.")
    crowd = PhotoFactory(caption="Market", credit="AP", alt_text="A crowd around fish crates.")
    PhotoFactory(caption="Parliament", credit="Staff", alt_text="Members voting.")
    client.force_login(reporter)
    found = {
        text: [item["id"] for item in client.get(reverse(CHOOSER), {"q": text}).json()["results"]]
        for text in ("harbour", "reuters", "fish crates")
    }
    assert found == {"harbour": [harbour.pk], "reuters": [harbour.pk], "fish crates": [crowd.pk]}
    [item] = client.get(reverse(CHOOSER), {"q": "harbour"}).json()["results"]
    assert item == {
        "id": harbour.pk,
        "caption": "Harbour at dawn",
        "credit": "Reuters",
        "alt": "Boats.",
        "thumbnail": harbour.url("thumb"),
        "width": harbour.width,
        "height": harbour.height,
    }
    assert "/renditions/" in item["thumbnail"] and harbour.image.name not in item["thumbnail"]


def test_the_chooser_lists_the_newest_photos_and_finds_photos_by_id(editor_client):
    """Without a search the newest photos come first; the editor asks by id for the photos a
    story already shows."""
    older, newer = PhotoFactory(), PhotoFactory()
    listed = editor_client.get(reverse(CHOOSER)).json()["results"]
    assert [item["id"] for item in listed] == [newer.pk, older.pk]
    by_id = editor_client.get(reverse(CHOOSER), {"id": [older.pk, "x"]}).json()["results"]
    assert [item["id"] for item in by_id] == [older.pk]


def test_an_upload_goes_through_the_photo_form_and_strips_hidden_data(editor_client, editor):
    """The new photo is stored as the photo admin stores one: its location and camera data
    removed, its name replaced, its renditions made, its addition logged."""
    response = upload(
        editor_client,
        jpeg_with_identifying_metadata(),
        caption="Rescue teams at work.",
        credit="Staff",
        alt_text="Rescue workers lift rubble.",
    )
    assert response.status_code == 201
    photo = Photo.objects.get()
    assert response.json() | {"thumbnail": ""} == {
        "id": photo.pk,
        "caption": "Rescue teams at work.",
        "credit": "Staff",
        "alt": "Rescue workers lift rubble.",
        "thumbnail": "",
        "width": photo.width,
        "height": photo.height,
    }
    assert response.json()["thumbnail"] == photo.url("thumb")
    assert "IMG_0042" not in photo.image.name
    with photo.image.open("rb") as stored:
        image = Image.open(io.BytesIO(stored.read()))
        assert not image.getexif().get_ifd(0x8825)  # no GPS block
    assert LogEntry.objects.get(object_id=str(photo.pk)).action_flag == ADDITION
    assert LogEntry.objects.get(object_id=str(photo.pk)).user == editor


def test_a_hostile_upload_is_refused_with_the_photo_form_s_message(editor_client):
    """An SVG with a script is refused with the same words as in the photo admin, and nothing
    is stored."""
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10"/></svg>'
    response = upload(editor_client, svg, alt_text="x")
    assert response.status_code == 400
    [error] = response.json()["errors"]["image"]
    assert "SVG drawings are not accepted" in error["message"]
    assert not Photo.objects.exists()


def test_the_chooser_is_for_staff_with_photo_rights_only(client, django_user_model):
    """Readers are sent to sign in; staff without the photo permissions are refused."""
    PhotoFactory(caption="Secret draft photo")
    chooser = client.get(reverse(CHOOSER))
    assert chooser.status_code == 302 and "/login/" in chooser["Location"]
    assert client.post(reverse(UPLOAD)).status_code == 302
    nobody = django_user_model.objects.create_user("intern", password="pw", is_staff=True)
    client.force_login(nobody)
    assert client.get(reverse(CHOOSER)).status_code == 403
    response = upload(client, b"", alt_text="x")
    assert response.status_code == 403
    assert client.get(reverse(UPLOAD)).status_code == 405
