"""Production settings plus the bare view the page benchmark compares against (bench/pages.py)."""

from newsroom.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
# The bare view is the framework's limit: our page cache stays out of its way.
PAGE_CACHE_SKIP_PATHS = [*PAGE_CACHE_SKIP_PATHS, "/bench/"]  # noqa: F405
