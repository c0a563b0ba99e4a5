from django.apps import AppConfig


class SiteinfoConfig(AppConfig):
    name = "siteinfo"
    verbose_name = "Site settings"

    def ready(self) -> None:
        from pagecache.changes import CHROME, watch

        from .models import SiteLink, SiteSettings

        # The site's name, addresses and footer are on every page.
        watch(SiteSettings, lambda settings: {CHROME})
        watch(SiteLink, lambda link: {CHROME})
