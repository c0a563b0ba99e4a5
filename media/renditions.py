"""The one image-rendition path: which sizes each role needs, their names, and making them.

A rendition's file name is derived from the photo's own fields (its Source: original file name
and focal point), so templates build srcsets without any query or storage call. Every rendition
of an original lives in one folder (renditions/<original>/<crop>/), so a new focal point gives
new names beside the old ones, which stay for pages cached earlier until prune_media removes
them, and a safety takedown removes every crop ever made at once.
"""

import hashlib
import io
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import NamedTuple

from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from PIL import Image, features

# Bump to regenerate every rendition after changing sizes or encoder settings.
RENDITIONS_VERSION = 2

FORMATS = {
    # name: (Pillow format, extension, MIME type, encoder options)
    "avif": ("AVIF", "avif", "image/avif", {"quality": 52, "speed": 8}),
    "webp": ("WEBP", "webp", "image/webp", {"quality": 72, "method": 4}),
    "jpeg": ("JPEG", "jpg", "image/jpeg", {"quality": 76, "optimize": True, "progressive": True}),
}
MODERN_FORMATS = tuple(name for name in ("avif", "webp") if features.check(name))


@dataclass(frozen=True)
class Role:
    """A way pages show photos: its shape, the widths made, and the layout hint for browsers.

    Modern formats (AVIF, WebP) come at every width; the JPEG fallback, for the few
    browsers that take neither, at fewer widths to keep upload processing fast.
    """

    name: str
    aspect: float
    widths: tuple[int, ...]
    jpeg_widths: tuple[int, ...]
    sizes: str
    formats: tuple[str, ...] = (*MODERN_FORMATS, "jpeg")


ROLES = {
    role.name: role
    for role in [
        Role(
            "lead",
            3 / 2,
            (390, 640, 780, 1024, 1280),
            (640, 1280),
            "(min-width: 44rem) 42rem, 100vw",
        ),
        Role(
            "card",
            3 / 2,
            (320, 480, 640, 960),
            (480, 960),
            "(min-width: 64rem) 22rem, (min-width: 48rem) 45vw, 100vw",
        ),
        Role("thumb", 1, (112, 224), (224,), "7rem"),
        # Share cards: link previews on social networks and messengers want 1200x630 JPEG.
        Role("og", 1200 / 630, (1200,), (1200,), "1200px", formats=("jpeg",)),
    ]
}


@dataclass(frozen=True)
class Rendition:
    role: str
    format: str
    width: int
    height: int
    name: str


class Source(NamedTuple):
    """Everything renditions depend on: a photo's original and where its crops centre."""

    image_name: str
    width: int
    height: int
    focal_x: int | None = None
    focal_y: int | None = None


def image_key(image_name: str) -> str:
    return hashlib.sha256(image_name.encode()).hexdigest()[:20]


def rendition_folder(key: str) -> str:
    """The folder of every rendition of one original."""
    return f"renditions/{key[:2]}/{key}"


def crop_folder(source: Source) -> str:
    raw = f"{source.focal_x}|{source.focal_y}|{RENDITIONS_VERSION}"
    crop = hashlib.sha256(raw.encode()).hexdigest()[:8]
    return f"{rendition_folder(image_key(source.image_name))}/{crop}"


def crop_box(
    width: int, height: int, aspect: float, focal_x: int | None, focal_y: int | None
) -> tuple[int, int, int, int]:
    """The largest box of the role's shape inside the photo, centred on the focal point."""
    if width / height > aspect:
        crop_w, crop_h = round(height * aspect), height
    else:
        crop_w, crop_h = width, round(width / aspect)
    centre_x = width / 2 if focal_x is None else focal_x
    centre_y = height / 2 if focal_y is None else focal_y
    left = min(max(round(centre_x - crop_w / 2), 0), width - crop_w)
    top = min(max(round(centre_y - crop_h / 2), 0), height - crop_h)
    return (left, top, left + crop_w, top + crop_h)


