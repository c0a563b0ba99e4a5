from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save


class PagecacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Page cache"

    def ready(self) -> None:
        from .models import bump_on_change

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(bump_on_change, dispatch_uid=f"pagecache-{signal!r}")
        self.content_apps = set(settings.PAGE_CACHE_CONTENT_APPS)
