"""Uploads: hostile or broken files are refused with a clear error and nothing is stored."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from media.models import Photo
from tests.images import jpeg_bytes, jpeg_with_identifying_metadata

pytestmark = pytest.mark.django_db


def post_photo(client, content: bytes, name: str = "photo.jpg"):
    return client.post(
        reverse("admin:media_photo_add"),
        {
            "image": SimpleUploadedFile(name, content, content_type="image/jpeg"),
            "caption": "Rescue teams at work.",
            "credit": "Staff",
            "alt_text": "Rescue workers lift rubble.",
        },
    )


def animated_gif() -> bytes:
    frames = [Image.new("RGB", (40, 40), color) for color in ("red", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return out.getvalue()


def png_bytes(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("1", (width, height)).save(out, "PNG")
    return out.getvalue()


HOSTILE_UPLOADS = {
    "zero-byte file": (b"", "The submitted file is empty."),
    "text with a .jpg name": (b"<?php system($_GET['c']); ?>" * 20, "not an image we can read"),
    "truncated JPEG": (jpeg_bytes(400, 300)[:600], "damaged or incomplete"),
    "SVG drawing": (
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10"/></svg>',
        "SVG drawings are not accepted",
    ),
    "SVG with XML prolog": (
        b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"></svg>',
        "SVG drawings are not accepted",
    ),
    "animated GIF": (animated_gif(), "Animated images are not accepted"),
    # 8,000 x 6,000 = 48 megapixels of 1-bit PNG: a few kilobytes that decode to a bomb.
    "decompression bomb": (png_bytes(8000, 6000), "at most 40 megapixels"),
}


@pytest.mark.parametrize("case", HOSTILE_UPLOADS, ids=list(HOSTILE_UPLOADS))
def test_hostile_upload_is_refused_with_a_clear_error(editor_client, media_root, case):
    """Each bad file gets a form error naming the problem; no row and no file are stored."""
    content, message = HOSTILE_UPLOADS[case]
    response = post_photo(editor_client, content)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Photo.objects.exists()
    stored = [path for path in media_root.rglob("*") if path.is_file()]
    assert stored == []


def test_pixel_cap_is_configurable(editor_client, settings):
    """Newsrooms with big cameras can raise the cap; the message states the limit in force."""
    settings.PHOTO_MAX_PIXELS = 10_000
    response = post_photo(editor_client, jpeg_bytes(200, 100))
    assert "The image is too large (0.02 megapixels); photos can be at most 0.01 megapixels." in (
        response.content.decode()
    )
    assert not Photo.objects.exists()


def test_byte_cap_is_enforced(editor_client, settings):
    settings.PHOTO_MAX_BYTES = 1_000
    response = post_photo(editor_client, jpeg_bytes(300, 300, color="#123456"))
    assert "photos can be at most 0.0 MB" in response.content.decode()
    assert not Photo.objects.exists()


def test_stored_original_has_no_identifying_metadata(editor_client):
    """GPS, camera serial, owner, software, XMP and comments are gone from the stored file."""
    response = post_photo(editor_client, jpeg_with_identifying_metadata(), name="Jane home.jpg")
    assert response.status_code == 302
    photo = Photo.objects.get()
    with photo.image.open("rb") as stored:
        raw = stored.read()
    for secret in [b"SERIAL-0123456789", b"Jane Source", b"SecretEditor", b"Canon", b"xmpmeta"]:
        assert secret not in raw
    image = Image.open(io.BytesIO(raw))
    exif = image.getexif()
    assert not exif.get_ifd(0x8825)  # no GPS block
    assert not exif.get_ifd(0x8769)  # no Exif block (serial numbers live there)
    assert 0x0112 not in exif  # orientation applied, so no tag is needed
    assert "exif" not in image.info and "xmp" not in image.info and "comment" not in image.info


def test_orientation_is_applied_to_the_pixels(editor_client):
    """A photo taken with the camera turned is stored upright: no reader sees it sideways."""
    post_photo(editor_client, jpeg_with_identifying_metadata(300, 200))
    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (200, 300)
    with photo.image.open("rb") as stored:
        image = Image.open(stored).convert("RGB")
        # The red band that was on the left edge is on the top edge after the 90° turn.
        red, green, _ = image.getpixel((100, 10))
        assert red > 200 and green < 60


def test_uploaded_file_name_is_replaced(editor_client):
    """A file named after a person or place is stored under a random name."""
    post_photo(editor_client, jpeg_bytes(), name="Gaza informant Ahmad 2026-11-01.jpg")
    name = Photo.objects.get().image.name
    assert "Ahmad" not in name and "informant" not in name
    assert name.startswith("photos/") and name.endswith(".jpg")


def test_png_keeps_transparency_and_format(editor_client):
    image = Image.new("RGBA", (60, 40), (255, 0, 0, 0))
    out = io.BytesIO()
    image.save(out, "PNG")
    post_photo(editor_client, out.getvalue(), name="logo.png")
    photo = Photo.objects.get()
    assert photo.image.name.endswith(".png")
    with photo.image.open("rb") as stored:
        assert Image.open(stored).mode == "RGBA"


def test_phone_photos_with_an_embedded_preview_are_accepted(editor_client):
    """MPO: a JPEG with a second image inside (preview or depth map), as many phones make."""
    first, second = Image.new("RGB", (200, 100), "red"), Image.new("RGB", (50, 25), "blue")
    out = io.BytesIO()
    first.save(out, "MPO", save_all=True, append_images=[second])
    assert Image.open(io.BytesIO(out.getvalue())).format == "MPO"
    response = post_photo(editor_client, out.getvalue(), name="IMG_2041.JPG")
    assert response.status_code == 302
    photo = Photo.objects.get()
    assert (photo.width, photo.height) == (200, 100) and photo.image.name.endswith(".jpg")
