"""Photos on S3-compatible object storage (MEDIA_STORAGE=s3, django-storages), against moto's
in-process S3: originals, renditions, addresses and clean-up work as on disk (issue #7)."""

import io

import pytest
from django.core.management import call_command

from media.models import Photo
from tests.factories import PhotoFactory

moto = pytest.importorskip("moto", reason="moto is not installed (requirements-dev.txt)")
pytestmark = pytest.mark.django_db

BUCKET = "newsroom-media"


@pytest.fixture
def s3(settings, monkeypatch):
    import boto3

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    with moto.mock_aws():
        boto3.client("s3", region_name="us-east-1").create_bucket(Bucket=BUCKET)
        settings.STORAGES = settings.STORAGES | {
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {
                    "bucket_name": BUCKET,
                    "querystring_auth": False,
                    "file_overwrite": False,
                },
            }
        }
        yield boto3.client("s3", region_name="us-east-1")


def keys(client) -> set[str]:
    return {item["Key"] for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def test_photos_and_renditions_live_in_the_bucket(s3):
    photo = Photo.objects.get(pk=PhotoFactory().pk)
    stored = keys(s3)
    assert photo.image.name in stored
    assert {r.name for r in photo.all_renditions} <= stored
    card = photo.url("card")
    assert card.startswith(f"https://{BUCKET}.s3.amazonaws.com/renditions/")
    assert "Signature" not in card and "X-Amz" not in card
    photo.delete()
    assert keys(s3) == stored  # until no cached page can show them
    call_command("prune_media", minutes=0, stdout=io.StringIO())
    assert keys(s3) == set()


def test_production_settings_choose_s3_from_the_environment():
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "AWS_"))} | {
        "DJANGO_SECRET_KEY": "s" * 50,
        "DJANGO_ALLOWED_HOSTS": "news.example.org",
        "MEDIA_STORAGE": "s3",
        "AWS_STORAGE_BUCKET_NAME": "newsroom-media",
        "AWS_S3_CUSTOM_DOMAIN": "media.example.org",
    }
    code = (
        "import newsroom.settings as s;"
        "print(s.STORAGES['default']['BACKEND'], s.SECURE_CSP['img-src'][-1])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[2], env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert result.stdout.split() == ["storages.backends.s3.S3Storage", "https://media.example.org"]
