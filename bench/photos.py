"""Photo pipeline benchmark: a 24-megapixel JPEG with GPS and camera metadata, uploaded and rendered.

    .venv/bin/python bench/photos.py [--runs 3]

Prints the time to accept the upload (checks, orientation, metadata removal, storing the
original), the time to produce every rendition, and the bytes of each rendition.
Targets (issue #3): all renditions in under 2 s on 2 cores; the lead rendition a
390 px phone downloads under 80 KB.
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings_test")
os.environ["MEDIA_ROOT"] = tempfile.mkdtemp(prefix="bench-photos-")

import django  # noqa: E402

django.setup()

from django.core.files.storage import default_storage  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from PIL import Image, ImageFilter  # noqa: E402

from media import renditions  # noqa: E402
from media.images import clean_original, inspect_upload  # noqa: E402


def photo_like_jpeg(width: int = 6000, height: int = 4000) -> bytes:
    """A scene with a photo's mix of detail: smooth sky, soft shapes, textured ground, sensor noise."""
    sky = Image.linear_gradient("L").resize((width, height))
    shapes = Image.effect_noise((width // 200, height // 200), 90).resize(
        (width, height), Image.Resampling.BICUBIC
    )
    texture = Image.effect_noise((width // 6, height // 6), 40).resize(
        (width, height), Image.Resampling.BICUBIC
    )
    ground = (
        Image.linear_gradient("L").resize((width, height)).point(lambda v: 255 if v > 150 else 0)
    )
    detail = Image.composite(texture, shapes, ground)
    red = Image.blend(sky, detail, 0.5)
    green = Image.blend(shapes, detail, 0.6)
    blue = Image.blend(sky.transpose(Image.Transpose.FLIP_TOP_BOTTOM), shapes, 0.4)
    image = Image.merge("RGB", (red, green, blue))
    grain = Image.effect_noise((width, height), 6).convert("RGB")
    image = Image.blend(image, grain, 0.08).filter(ImageFilter.GaussianBlur(0.6))
    exif = Image.Exif()
    exif[0x010F] = "Canon"  # Make
    exif[0x0110] = "Canon EOS R5"  # Model
    exif[0x0131] = "Adobe Photoshop 25.0"  # Software
    exif[0x013B] = "Jane Source"  # Artist
    exif[0xA431] = "SERIAL-0123456789"  # BodySerialNumber
    exif[0x0112] = 6  # Orientation: rotate 90 degrees on display
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (31.0, 30.0, 10.0), 3: "E", 4: (34.0, 28.0, 5.0)})
    out = io.BytesIO()
    image.save(out, "JPEG", quality=92, exif=exif.tobytes())
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    original = photo_like_jpeg()
    print(f"original: 6000x4000 JPEG, {len(original):,} bytes, with GPS, serial and orientation")
    accept_times, render_times = [], []
    for _ in range(args.runs):
        upload = SimpleUploadedFile("IMG_0001.JPG", original, content_type="image/jpeg")
        start = time.perf_counter()
        inspect_upload(upload)
        cleaned = clean_original(upload)
        name = default_storage.save(f"photos/bench/{time.time_ns()}.jpg", cleaned)
        accept_times.append(time.perf_counter() - start)
        with default_storage.open(name) as stored:
            width, height = Image.open(stored).size
        start = time.perf_counter()
        made = renditions.generate(default_storage, renditions.Source(name, width, height))
        render_times.append(time.perf_counter() - start)

    print(f"accept upload:    median {statistics.median(accept_times):.2f} s over {args.runs} runs")
    print(f"all renditions:   median {statistics.median(render_times):.2f} s "
          f"({len({r.name for r in made})} files, {os.cpu_count()} cores)")  # fmt: skip
    stored_size = default_storage.size(name)
    print(f"stored original:  {width}x{height}, {stored_size:,} bytes")
    print(f"\n{'rendition':<16}{'format':<8}{'size':>11}{'bytes':>10}{'of original':>13}")
    for r in made:
        size = default_storage.size(r.name)
        print(f"{r.role + '-' + str(r.width):<16}{r.format:<8}{f'{r.width}x{r.height}':>11}"
              f"{size:>10,}{size / stored_size:>12.2%}")  # fmt: skip
    # A 390 px phone picks from the lead srcset by its pixel density; it takes AVIF first.
    print()
    for density, width in ((2, 780), (3, 1280)):
        for r in made:
            if r.role == "lead" and r.width == width and r.format != "jpeg":
                size = default_storage.size(r.name)
                print(f"phone 390 px @{density}x downloads lead-{width} {r.format}: {size:,} bytes")


if __name__ == "__main__":
    main()
