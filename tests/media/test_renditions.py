"""Renditions: every size a page needs, made once from the clean original, named without queries."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.template import Context, Template
from PIL import Image

from media import renditions
from media.models import Photo
from tests.factories import PhotoFactory
from tests.images import jpeg_bytes

pytestmark = pytest.mark.django_db


def big_photo(width: int = 2400, height: int = 1600, **fields) -> Photo:
    return PhotoFactory(image=ContentFile(jpeg_bytes(width, height), name="big.jpg"), **fields)


def stored_size(photo: Photo, name: str) -> tuple[int, int]:
    with photo.image.storage.open(name) as file:
        return Image.open(file).size


def test_upload_makes_every_role_in_every_format():
    """Lead, card, thumb and share-card renditions exist on storage with the planned sizes."""
    photo = big_photo()
    planned = photo.all_renditions
    assert {(r.role, r.width, r.format) for r in planned} >= {
        ("lead", 1280, "avif"), ("lead", 780, "webp"), ("lead", 1280, "jpeg"),
        ("card", 320, "webp"), ("card", 960, "jpeg"), ("thumb", 112, "avif"),
        ("og", 1200, "jpeg"),
    }  # fmt: skip
    for rendition in planned:
        assert photo.image.storage.exists(rendition.name), rendition
        assert stored_size(photo, rendition.name) == (rendition.width, rendition.height)
    og = next(r for r in planned if r.role == "og")
    assert (og.width, og.height) == (1200, 630)


def test_formats_are_what_their_names_say():
    photo = big_photo(800, 600)
    for rendition in photo.all_renditions:
        with photo.image.storage.open(rendition.name) as file:
            assert (
                Image.open(file).format
                == {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG"}[rendition.format]
            )


def test_small_photos_are_never_upscaled():
    """A 300 px photo gets one rendition per role at its own size, not blurry enlargements."""
    photo = big_photo(300, 200)
    assert max(r.width for r in photo.all_renditions) == 300
    assert [r.width for r in photo.all_renditions if r.role == "lead"] == [300, 300, 300]
    assert [r.width for r in photo.all_renditions if r.role == "thumb"] == [112, 112, 112]


def test_focal_point_moves_the_crop():
    """A square thumbnail of a wide photo centres on the focal point editors set."""
    photo = big_photo(3000, 1000)
    assert renditions.crop_box(3000, 1000, 1, None, None) == (1000, 0, 2000, 1000)
    assert renditions.crop_box(3000, 1000, 1, 2900, 500) == (2000, 0, 3000, 1000)
    old_names = {r.name for r in photo.all_renditions}
    photo.focal_point_x, photo.focal_point_y = 2900, 500
    photo.save()
    new_names = {r.name for r in photo.all_renditions}
    assert old_names.isdisjoint(new_names)
    for name in new_names:
        assert photo.image.storage.exists(name)


def prune_media(minutes: int = 0) -> str:
    out = io.StringIO()
    call_command("prune_media", minutes=minutes, stdout=out)
    return out.getvalue()


def test_old_renditions_outlive_a_new_crop_until_pruned():
    """Cached pages still show the old crop for a while; prune_media removes it later."""
    photo = big_photo(1200, 800)
    old = [r.name for r in photo.all_renditions]
    photo = Photo.objects.get(pk=photo.pk)
    photo.focal_point_x, photo.focal_point_y = 10, 10
    photo.save()
    storage = photo.image.storage
    assert all(storage.exists(name) for name in old)
    assert "Removed 0 " in prune_media(minutes=15)  # written just now: kept
    assert f"Removed {len(set(old))} " in prune_media()
    assert not any(storage.exists(name) for name in old)
    assert all(storage.exists(r.name) for r in photo.all_renditions)
    assert storage.exists(photo.image.name)


def test_a_replaced_original_and_its_renditions_go_when_pruned():
    photo = Photo.objects.get(pk=big_photo(1200, 800).pk)
    old_original, old = photo.image.name, [r.name for r in photo.all_renditions]
    photo.image = ContentFile(jpeg_bytes(900, 600, color="#aa0000"), name="new.jpg")
    photo.save()
    storage = photo.image.storage
    assert storage.exists(old_original)
    prune_media()
    assert not storage.exists(old_original)
    assert not any(storage.exists(name) for name in old)
    assert storage.exists(photo.image.name)
    assert all(storage.exists(r.name) for r in photo.all_renditions)


def test_a_deleted_photo_leaves_no_files_once_pruned(media_root):
    photo = big_photo(800, 600)
    photo.delete()
    assert [path for path in media_root.rglob("*") if path.is_file()]
    prune_media()
    assert [path for path in media_root.rglob("*") if path.is_file()] == []


def test_files_of_a_save_that_rolled_back_are_pruned(media_root):
    """The upload's files were written before the transaction failed: nothing uses them."""
    from django.db import transaction

    kept = big_photo(800, 600)
    with pytest.raises(RuntimeError), transaction.atomic():
        big_photo(640, 480)
        raise RuntimeError("the save failed after the files were written")

    def files() -> set[str]:
        return {
            str(path.relative_to(media_root)) for path in media_root.rglob("*") if path.is_file()
        }

    in_use = {kept.image.name} | {r.name for r in kept.all_renditions}
    assert files() > in_use
    prune_media()
    assert files() == in_use


