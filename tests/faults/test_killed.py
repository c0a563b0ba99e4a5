"""A worker killed in the middle of a save leaves no half of it behind (issue #21).

Each test runs the save in another process, stops it (SIGKILL) at its most awkward moment, and
looks at what is left: a publish, a photo upload and an archive import.
"""

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.faults.services import ROOT, Site

pytestmark = [pytest.mark.faults, pytest.mark.own_site]

HANG = (
    "import time\n"
    "def hang(sender, **kwargs):\n"
    "    print('IN THE MIDDLE', flush=True)\n"
    "    time.sleep(60)\n"
)


def killed_in_the_middle(site: Site, script: str) -> None:
    """Run a script in the site's settings; SIGKILL it once it says it is in the middle."""
    process = subprocess.Popen(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", HANG + script],
        cwd=ROOT, env=site.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    for line in process.stdout:
        if "IN THE MIDDLE" in line:
            process.send_signal(signal.SIGKILL)
            break
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, process.stderr.read()


def ask(site: Site, expression: str) -> str:
    return site.manage("shell", "-c", f"print({expression})").strip().splitlines()[-1]


def files(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file()}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    site = Site({}, tmp_path_factory.mktemp("killed"))
    site.prepare()
    return site


def test_a_publish_killed_halfway_leaves_the_story_as_it_was(site):
    story = "Article.objects.get(slug='killed-draft')"
    site.manage("shell", "-c", (
        "from articles.models import Article\n"
        "from sections.models import Section\n"
        "Article.objects.create(slug='killed-draft', headline='Draft', status='draft',\n"
        "    section=Section.objects.first())\n"
    ))  # fmt: skip
    before = ask(site, f"__import__('articles.models').models.{story}.version")
    killed_in_the_middle(site, (
        "from django.contrib.auth import get_user_model\n"
        "from django.db import transaction\n"
        "from django.db.models.signals import post_save\n"
        "from articles import services\n"
        "from articles.models import Article\n"
        "editor = get_user_model().objects.create_superuser('killer', password='x')\n"
        "post_save.connect(hang, sender=Article.history.model)  # row and revision written\n"
        "with transaction.atomic():\n"
        f"    services.publish(article={story}, user=editor)\n"
    ))  # fmt: skip
    prefix = "__import__('articles.models').models"
    assert ask(site, f"{prefix}.{story}.status") == "draft"
    assert ask(site, f"{prefix}.{story}.version") == before
    assert ask(site, f"{prefix}.{story}.history.count()") == "1"  # its creation only
    assert ask(site, "__import__('django.contrib.admin.models').contrib.admin.models"
                     ".LogEntry.objects.count()") == "0"  # fmt: skip


def test_an_upload_killed_halfway_leaves_no_photo_and_no_file_for_long(site):
    media = Path(site.env["MEDIA_ROOT"])
    before = files(media)
    photos = ask(site, "__import__('media.models').models.Photo.objects.count()")
    killed_in_the_middle(site, (
        "from django.core.files.base import ContentFile\n"
        "from django.db import transaction\n"
        "from django.db.models.signals import post_save\n"
        "from demo.images import scene_jpeg\n"
        "from media.models import Photo\n"
        "post_save.connect(hang, sender=Photo)  # original and renditions stored, row written\n"
        "with transaction.atomic():\n"
        "    photo = Photo(caption='Killed', alt_text='Killed')\n"
        "    photo.image = ContentFile(scene_jpeg(99), name='killed.jpg')\n"
        "    photo.save()\n"
    ))  # fmt: skip
    assert ask(site, "__import__('media.models').models.Photo.objects.count()") == photos
    assert files(media) > before  # written before the kill, used by no photo
    site.manage("prune_media", "--minutes", "0")
    assert files(media) == before


def test_an_import_killed_halfway_leaves_an_empty_site(site, tmp_path):
    archive = tmp_path / "archive.zip"
    site.manage("export_archive", str(archive))
    empty = Site({}, tmp_path / "empty")
    empty.manage("migrate", "--noinput")
    killed_in_the_middle(empty, (
        "from pathlib import Path\n"
        "from django.db.models.signals import post_save\n"
        "from archive.archive import import_archive\n"
        "from articles.models import Article\n"
        "post_save.connect(hang, sender=Article)  # photos stored, sections and users loaded\n"
        f"import_archive(Path({str(archive)!r}))\n"
    ))  # fmt: skip
    for model in ["articles.models').models.Article", "media.models').models.Photo",
                  "sections.models').models.Section"]:  # fmt: skip
        assert ask(empty, f"__import__('{model}.objects.count()") == "0"
    media = Path(empty.env["MEDIA_ROOT"])
    assert files(media)  # the photos it had stored
    empty.manage("prune_media", "--minutes", "0")
    assert files(media) == set()
