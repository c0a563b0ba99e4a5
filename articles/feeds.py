"""RSS 2.0 feeds (django.contrib.syndication): site-wide, per section and per tag."""

from datetime import UTC
from urllib.parse import urlsplit

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed, rfc3339_date
from django.utils.translation import gettext as _
from taggit.models import Tag

from edge.keys import LATEST, shown
from newsroom.addresses import address
from newsroom.text import strip_invisible
from sections.models import Section

from .models import Article
from .sections import sections
from .structured_data import absolute

FEED_LENGTH = 30


def printable(value):
    """Text, lists and dicts of them, without characters XML cannot carry."""
    if isinstance(value, str):
        return strip_invisible(value)
    if isinstance(value, dict):
        return {key: printable(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [printable(item) for item in value]
    return value


class MediaRssFeed(Rss201rev2Feed):
    """RSS 2.0 with Media RSS, so readers and aggregators show each story's lead photo."""

    def write(self, outfile, encoding) -> None:
        # A control character saved before the forms refused them would make Django's XML
        # writer fail the whole feed: such characters are dropped here instead.
        self.feed, self.items = printable(self.feed), printable(self.items)
        super().write(outfile, encoding)

    def rss_attributes(self) -> dict:
        return super().rss_attributes() | {"xmlns:media": "http://search.yahoo.com/mrss/"}

    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, item)
        # RSS 2.0 has no update time; readers that know Atom's take it from here.
        if item["updateddate"]:
            handler.addQuickElement("atom:updated", rfc3339_date(item["updateddate"]))
        if photo := item.get("photo"):
            handler.startElement("media:content", photo["attrs"])
            if photo["caption"]:
                handler.addQuickElement("media:description", photo["caption"])
            if photo["credit"]:
                handler.addQuickElement("media:credit", photo["credit"])
            handler.endElement("media:content")


class ArticleFeed(Feed):
    """The newest published articles. Links point at the site's main address."""

    feed_type = MediaRssFeed

    def __init__(self, base_url: str, site_name: str, path: str):
        super().__init__()
        self.base_url, self.site_name, self.path = base_url, site_name, path

    def feed_url(self, obj) -> str:
        return f"{self.base_url}{self.path}"

    def articles(self, obj) -> QuerySet:
        return Article.objects.edition()

    def list_keys(self, obj) -> list[str]:
        """What the feed is a list of, for the CDN (edge.keys): the newest stories."""
        return [LATEST]

    def items(self, obj) -> list[Article]:
        shown(*self.list_keys(obj))
        return list(
            self.articles(obj).for_listing().prefetch_related("authors", "tags")[:FEED_LENGTH]
        )

    def title(self, obj) -> str:
        return self.site_name

    def link(self, obj) -> str:
        return absolute(self.base_url, address("articles:home"))

    def description(self, obj) -> str:
        return _("The latest stories from %(site)s.") % {"site": self.site_name}

    def item_title(self, item: Article) -> str:
        return item.headline

    def item_description(self, item: Article) -> str:
        return item.summary

    def item_link(self, item: Article) -> str:
        return absolute(self.base_url, item.get_absolute_url())

    # Not the address: a story moved to another section, re-dated or given a new slug would
    # come back to every feed reader as a new item. A tag URI (RFC 4151) never changes.
    item_guid_is_permalink = False

    def item_guid(self, item: Article) -> str:
        host = urlsplit(self.base_url).hostname
        return f"tag:{host},{item.created_at.astimezone(UTC).date().isoformat()}:article:{item.pk}"

    def item_author_name(self, item: Article) -> str:
        return ", ".join(author.name for author in item.authors.all())

    def item_pubdate(self, item: Article):
        return item.published_at

    def item_updateddate(self, item: Article):
        return item.modified_at

    def item_categories(self, item: Article) -> list[str]:
        return [tag.name for tag in item.tags.all()]

    def item_extra_kwargs(self, item: Article) -> dict:
        photo = item.lead_photo
        if photo is None:
            return {}
        og = photo.share_image
        attrs = {
            "url": absolute(self.base_url, photo.image.storage.url(og.name)),
            "medium": "image",
            "type": "image/jpeg",
            "width": str(og.width),
            "height": str(og.height),
        }
        return {"photo": {"attrs": attrs, "caption": item.lead_caption, "credit": photo.credit}}


class SectionFeed(ArticleFeed):
    def get_object(self, request: HttpRequest, path: str) -> Section:
        self.sections = sections(request)
        if (section := self.sections.get(path)) is None:
            raise Http404("No such section.")
        return section

    def articles(self, obj: Section) -> QuerySet:
        return Article.objects.edition().in_section(obj, self.sections)

    def list_keys(self, obj: Section) -> list[str]:
        return [f"section:{section.pk}" for section in self.sections.subtree(obj)]

    def title(self, obj: Section) -> str:
        return f"{obj.name} | {self.site_name}"

    def link(self, obj: Section) -> str:
        return absolute(self.base_url, obj.get_absolute_url())

    def description(self, obj: Section) -> str:
        return obj.description or _("The latest %(section)s stories from %(site)s.") % {
            "section": obj.name,
            "site": self.site_name,
        }


class TagFeed(ArticleFeed):
    def get_object(self, request: HttpRequest, slug: str) -> Tag:
        tag = get_object_or_404(Tag, slug=slug)
        if not Article.objects.edition().tagged(tag.pk).exists():
            raise Http404("No published articles with this tag.")
        return tag

    def articles(self, obj: Tag) -> QuerySet:
        return Article.objects.edition().tagged(obj.pk)

    def list_keys(self, obj: Tag) -> list[str]:
        return [f"tag:{obj.pk}"]

    def title(self, obj: Tag) -> str:
        return f"{obj.name} | {self.site_name}"

    def link(self, obj: Tag) -> str:
        return absolute(self.base_url, reverse("articles:tag", args=[obj.slug]))

    def description(self, obj: Tag) -> str:
        return _("Stories tagged %(tag)s from %(site)s.") % {
            "tag": obj.name,
            "site": self.site_name,
        }


def serve(feed_class: type[ArticleFeed]):
    """A view that builds the feed for this request's canonical address."""

    def view(request: HttpRequest, **kwargs) -> HttpResponse:
        site = request.site_settings
        return feed_class(site.base_url(request), site.name, request.path)(request, **kwargs)

    return view
