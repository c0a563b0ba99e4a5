"""A feed of a live story's entries, newest first, linked from its page."""

from django.contrib.syndication.views import Feed
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from articles.feeds import MediaRssFeed
from articles.models import Article
from articles.structured_data import absolute
from newsroom.html import html_to_text

from .models import Entry
from .reading import published_entries
from .views import coverage_or_404

FEED_LENGTH = 30


class EntryFeed(Feed):
    feed_type = MediaRssFeed

    def __init__(self, base_url: str, path: str):
        super().__init__()
        self.base_url, self.path = base_url, path

    def get_object(self, request: HttpRequest, pk: int) -> Article:
        coverage_or_404(request, pk)
        return Article.objects.select_related("section").get(live_coverage__pk=pk)

    def feed_url(self, obj: Article) -> str:
        return f"{self.base_url}{self.path}"

    def title(self, obj: Article) -> str:
        return _("Live: %(headline)s") % {"headline": obj.headline}

    def link(self, obj: Article) -> str:
        return absolute(self.base_url, obj.get_absolute_url())

    def description(self, obj: Article) -> str:
        return obj.summary

    def items(self, obj: Article) -> list[Entry]:
        self.article_url = self.link(obj)
        entries = published_entries(obj.live_coverage.pk).prefetch_related("authors")
        return list(entries.order_by("-published_at", "-pk")[:FEED_LENGTH])

    def item_title(self, item: Entry) -> str:
        return item.title or html_to_text(item.body_html)[:100]

    def item_description(self, item: Entry) -> str:
        return item.body_html

    def item_link(self, item: Entry) -> str:
        return f"{self.article_url}#entry-{item.pk}"

    def item_guid(self, item: Entry) -> str:
        return absolute(self.base_url, item.get_absolute_url())

    def item_author_name(self, item: Entry) -> str:
        return ", ".join(author.name for author in item.authors.all())

    def item_pubdate(self, item: Entry):
        return item.published_at

    def item_updateddate(self, item: Entry):
        return item.updated_at


def entry_feed(request: HttpRequest, pk: int) -> HttpResponse:
    site = request.site_settings
    return EntryFeed(site.base_url(request), request.path)(request, pk=pk)
