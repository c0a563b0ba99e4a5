"""Pagination that stays fast on the last page of a large listing ("deferred join").

The page's primary keys come from a narrow query (an offset over index entries), then the
page's rows are fetched whole by key. DeferredJoinPaginator also counts the listing, for
the admin's change list and the search page's "N stories found"; reader listings use
OpenEndedPaginator, which only links to newer and older pages and never counts: counting a
large section read every one of its rows.
"""

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import QuerySet

# Deeper than any archive goes; larger numbers would overflow the database's OFFSET.
MAX_PAGE_NUMBER = 1_000_000


def rows_by_key(queryset: QuerySet, ids: list) -> list:
    """The rows with these primary keys, whole and in the order given."""
    rows = queryset.in_bulk(ids)
    return [rows[pk] for pk in ids if pk in rows]


class DeferredJoinPaginator(Paginator):
    counted = True

    def page(self, number) -> Page:
        if not isinstance(self.object_list, QuerySet):
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        if top + self.orphans >= self.count:
            top = self.count
        ids = list(self.object_list.values_list("pk", flat=True)[bottom:top])
        return self._get_page(rows_by_key(self.object_list, ids), number, self)


class OpenEndedPage(Page):
    def __init__(self, object_list, number: int, paginator: Paginator, has_next: bool):
        super().__init__(object_list, number, paginator)
        self._has_next = has_next

    def has_next(self) -> bool:
        return self._has_next

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1


class OpenEndedPaginator(Paginator):
    counted = False

    def validate_number(self, number) -> int:
        try:
            number = int(number)
        except (TypeError, ValueError) as error:
            raise PageNotAnInteger("That page number is not a whole number.") from error
        if not 1 <= number <= MAX_PAGE_NUMBER:
            raise EmptyPage("There is no such page.")
        return number

    def page(self, number) -> OpenEndedPage:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        # One key more than the page shows says whether an older page exists.
        ids = list(
            self.object_list.values_list("pk", flat=True)[bottom : bottom + self.per_page + 1]
        )
        if not ids and number > 1:
            raise EmptyPage("That page contains no results.")
        rows = rows_by_key(self.object_list, ids[: self.per_page])
        return OpenEndedPage(rows, number, self, has_next=len(ids) > self.per_page)