def test_saving_again_reuses_renditions(media_root):
    """Editing a caption does not remake or duplicate files."""
    photo = Photo.objects.get(pk=big_photo(800, 600).pk)
    before = sorted(path for path in media_root.rglob("*") if path.is_file())
    photo.caption = "A new caption."
    photo.save()
    assert sorted(path for path in media_root.rglob("*") if path.is_file()) == before


def test_picture_tag_renders_srcset_sizes_and_fallback():
    """The one tag pages use: AVIF and WebP sources, JPEG img with width, height and alt."""
    photo = big_photo(2400, 1600, alt_text='Boats "moored" <at dawn>')
    html = Template('{% load photos %}{% picture photo "card" %}').render(Context({"photo": photo}))
    folder = photo.all_renditions[0].name.rsplit("/", 1)[0]
    url = f"/media/{folder}"
    sizes = renditions.ROLES["card"].sizes
    assert (
        f'<source type="image/avif" srcset="{url}/320x213.avif 320w, {url}/480x320.avif 480w, {url}/640x427.avif 640w, {url}/960x640.avif 960w" sizes="{sizes}">'
        in html
    )
    assert f'<source type="image/webp" srcset="{url}/320x213.webp 320w,' in html
    assert (
        f'<img src="{url}/480x320.jpg" srcset="{url}/480x320.jpg 480w, {url}/960x640.jpg 960w" '
        f'sizes="{sizes}" alt="Boats &#34;moored&#34; &lt;at dawn&gt;" width="960" height="640" '
        'loading="lazy" decoding="async">'
    ) in html
    assert photo.image.url not in html


def test_priority_photo_is_fetched_early_not_lazily():
    photo = big_photo(800, 600)
    html = Template('{% load photos %}{% picture photo "lead" priority=True %}').render(
        Context({"photo": photo})
    )
    assert 'fetchpriority="high"' in html and 'loading="lazy"' not in html


def test_building_a_picture_needs_no_queries(django_assert_num_queries):
    """Rendition addresses derive from the photo's own fields: zero queries per photo."""
    photo = Photo.objects.get(pk=big_photo(800, 600).pk)
    with django_assert_num_queries(0):
        Template('{% load photos %}{% picture photo "card" %}{% picture photo "thumb" %}').render(
            Context({"photo": photo})
        )


def test_picture_markup_follows_edits_to_the_photo():
    """The tag keeps markup per process, keyed by what it shows: new alt text or crop is seen."""
    photo = Photo.objects.get(pk=big_photo(2400, 1600, alt_text="Boats at dawn").pk)
    template = Template('{% load photos %}{% picture photo "card" %}')
    before = template.render(Context({"photo": photo}))
    photo.alt_text = "Fishing boats at dawn"
    photo.focal_point_x, photo.focal_point_y = 2300, 100
    photo.save()
    after = template.render(Context({"photo": Photo.objects.get(pk=photo.pk)}))
    assert 'alt="Fishing boats at dawn"' in after and 'alt="Boats at dawn"' in before
    assert photo.all_renditions[0].name.rsplit("/", 1)[0] in after
    assert before.split('srcset="')[1] != after.split('srcset="')[1]
