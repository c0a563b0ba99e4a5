"""The sections readers of an edition can reach: those with a published story in its language
in them or below them."""

from django.db.models import Exists, OuterRef
from django.http import HttpRequest
from django.utils.translation import get_language

from pagecache.memo import per_generation
from sections.models import Section, SectionTree

from .models import Article


def with_stories() -> list[int]:
    """Sections with a story of this edition filed directly under them (one index probe each)."""
    stories = Article.objects.edition().filter(section=OuterRef("pk"))
    return list(Section.objects.filter(Exists(stories)).values_list("pk", flat=True))


def sections(request: HttpRequest | None) -> SectionTree:
    """The public section tree, read once per content generation in each process.

    A story going live on schedule starts a new generation (pagecache), so a section appears
    with its first story.
    """
    key = f"public_sections:{get_language()}"
    return per_generation(request, key, lambda: SectionTree.load(with_stories()))


def navigation(request: HttpRequest) -> list[Section]:
    return sections(request).navigation()
