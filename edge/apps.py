from django.apps import AppConfig


class EdgeConfig(AppConfig):
    name = "edge"
    verbose_name = "Edge caching"

    def ready(self) -> None:
        from pagecache.changes import after_commit

        from . import purging

        # Every commit that changed what readers see purges exactly the keys it touched.
        after_commit(purging.purge_after_commit)
