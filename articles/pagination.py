"""Pagination for listings of any length.

Reader listings (sections, tags, authors, corrections) page by position: "older than this
story" and "newer than that one" (a keyset). Every page then costs the same, however deep:
an offset makes the database step over every row before the page, and the last page of a
large section took over 100 ms. Such pages link only to newer and older ones.

The admin's change list and the search page number their pages and show a count, so they
keep Django's offset paging, made cheaper by a "deferred join": the page's primary keys come
from a narrow query, then the page's rows are fetched whole by key.
"""

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.core.paginator import Page, Paginator
from django.db.models import Model, QuerySet
from django.http import Http404, QueryDict

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Microseconds since 1970 (negative before it: archives go back further) and the key.
CURSOR = re.compile(r"(-?[0-9]{1,16})_([0-9]{1,19})")


class DeferredJoinPaginator(Paginator):
    def page(self, number) -> Page:
        if not isinstance(self.object_list, QuerySet):
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        if top + self.orphans >= self.count:
            top = self.count
        ids = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        rows = self.object_list.in_bulk(ids)
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)


def cursor(row: Model) -> str:
    """A row's place in a newest-first listing: its publish time (µs) and key."""
    return f"{(row.published_at - EPOCH) // timedelta(microseconds=1)}_{row.pk}"


def parse_cursor(value: str) -> tuple[datetime, int]:
    if not (match := CURSOR.fullmatch(value)):
        raise Http404("That page does not exist.")
    # Sixteen digits of microseconds reach no further than the years 1653 and 2286.
    return EPOCH + timedelta(microseconds=int(match[1])), int(match[2])


@dataclass
class KeysetPage:
    object_list: list
    older: str | None  # cursor for the next, older page
    newer: str | None  # cursor for the previous, newer page
    position: str = ""  # this page's own query string: "", "before=…" or "after=…"

    def has_other_pages(self) -> bool:
        return bool(self.older or self.newer)


def keyset_page(queryset: QuerySet, query: QueryDict, per_page: int) -> KeysetPage:
    """One page of a listing ordered newest first by (published_at, pk).

    ?before=<cursor> gives the stories older than that one, ?after=<cursor> the newer ones;
    neither gives the newest. A malformed cursor, or one past the oldest story, is a 404.
    """
    before, after = query.get("before"), query.get("after")
    if before and after:
        raise Http404("That page does not exist.")
    if after:
        moment, pk = parse_cursor(after)
        newer_first = (
            queryset.filter(published_at__gte=moment)
            .exclude(published_at=moment, pk__lte=pk)
            .order_by("published_at", "pk")
        )
        rows = list(newer_first[: per_page + 1])
        if len(rows) > per_page:
            rows = rows[:per_page][::-1]
            return KeysetPage(rows, cursor(rows[-1]), cursor(rows[0]), f"after={after}")
        # Back at the newest stories: the listing's own first page, full.
    listing = queryset.order_by("-published_at", "-pk")
    if before:
        moment, pk = parse_cursor(before)
        listing = listing.filter(published_at__lte=moment).exclude(published_at=moment, pk__gte=pk)
    rows = list(listing[: per_page + 1])
    if before and not rows:
        raise Http404("No older stories.")
    more_older = len(rows) > per_page
    rows = rows[:per_page]
    return KeysetPage(
        rows,
        cursor(rows[-1]) if more_older else None,
        cursor(rows[0]) if before else None,
        f"before={before}" if before else "",
    )
