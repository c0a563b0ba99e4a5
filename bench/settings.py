"""Production settings plus the bare view the page benchmark compares against (bench/pages.py)."""

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
