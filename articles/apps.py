from django.apps import AppConfig


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self) -> None:
        from . import tags
        from .changes import watch_content

        watch_content()
        tags.connect()
