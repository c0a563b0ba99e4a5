"""What every public page shows around its content: the site's settings and its sections.

Read once per content generation in each process (pagecache.memo): editing either is a
content change, so the next request everywhere reads them again.
"""

from django.http import HttpRequest

from pagecache.memo import per_generation
from sections.models import Section, SectionTree

from .models import SiteSettings


def site_settings(request: HttpRequest) -> SiteSettings:
    return per_generation(request, "site_settings", SiteSettings.load)


def sections(request: HttpRequest) -> SectionTree:
    return per_generation(request, "sections", SectionTree.load)


def navigation(request: HttpRequest) -> list[Section]:
    return sections(request).navigation()
