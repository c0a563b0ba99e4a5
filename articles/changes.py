"""Which changes to stories, and to what they show, readers can see (pagecache.changes).

A row matters to readers when a published story shows it: a draft, a photo nobody published or
an author with only drafts can change without touching a single cached page.
"""

from django.contrib.contenttypes.models import ContentType
from taggit.models import Tag, TaggedItem

from media.models import Photo
from pagecache.changes import watch
from sections.models import Section

from .models import Article, Author, Correction

PUBLISHED = Article.Status.PUBLISHED


def article_keys(article: Article) -> set[str]:
    # Published takes in scheduled stories: their time decides when pages must change.
    if PUBLISHED not in {article.status, getattr(article, "stored_status", None)}:
        return set()
    return {f"article:{article.pk}", f"section:{article.section_id}"}


def correction_keys(correction: Correction) -> set[str]:
    return article_keys(correction.article)


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
    return {f"section:{section.pk}"} if shown.exists() else set()


def watch_content() -> None:
    watch(Article, article_keys)
    watch(Correction, correction_keys)
    watch(Author, author_keys)
    watch(Tag, tag_keys)
    watch(TaggedItem, tagged_item_keys)
    watch(Photo, photo_keys)
    watch(Section, section_keys)
