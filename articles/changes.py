"""Which changes to stories, and to what they show, readers can see (pagecache.changes).

A row matters to readers when a published story shows it: a draft, a photo nobody published or
an author with only drafts can change without touching a single cached page.
"""

from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.db.models.signals import m2m_changed
from taggit.models import Tag, TaggedItem

from edge.keys import CORRECTIONS, LATEST, SITEMAPS
from media.models import Photo
from pagecache.changes import CHROME, changed, watch, watch_schedule
from sections.models import Section

from .models import Article, Author, Correction

PUBLISHED = Article.Status.PUBLISHED


# What decides which lists a story is on, and where: a change to any of these moves it in or
# out of section, tag and author pages, the home page, feeds and sitemaps.
LISTED_BY = ("section_id", "published_at", "expires_at", "editors_choice", "language")


def article_keys(article: Article) -> set[str]:
    """The story's own key (every page showing it: its page, cards, feeds, link cards) and, when
    it comes, goes or moves, the lists it is on (issue #20: an edit purges no list)."""
    # Published takes in scheduled stories: their time decides when pages must change.
    stored_status = getattr(article, "stored_status", None)
    if PUBLISHED not in {article.status, stored_status}:
        return set()
    keys = {f"article:{article.pk}", SITEMAPS}
    stored = getattr(article, "stored_listing", None)
    if (
        stored is None
        or article.status != stored_status
        or any(getattr(stored, name) != getattr(article, name) for name in LISTED_BY)
    ):
        keys |= listing_keys(article)
        if stored is not None:
            keys.add(f"section:{stored.section_id}")
    return keys


def listing_keys(article: Article) -> set[str]:
    """Every list the story is on: its section's, its tags', its authors', the newest."""
    tags = Tag.objects.filter(
        taggit_taggeditem_items__content_type=ContentType.objects.get_for_model(Article),
        taggit_taggeditem_items__object_id=article.pk,
    ).values_list("pk", flat=True)
    authors = Author.objects.filter(articles=article.pk).values_list("pk", flat=True)
    return (
        {f"article:{article.pk}", f"section:{article.section_id}", LATEST, SITEMAPS}
        | {f"tag:{pk}" for pk in tags}
        | {f"author:{pk}" for pk in authors}
    )


def keys_due(since: datetime, until: datetime) -> set[str]:
    """The lists of stories that went live or expired by themselves between the two times."""
    due = Article.objects.filter(status=PUBLISHED).filter(
        Q(published_at__gt=since, published_at__lte=until)
        | Q(expires_at__gt=since, expires_at__lte=until)
    )
    return {key for article in due.only("pk", "section_id") for key in listing_keys(article)}


def correction_keys(correction: Correction) -> set[str]:
    # Shown under the story (wherever its page is) and on the corrections page; the story's
    # place in lists does not change.
    if correction.article.status != PUBLISHED:
        return set()
    return {f"article:{correction.article_id}", CORRECTIONS, SITEMAPS}


def author_keys(author: Author) -> set[str]:
    shown = Article.objects.filter(status=PUBLISHED, authors=author).exists()
    return {f"author:{author.pk}"} if shown else set()


def tag_keys(tag: Tag) -> set[str]:
    shown = Article.objects.filter(status=PUBLISHED).tagged(tag.pk).exists()
    return {f"tag:{tag.pk}"} if shown else set()


def tagged_item_keys(item: TaggedItem) -> set[str]:
    if item.content_type_id != ContentType.objects.get_for_model(Article).pk:
        return set()
    article = Article.objects.filter(pk=item.object_id).first()
    keys = article_keys(article) if article else set()
    return keys | {f"tag:{item.tag_id}"} if keys else set()


def photo_keys(photo: Photo) -> set[str]:
    # As a lead photo, or inside a story's body (articles.body keeps those uses).
    shown = Article.objects.filter(status=PUBLISHED).showing_photo(photo).exists()
    return {f"photo:{photo.pk}"} if shown else set()


def section_keys(section: Section) -> set[str]:
    shown = Article.objects.filter(status=PUBLISHED, section__path__startswith=section.path)
    if not shown.exists():
        return set()
    # Its name and address are on its page, its stories' cards and breadcrumbs, its
    # subsections' too (their addresses start with its path), and in the menu.
    subtree = Section.objects.filter(path__startswith=section.path).values_list("pk", flat=True)
    keys = {f"section:{section.pk}"} | {f"section-name:{pk}" for pk in subtree}
    return keys | {CHROME} if section.parent_id is None else keys


def authors_changed(sender, instance, action, pk_set, using, **kwargs) -> None:
    """Bylines added or removed move a story in or out of author pages: those lists change,
    even when nothing else about the story does."""
    if not isinstance(instance, Article) or instance.status != PUBLISHED:
        return
    if action == "pre_clear":
        instance._cleared_authors = set(instance.authors.values_list("pk", flat=True))
    elif action in {"post_add", "post_remove", "post_clear"}:
        pks = pk_set if action != "post_clear" else getattr(instance, "_cleared_authors", set())
        changed({f"author:{pk}" for pk in pks or ()}, using)


def watch_content() -> None:
    watch(Article, article_keys)
    watch(Correction, correction_keys)
    watch(Author, author_keys)
    watch(Tag, tag_keys)
    watch(TaggedItem, tagged_item_keys)
    watch(Photo, photo_keys)
    watch(Section, section_keys)
    watch_schedule(keys_due)
    m2m_changed.connect(
        authors_changed, sender=Article.authors.through, dispatch_uid="articles-authors-lists"
    )