def plan(source: Source) -> list[Rendition]:
    """Every rendition a photo has, computed from its fields alone (no I/O)."""
    folder = crop_folder(source)
    renditions = []
    for role in ROLES.values():
        left, top, right, bottom = crop_box(
            source.width, source.height, role.aspect, source.focal_x, source.focal_y
        )
        crop_w, crop_h = right - left, bottom - top
        # Never upscale: a small photo gets one rendition at its own size.
        widths = [w for w in role.widths if w <= crop_w] or [crop_w]
        jpeg_widths = [w for w in role.jpeg_widths if w in widths] or [widths[-1]]
        for target_w in widths:
            target_h = max(1, round(target_w * crop_h / crop_w))
            for fmt in role.formats:
                if fmt == "jpeg" and target_w not in jpeg_widths:
                    continue
                extension = FORMATS[fmt][1]
                renditions.append(
                    Rendition(
                        role.name,
                        fmt,
                        target_w,
                        target_h,
                        # Named by size, so roles of the same shape share files.
                        f"{folder}/{target_w}x{target_h}.{extension}",
                    )
                )
    return renditions


@dataclass(frozen=True)
class PictureSource:
    """One <source> of a <picture>: a format and its srcset."""

    type: str
    srcset: str


@dataclass(frozen=True)
class Picture:
    """What a <picture> element needs for one photo at one role."""

    sources: list[PictureSource]
    src: str
    srcset: str
    sizes: str
    width: int
    height: int


def picture(storage: Storage, renditions: list[Rendition], role: str) -> Picture:
    """Sources per modern format, then the JPEG fallback; built without touching storage."""
    by_format: dict[str, list[Rendition]] = {}
    for rendition in renditions:
        if rendition.role == role:
            by_format.setdefault(rendition.format, []).append(rendition)

    def srcset(items: list[Rendition]) -> str:
        return ", ".join(f"{storage.url(r.name)} {r.width}w" for r in items)

    fallback = by_format.pop("jpeg")
    largest = fallback[-1]
    return Picture(
        sources=[PictureSource(FORMATS[fmt][2], srcset(items)) for fmt, items in by_format.items()],
        # The smallest JPEG is the src for browsers that ignore srcset.
        src=storage.url(fallback[0].name),
        srcset=srcset(fallback),
        sizes=ROLES[role].sizes,
        width=largest.width,
        height=largest.height,
    )


def _encode(image: Image.Image, fmt: str) -> bytes:
    pillow_format, _, _, options = FORMATS[fmt]
    out = io.BytesIO()
    image.save(out, pillow_format, **options)
    return out.getvalue()


def generate(storage: Storage, photo: Source) -> list[Rendition]:
    """Make every missing rendition of a stored original; existing ones are reused."""
    focal_x, focal_y = photo.focal_x, photo.focal_y
    with storage.open(photo.image_name) as file, Image.open(file) as opened:
        full_w, full_h = opened.size
        largest = max(max(role.widths) for role in ROLES.values())
        # JPEG can decode at 1/2, 1/4 or 1/8 scale directly: far faster for big photos.
        opened.draft("RGB", (largest, largest))
        source = opened.convert("RGBA" if opened.mode in {"RGBA", "LA", "PA"} else "RGB")
    # Nothing of the original's metadata (a comment, EXIF, XMP, a profile) reaches a rendition,
    # whatever the original holds: Pillow would otherwise write some of it back out.
    source.info = {}
    scale = source.width / full_w
    renditions = plan(Source(photo.image_name, full_w, full_h, focal_x, focal_y))
    unique = {r.name: r for r in renditions}.values()
    missing = [r for r in unique if not storage.exists(r.name)]

    def make(group: list[Rendition]) -> None:
        first = group[0]
        role = ROLES[first.role]
        box = crop_box(full_w, full_h, role.aspect, focal_x, focal_y)
        cropped = source.crop(tuple(round(edge * scale) for edge in box))
        resized = cropped.resize(
            (first.width, first.height), Image.Resampling.LANCZOS, reducing_gap=3.0
        )
        for rendition in group:
            image = resized.convert("RGB") if rendition.format == "jpeg" else resized
            storage.save(rendition.name, ContentFile(_encode(image, rendition.format)))

    groups: dict[tuple[str, int], list[Rendition]] = {}
    for rendition in missing:
        groups.setdefault((rendition.role, rendition.width), []).append(rendition)
    # Pillow releases the GIL while resizing and encoding, so two threads use two cores.
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(make, groups.values()))
    return renditions
