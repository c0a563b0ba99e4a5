"""The shapes the read API answers with and the parameters it takes: the OpenAPI schema is
generated from these (django-ninja, pydantic)."""

from datetime import datetime
from typing import Annotated, Literal

from django.conf import settings
from ninja import Field, Schema

from articles.pagination import CURSOR

# Slugs in any script (غزة, café); no control characters, so nothing odd reaches the database.
Slug = Annotated[str, Field(min_length=1, max_length=200, pattern=r"^[-\w]+$")]
Cursor = Annotated[
    str, Field(pattern=f"^{CURSOR.pattern}$", description="`next` of the page before")
]
Language = Literal[tuple(code for code, _ in settings.LANGUAGES)]
Limit = Annotated[int, Field(ge=1, le=settings.API_MAX_LIMIT, description="Items per page")]
Text = Annotated[str, Field(max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$")]


class Paging(Schema):
    cursor: Cursor | None = None
    limit: Limit = settings.ARTICLES_PER_PAGE


class ArticleFilters(Paging):
    section: Annotated[str, Field(max_length=300, pattern=r"^[-\w]+(/[-\w]+)*$")] | None = Field(
        None, description="A section's path (news/palestine): the section and its subsections"
    )
    tag: Slug | None = Field(None, description="A tag's slug")
    author: Slug | None = Field(None, description="An author's slug")
    language: Language | None = Field(None, description="Only stories in this language")
    updated_since: datetime | None = Field(
        None, description="Only stories modified at or after this time (ISO 8601)"
    )


class IdPaging(Schema):
    cursor: Annotated[str, Field(pattern=r"^[0-9]{1,18}$")] | None = Field(
        None, description="`next` of the page before"
    )
    limit: Limit = settings.ARTICLES_PER_PAGE


class EditionFilter(Schema):
    language: Language = settings.LANGUAGE_CODE


class CorrectionFilters(Paging):
    language: Language | None = Field(None, description="Only on stories in this language")


class SearchFilters(Schema):
    q: Text = Field(..., min_length=1, description="Words to find")
    language: Language = settings.LANGUAGE_CODE
    page: Annotated[int, Field(ge=1, le=10_000)] = 1


class PathQuery(Schema):
    path: Annotated[str, Field(min_length=1, max_length=1000, pattern=r"^/[^\x00-\x1f\x7f]*$")] = (
        Field(..., description="A story's address on the site, e.g. /news/2026/11/30/slug/")
    )


class RenditionOut(Schema):
    role: str
    format: str
    url: str
    width: int
    height: int


class PhotoOut(Schema):
    caption: str
    credit: str
    alt: str
    width: int
    height: int
    renditions: list[RenditionOut]


class SectionOut(Schema):
    id: int
    name: str
    path: str
    url: str


class SectionNode(SectionOut):
    children: list["SectionNode"]


class AuthorOut(Schema):
    id: int
    name: str
    slug: str
    bio: str
    url: str


class TagOut(Schema):
    id: int
    name: str
    slug: str
    url: str


class CorrectionOut(Schema):
    id: int
    kind: str
    text: str
    published_at: datetime
    article_id: int
    article_url: str


class ArticleOut(Schema):
    id: int
    headline: str
    summary: str
    language: str
    url: str = Field(description="The canonical address")
    path: str
    section: SectionOut
    section_path: list[str] = Field(description="Section names from the top down")
    authors: list[AuthorOut]
    tags: list[TagOut]
    published_at: datetime
    modified_at: datetime
    editors_choice: bool
    lead_photo: PhotoOut | None


class CursorPaging(Schema):
    cursor: Cursor | None = None


class LiveEntryOut(Schema):
    id: int
    url: str = Field(description="The entry's permalink: the story's page, at the entry")
    title: str
    body_html: str = Field(description="Sanitized HTML, as the live page shows it")
    body_text: str
    pinned: Literal["key_event", "summary"] | None = Field(
        description="Pinned above the stream as a key event or the summary; null if not"
    )
    published_at: datetime
    updated_at: datetime
    correction: str = Field(description="What was wrong and what is right now; empty if none")
    authors: list[AuthorOut]


class LiveStream(Schema):
    article_id: int
    article_url: str
    running: bool
    started_at: datetime
    ended_at: datetime | None
    pinned: list[LiveEntryOut] = Field(description="Pinned entries: on the first page only")
    items: list[LiveEntryOut] = Field(description="Entries, newest first, a page at a time")
    next: str | None = Field(description="Cursor of the next, older page; null on the last")


class Translation(Schema):
    id: int
    language: str
    url: str


class ArticleDetail(ArticleOut):
    body_html: str = Field(description="Sanitized HTML, as the article page shows it")
    body_text: str
    corrections: list[CorrectionOut]
    translations: list[Translation]


class SearchHit(ArticleOut):
    snippet: str


class ArticlePage(Schema):
    items: list[ArticleOut]
    next: str | None = Field(description="Cursor of the next, older page; null on the last")


class AuthorPage(Schema):
    items: list[AuthorOut]
    next: str | None


class TagPage(Schema):
    items: list[TagOut]
    next: str | None


class CorrectionPage(Schema):
    items: list[CorrectionOut]
    next: str | None


class SearchPage(Schema):
    items: list[SearchHit]
    count: int
    page: int
    pages: int


class Error(Schema):
    detail: str | list
