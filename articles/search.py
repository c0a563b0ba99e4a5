"""Reader search: PostgreSQL full-text search with a GIN index, or a ranked LIKE search elsewhere.

Headline matches outrank summary matches, which outrank body matches. Snippets are
cut from the article's text in Python, so highlighting is the same on every database.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
SNIPPET_CHARS = 220
CONFIG = "english"

# Weights: A for the headline, B for the summary, C for the body.
SEARCH_VECTOR = (
    SearchVector("headline", weight="A", config=CONFIG)
    + SearchVector("summary", weight="B", config=CONFIG)
    + SearchVector("body_text", weight="C", config=CONFIG)
)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_WORD = re.compile(r"\w+", re.UNICODE)


def uses_full_text() -> bool:
    return connection.vendor == "postgresql"


def clean_query(raw: str) -> str:
    """A query safe to run: bounded length, no control characters (PostgreSQL refuses NUL)."""
    return " ".join(_CONTROL.sub(" ", raw or "")[:MAX_QUERY_LENGTH].split())


def terms(query: str) -> list[str]:
    words = [word for word in _WORD.findall(query.lower()) if len(word) > 1 or word.isdigit()]
    return list(dict.fromkeys(words))[:MAX_TERMS]


def update_vectors(queryset: QuerySet) -> None:
    """Store the weighted search document of these articles (PostgreSQL only)."""
    if uses_full_text():
        queryset.update(search_vector=SEARCH_VECTOR)


def search(queryset: QuerySet, query: str) -> QuerySet:
    """The articles matching the query, best first."""
    if uses_full_text():
        parsed = SearchQuery(query, search_type="websearch", config=CONFIG)
        return (
            queryset.filter(search_vector=parsed)
            .annotate(rank=SearchRank(F("search_vector"), parsed))
            .order_by("-rank", "-published_at")
        )
    words = terms(query)
    if not words:
        return queryset.none()
    for word in words:
        queryset = queryset.filter(
            Q(headline__icontains=word) | Q(summary__icontains=word) | Q(body_text__icontains=word)
        )
    first = words[0]
    return queryset.annotate(
        rank=Case(
            When(headline__icontains=first, then=Value(3)),
            When(summary__icontains=first, then=Value(2)),
            default=Value(1),
            output_field=IntegerField(),
        )
    ).order_by("-rank", "-published_at")


def snippet(text: str, query: str) -> SafeString:
    """A window of the text around the first word that starts with a search term, in <mark>."""
    words = terms(query)
    text = " ".join(strip_tags(text).split())
    # Whole words and their endings (port, ports), not the middle of others (reporters).
    pattern = (
        re.compile(r"(?<!\w)(?:" + "|".join(re.escape(word) for word in words) + ")", re.IGNORECASE)
        if words
        else None
    )
    match = pattern.search(text) if pattern else None
    start = max((match.start() if match else 0) - SNIPPET_CHARS // 3, 0)
    window = text[start : start + SNIPPET_CHARS]
    if start > 0:
        window = "…" + window.split(" ", 1)[-1]
    if start + SNIPPET_CHARS < len(text):
        window = window.rsplit(" ", 1)[0] + "…"
    if pattern is None:
        return escape(window)
    parts, last = [], 0
    for found in pattern.finditer(window):
        parts += [escape(window[last : found.start()]), f"<mark>{escape(found.group(0))}</mark>"]
        last = found.end()
    parts.append(escape(window[last:]))
    return mark_safe("".join(parts))
