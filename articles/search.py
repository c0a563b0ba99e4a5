"""Reader search: PostgreSQL full-text search with a GIN index, or a ranked LIKE search elsewhere.

Headline matches outrank summary matches, which outrank body matches; then newest first. Snippets are
cut from the article's text in Python, so highlighting is the same on every database.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import (
    Case,
    F,
    Func,
    IntegerField,
    Q,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.utils.functional import cached_property
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from newsroom import languages

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
SNIPPET_CHARS = 220
# Arabic's definite article, written joined to its noun: "الكتاب" is "the book". PostgreSQL's
# Arabic stemmer reads "البرلمان" and "برلمان" as different words, so the article is taken off
# words of three letters or more, in the stored document and in the query alike.
ARABIC_ARTICLE = r'(^|[\s«"(\[])ال(?=[^\s]{2})'


def config(language: str | None = None) -> str:
    """The text-search configuration of a language (the active one by default): each article
    is indexed with its own language's, and an edition searches with its own."""
    return languages.language(language).search_config


# The whole article finds matches through the GIN index. Ranking reads only the small
# headline-and-summary document: ranking against the whole body would unpack every
# matching article's large document (measured: 236 ms for 5,000 matches, see bench/search.py).
def title_vector(config: str) -> SearchVector:
    return SearchVector(_text("headline", config), weight="A", config=config) + SearchVector(
        _text("summary", config), weight="B", config=config
    )


def search_vector(config: str) -> SearchVector:
    return title_vector(config) + SearchVector(
        _text("body_text", config), weight="C", config=config
    )


def _text(field: str, config: str):
    if config != "arabic":
        return field
    return Func(F(field), Value(ARABIC_ARTICLE), Value(r"\1"), Value("g"),
                function="regexp_replace", output_field=TextField())  # fmt: skip


def without_arabic_article(text: str) -> str:
    return re.sub(ARABIC_ARTICLE, r"\1", text)


def parsed_query(query: str, config: str) -> SearchQuery:
    if config == "arabic":
        query = without_arabic_article(query)
    return SearchQuery(query, search_type="websearch", config=config)


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
    """Store the weighted search document of these articles in their languages (PostgreSQL)."""
    if not uses_full_text():
        return
    for language in queryset.order_by().values_list("language", flat=True).distinct():
        used = config(language)
        queryset.filter(language=language).update(
            search_vector=search_vector(used), search_title_vector=title_vector(used)
        )


class FullTextResults:
    """PostgreSQL results in two runs, each bounded so that a word found in most articles costs
    about as much as a rare one (bench/search.py):

    1. the newest TITLE_CANDIDATES headline/summary matches, ranked by relevance;
    2. every other match, newest first, counted only up to BODY_COUNT_CAP.

    The runs are split by primary keys rather than by "body but not headline", which the
    planner cannot estimate and once answered by reading the whole table.
    """

    BODY_COUNT_CAP = 1000
    TITLE_CANDIDATES = 200

    def __init__(self, queryset: QuerySet, query: str):
        self.queryset = queryset
        self.parsed = parsed_query(query, config())

    @cached_property
    def title_ids(self) -> list[int]:
        return list(
            self.queryset.filter(search_title_vector=self.parsed)
            .order_by("-published_at", "-pk")
            .values_list("pk", flat=True)[: self.TITLE_CANDIDATES]
        )

    @property
    def title(self) -> QuerySet:
        return (
            self.queryset.filter(pk__in=self.title_ids)
            .annotate(rank=SearchRank(F("search_title_vector"), self.parsed))
            .order_by("-rank", "-published_at", "-pk")
        )

    @property
    def body(self) -> QuerySet:
        return (
            self.queryset.filter(search_vector=self.parsed)
            .exclude(pk__in=self.title_ids)
            .order_by("-published_at", "-pk")
        )

    def count(self) -> int:
        body = self.body.order_by().values("pk")[: self.BODY_COUNT_CAP].count()
        return len(self.title_ids) + body

    def __getitem__(self, window: slice) -> list:
        start, stop, titles = window.start or 0, window.stop, len(self.title_ids)
        found = list(self.title[start : min(stop, titles)]) if start < titles else []
        if stop > titles:
            found += list(self.body[max(start - titles, 0) : stop - titles])
        return found


def title_matches(queryset: QuerySet, query: str) -> QuerySet:
    """Articles whose headline or summary match (PostgreSQL), for the admin's search box: in
    any edition's language, each as it was indexed."""
    matches = Q()
    for edition in languages.editions():
        parsed = parsed_query(query, edition.search_config)
        matches |= Q(language=edition.code, search_title_vector=parsed)
    return queryset.filter(matches)


def search(queryset: QuerySet, query: str) -> "QuerySet | FullTextResults":
    """The articles matching the query, best first."""
    if uses_full_text():
        return FullTextResults(queryset, query)
    words = terms(query)
    if not words:
        return queryset.none()
    if get_language() == "ar":
        # Without PostgreSQL's stemming, the same rule: "الكتاب" finds "كتاب" and "الكتاب".
        words = [without_arabic_article(word) for word in words]
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
