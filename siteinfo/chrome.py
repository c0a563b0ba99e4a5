"""What every public page shows around its content: the site's settings.

Read once per content generation in each process (pagecache.memo): editing them is a content
change, so the next request everywhere reads them again.
"""

from django.http import HttpRequest

from pagecache.memo import per_generation

from .models import SiteSettings


def site_settings(request: HttpRequest) -> SiteSettings:
    return per_generation(request, "site_settings", SiteSettings.load)
