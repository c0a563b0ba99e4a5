from django.apps import AppConfig


class PagecacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = "Page cache"

    def ready(self) -> None:
        from . import changes, generation

        changes.connect()
        changes.after_commit(generation.publish_current)
