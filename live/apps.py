from django.apps import AppConfig


class LiveConfig(AppConfig):
    name = "live"
    verbose_name = "Live coverage"

    def ready(self) -> None:
        from articles.rendering import extra_globals
        from articles.views import page_extras

        from . import changes, pages, reading

        changes.watch_live()
        page_extras.append(pages.extend_article_page)
        extra_globals["live_state"] = reading.live_state
