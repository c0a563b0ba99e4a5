"""What reader pages read: the queries of the article page and the front page, prepared.

Each is built from the models' own queryset methods (`live()` above all), compiled once per
process and run with this request's values (newsroom.prepared): an uncached article page reads
its story, bylines, tags, corrections and related stories in five short statements and spends
its time drawing the page, not compiling SQL.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    CharField,
    Count,
    DateTimeField,
    IntegerField,
    OuterRef,
    Subquery,
    UUIDField,
)
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from taggit.models import Tag

from edge.keys import shown
from media.models import Photo
from newsroom.prepared import Param, Prepared

from . import body
from .models import SEARCH_FIELDS, Article, Author, Correction, tagged_items

RELATED_COUNT = 4
# Related stories are ranked among this many of the newest stories sharing a tag: ranking the
# whole archive by shared tags took half a second per page at 100,000 articles.
RELATED_CANDIDATES = 50

NOW = Param("now", DateTimeField())
LANGUAGE = Param("language", CharField())


def key(name: str) -> Param:
    return Param(name, IntegerField())


STORY = Prepared(
    lambda: (
        Article.objects.live(at=NOW)
        .select_related("section", "lead_photo")
        .defer("body", *SEARCH_FIELDS)
        .filter(slug=Param("slug", CharField()))
    )
)
AUTHORS = Prepared(lambda: Author.objects.filter(articles=key("article")).order_by("name", "pk"))
TAGS = Prepared(
    lambda: Tag.objects.filter(
        taggit_taggeditem_items__content_type=ContentType.objects.get_for_model(Article),
        taggit_taggeditem_items__object_id=key("article"),
    ).order_by("name", "pk")
)
CORRECTIONS = Prepared(lambda: Correction.objects.filter(article=key("article")))
# The story in the other editions' languages, for the language switcher and hreflang.
TRANSLATIONS = Prepared(
    lambda: (
        Article.objects.live(at=NOW)
        .filter(translation_group=Param("group", UUIDField()))
        .exclude(pk=key("article"))
        .select_related("section")
        .only("headline", "slug", "language", "published_at", "section__path")
        .order_by("language")
    )
)
# What the body's blocks show, each kind in one query however many the story has.
BODY_PHOTOS = Prepared(lambda: Photo.objects.filter(inline_in__article=key("article")))
LINKED_STORIES = Prepared(
    lambda: (
        Article.objects.live(at=NOW)
        .filter(linked_from__article=key("article"))
        .select_related("section")
        .only("headline", "slug", "language", "published_at", "section__path")
    )
)


def _related_by_tags(tag_count: int):
    """The stories sharing most of the article's tags (the placeholders tag0, tag1...)."""
    tags = [key(f"tag{n}") for n in range(tag_count)]
    others = Article.objects.edition(LANGUAGE, at=NOW).exclude(pk=key("article")).for_listing()
    newest_tagged = others.tagged(*tags).values("pk")[:RELATED_CANDIDATES]
    shared_tags = (
        tagged_items(tags)
        .filter(object_id=OuterRef("pk"))
        .order_by()
        .values("object_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        others.filter(pk__in=newest_tagged)
        .annotate(shared_tags=Subquery(shared_tags))
        .order_by("-shared_tags", "-published_at", "-pk")[:RELATED_COUNT]
    )


def _latest_in_section(found: int):
    """The section's newest stories, besides the article and the `found` already chosen."""
    latest = (
        Article.objects.edition(LANGUAGE, at=NOW)
        .filter(section=key("section"))
        .exclude(pk=key("article"))
        .for_listing()
    )
    for n in range(found):
        latest = latest.exclude(pk=key(f"found{n}"))
    return latest[: RELATED_COUNT - found]


RELATED_BY_TAGS = Prepared(_related_by_tags)
LATEST_IN_SECTION = Prepared(_latest_in_section)


@dataclass
class Story:
    """An article as its page shows it: with bylines, tags, corrections and related stories."""

    article: Article
    authors: list[Author]
    tags: list[Tag]
    corrections: list[Correction]
    body: SafeString
    # Published in other languages, by language code.
    translations: list[Article]

    def translation_in(self, language: str) -> Article | None:
        return next((other for other in self.translations if other.language == language), None)

    @property
    def x_default(self) -> Article:
        return Article.x_default([self.article, *self.translations])

    @property
    def related(self) -> list[Article]:
        """Stories sharing the most tags with this one, newest first; then its section's latest."""
        article, now = self.article, timezone.now()
        related = []
        if self.tags:
            tags = {f"tag{n}": tag.pk for n, tag in enumerate(self.tags)}
            related = RELATED_BY_TAGS.run(
                len(tags), now=now, article=article.pk, language=article.language, **tags
            )
        if len(related) < RELATED_COUNT:
            # Filled with the section's newest: a story published there changes this list.
            shown(f"section:{article.section_id}")
            found = {f"found{n}": other.pk for n, other in enumerate(related)}
            related += LATEST_IN_SECTION.run(
                len(found),
                now=now,
                article=article.pk,
                section=article.section_id,
                language=article.language,
                **found,
            )
        return related


def live_story(slug: str, photos_as_text: bool = False) -> Story | None:
    """The live story with this slug, with what its page shows, or None."""
    article = next(iter(STORY.run(slug=slug, now=timezone.now())), None)
    if article is None:
        return None
    return story(article, photos_as_text)


def story(article: Article, photos_as_text: bool = False) -> Story:
    authors, tags = AUTHORS.run(article=article.pk), TAGS.run(article=article.pk)
    # Their names are on the page, and the tags choose its related stories.
    shown(*(f"author:{author.pk}" for author in authors), *(f"tag:{tag.pk}" for tag in tags))
    return Story(
        article,
        authors,
        tags,
        CORRECTIONS.run(article=article.pk),
        body_of(article, photos_as_text),
        TRANSLATIONS.run(article=article.pk, group=article.translation_group, now=timezone.now()),
    )


def body_of(article: Article, photos_as_text: bool = False) -> SafeString:
    """The body with its photos and link cards drawn as they are now (articles.body); photos
    told in words for the text edition."""
    html = article.body_html
    photos = stories = {}
    if body.has_photos(html):
        photos = {photo.pk: photo for photo in BODY_PHOTOS.run(article=article.pk)}
    if body.has_story_links(html):
        stories = {
            other.pk: other for other in LINKED_STORIES.run(article=article.pk, now=timezone.now())
        }
    return body.render(html, photos, stories, photos_as_text)


def _front_page(*subtrees: tuple[int, ...], each: int):
    """The newest `each` stories of the edition: of all, of Editor's Choice, and under each top
    section."""
    live = Article.objects.edition(LANGUAGE, at=NOW)
    return live.newest_of(
        live,
        live.filter(editors_choice=True),
        *(live.filter(section__in=ids) for ids in subtrees),
        each=each,
    )


FRONT_PAGE = Prepared(lambda subtrees, each: _front_page(*subtrees, each=each))


def front_page_candidates(subtrees: list[tuple[int, ...]], each: int) -> list[Article]:
    """Candidates for the front page, newest first; the sections' ids are part of the SQL (they
    change with the section tree, not with every request)."""
    return FRONT_PAGE.run(tuple(subtrees), each, now=timezone.now(), language=get_language())
