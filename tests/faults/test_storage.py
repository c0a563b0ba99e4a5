"""Object storage (S3) down: an upload is a clear form error that stores nothing, and readers'
pages still render, since their image addresses need no answer from the storage (issue #21)."""

import pytest
from django.urls import reverse

from media.models import Photo
from tests.factories import ArticleFactory, PhotoFactory
from tests.faults.services import free_port
from tests.images import uploaded_jpeg

pytestmark = [pytest.mark.faults, pytest.mark.django_db]
BUCKET = "newsroom-faults"


@pytest.fixture
def s3(settings, monkeypatch):
    """moto's S3 server on a port of its own, with the site's media on it."""
    server_module = pytest.importorskip("moto.server", reason="moto's server mode is not installed")
    import boto3

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    port = free_port()
    server = server_module.ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1").create_bucket(Bucket=BUCKET)
    settings.STORAGES = settings.STORAGES | {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {"bucket_name": BUCKET, "endpoint_url": endpoint, "region_name": "us-east-1",
                        "querystring_auth": False, "file_overwrite": False},
        }
    }  # fmt: skip
    yield server
    server.stop()


def test_an_upload_while_the_storage_is_down_is_a_form_error(s3, editor_client):
    s3.stop()
    response = editor_client.post(
        reverse("admin:media_photo_add"),
        {"image": uploaded_jpeg(), "caption": "Boats at dawn", "credit": "Agency",
         "alt_text": "Fishing boats"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "The photo store is not answering" in response.content.decode()
    assert "Boats at dawn" in response.content.decode()  # what was typed is kept
    assert not Photo.objects.exists()


def test_readers_pages_render_while_the_storage_is_down(s3, client):
    story = ArticleFactory(lead_photo=PhotoFactory())
    s3.stop()
    response = client.get(story.get_absolute_url())
    assert response.status_code == 200
    assert f"{BUCKET}" in response.content.decode() or "renditions/" in response.content.decode()
