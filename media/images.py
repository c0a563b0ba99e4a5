"""Reading, checking and cleaning uploaded photos: with renditions.py, the only code that opens
photos readers will see (demo/images.py draws the demo's own with Pillow).

Every original is re-encoded before it is stored: orientation is applied to the
pixels and all metadata (EXIF, GPS, XMP, IPTC, ICC, comments) is dropped, so a
stored file cannot identify a source's place, device or person.
"""

import io
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError, features

# Pillow format name -> (stored format, file extension). GIFs are stored as PNG.
ACCEPTED_FORMATS = {
    "JPEG": ("JPEG", "jpg"),
    "PNG": ("PNG", "png"),
    "WEBP": ("WEBP", "webp"),
    "GIF": ("PNG", "png"),
    # Phones and cameras embed a preview or depth map as a second JPEG ("MPO"): keep the photo.
    "MPO": ("JPEG", "jpg"),
}
if features.check("avif"):
    ACCEPTED_FORMATS["AVIF"] = ("AVIF", "avif")

# Pillow's own bomb guard is set to our cap, so no code path decodes a bigger image.
Image.MAX_IMAGE_PIXELS = settings.PHOTO_MAX_PIXELS


@dataclass(frozen=True)
class UploadInfo:
    format: str
    width: int
    height: int


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def inspect_upload(upload: File) -> UploadInfo:
    """Check that an upload is a photo we accept; raise ValidationError with a clear message if not."""
    size = upload.size or 0
    if size == 0:
        raise ValidationError("The file is empty.", code="empty")
    if size > settings.PHOTO_MAX_BYTES:
        raise ValidationError(
            f"The file is {_megabytes(size)}; photos can be at most "
            f"{_megabytes(settings.PHOTO_MAX_BYTES)}.",
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(512).lstrip().lower()
    upload.seek(0)
    if head.startswith((b"<svg", b"<?xml", b"<!doctype svg")) or b"<svg" in head:
        raise ValidationError(
            "SVG drawings are not accepted as photos. Export it as PNG or JPEG.", code="svg"
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(upload)
            info = UploadInfo(image.format, *image.size)
            if info.format not in ACCEPTED_FORMATS:
                raise ValidationError(
                    f"{info.format} files are not accepted. Upload a JPEG, PNG or WebP photo.",
                    code="unsupported_format",
                )
            if getattr(image, "n_frames", 1) > 1 and info.format != "MPO":
                raise ValidationError(
                    "Animated images are not accepted as photos. Upload a still image.",
                    code="animated",
                )
            if info.width * info.height > settings.PHOTO_MAX_PIXELS:
                raise _too_many_pixels(info.width * info.height)
            image.load()  # Decodes every byte: truncated or corrupt files fail here.
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_many_pixels(None) from error
    except UnidentifiedImageError as error:
        raise ValidationError(
            "This file is not an image we can read. Upload a JPEG, PNG or WebP photo.",
            code="not_an_image",
        ) from error
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        raise ValidationError(
            "The file is damaged or incomplete (was the upload cut short?). Please upload it again.",
            code="truncated",
        ) from error
    finally:
        upload.seek(0)
    return info


def _too_many_pixels(pixels: int | None) -> ValidationError:
    limit = settings.PHOTO_MAX_PIXELS / 1_000_000
    measured = f" ({pixels / 1_000_000:.3g} megapixels)" if pixels else ""
    return ValidationError(
        f"The image is too large{measured}; photos can be at most {limit:.3g} megapixels.",
        code="too_many_pixels",
    )


def _to_srgb(image: Image.Image) -> Image.Image:
    """Convert colour-managed images to sRGB, so dropping the profile does not shift colours."""
    icc = image.info.get("icc_profile")
    if not icc or image.mode not in {"RGB", "RGBA", "CMYK"}:
        return image
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        output_mode = "RGBA" if image.mode == "RGBA" else "RGB"
        return ImageCms.profileToProfile(
            image, source, ImageCms.createProfile("sRGB"), outputMode=output_mode
        )
    except (ImageCms.PyCMSError, OSError):
        return image


def clean_original(upload: File) -> ContentFile:
    """The upload re-encoded with orientation applied and every piece of metadata removed."""
    upload.seek(0)
    with Image.open(upload) as opened:
        source_format = opened.format
        image = ImageOps.exif_transpose(opened)
        image = _to_srgb(image)
    stored_format, extension = ACCEPTED_FORMATS[source_format]
    if stored_format in {"JPEG"}:
        image = image.convert("RGB")
    elif image.mode not in {"RGB", "RGBA", "L", "LA"}:
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    # Nothing from the source travels: no EXIF, XMP, ICC, comments or text chunks.
    image.info = {}
    out = io.BytesIO()
    options = {
        "JPEG": {"quality": 92, "optimize": True, "progressive": True},
        "PNG": {"optimize": True},
        "WEBP": {"quality": 92},
        "AVIF": {"quality": 85},
    }[stored_format]
    image.save(out, stored_format, **options)
    return ContentFile(out.getvalue(), name=f"photo.{extension}")


def dimensions(file: File) -> tuple[int, int]:
    """Width and height of a stored or cleaned image."""
    file.seek(0)
    with Image.open(file) as image:
        return image.size
