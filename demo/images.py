"""Generated photographs for demo content and benchmarks: plausible scenes, no real people."""

import io
import random

from PIL import Image, ImageDraw, ImageFilter


def scene_jpeg(seed: int, width: int = 1600, height: int = 1000, quality: int = 82) -> bytes:
    """A JPEG of a skyline at some hour of the day, different for every seed."""
    rng = random.Random(seed)
    sky_top = tuple(rng.randint(20, 120) for _ in range(3))
    sky_bottom = tuple(min(255, c + rng.randint(80, 150)) for c in sky_top)
    gradient = Image.linear_gradient("L").resize((width, height))
    image = Image.composite(
        Image.new("RGB", (width, height), sky_bottom),
        Image.new("RGB", (width, height), sky_top),
        gradient,
    )
    draw = ImageDraw.Draw(image)
    sun_x, sun_y = rng.randint(width // 8, width * 7 // 8), rng.randint(height // 8, height // 2)
    sun_r = rng.randint(height // 20, height // 9)
    draw.ellipse((sun_x - sun_r, sun_y - sun_r, sun_x + sun_r, sun_y + sun_r), fill=(250, 226, 170))
    horizon = int(height * rng.uniform(0.55, 0.72))
    for layer in range(3):
        shade = 75 - layer * 22 + rng.randint(0, 15)
        x = -rng.randint(0, 40)
        while x < width:
            w = rng.randint(width // 40, width // 12)
            h = rng.randint(height // 12, height // (3 + layer))
            top = horizon + layer * height // 14 - h
            draw.rectangle((x, top, x + w, height), fill=(shade, shade + 4, shade + 10))
            for wy in range(top + 10, horizon, 24):
                for wx in range(x + 6, x + w - 8, 18):
                    if rng.random() < 0.22:
                        draw.rectangle((wx, wy, wx + 6, wy + 9), fill=(235, 205, 120))
            x += w + rng.randint(0, width // 60)
    ground = (rng.randint(40, 70), rng.randint(40, 60), rng.randint(30, 50))
    draw.rectangle((0, int(height * 0.9), width, height), fill=ground)
    image = image.filter(ImageFilter.GaussianBlur(0.8))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, optimize=True, progressive=True)
    return out.getvalue()
