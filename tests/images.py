"""Test images made in memory with Pillow."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def jpeg_bytes(width: int = 120, height: int = 80, color: str = "#3a6ea5", **save_options) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), color).save(out, "JPEG", quality=80, **save_options)
    return out.getvalue()


def uploaded_jpeg(
    name: str = "photo.jpg", width: int = 120, height: int = 80
) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, jpeg_bytes(width, height), content_type="image/jpeg")


def jpeg_with_identifying_metadata(width: int = 300, height: int = 200) -> bytes:
    """A JPEG such as a phone makes: GPS position, camera serial, owner, software, rotated 90°."""
    exif = Image.Exif()
    exif[0x010F] = "Canon"
    exif[0x0110] = "Canon EOS R5"
    exif[0x0131] = "SecretEditor 1.0"
    exif[0x013B] = "Jane Source"
    exif[0x0112] = 6  # Orientation: the camera was turned; viewers rotate 90° clockwise.
    exif.get_ifd(0x8769)[0xA431] = "SERIAL-0123456789"  # BodySerialNumber
    exif.get_ifd(0x8825).update({1: "N", 2: (31.0, 30.0, 10.0), 3: "E", 4: (34.0, 28.0, 5.0)})
    image = Image.new("RGB", (width, height), "#556b2f")
    image.paste("#ff0000", (0, 0, width // 4, height))  # a red band on the left edge
    out = io.BytesIO()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description>Jane Source home</rdf:Description></x:xmpmeta>'
    image.save(out, "JPEG", quality=90, exif=exif.tobytes(), xmp=xmp, comment=b"Jane Source")
    return out.getvalue()
