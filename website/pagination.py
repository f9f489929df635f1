"""Pagination that never counts the whole list.

Django's ``Paginator`` counts every row of the list to number its pages; on a
large archive that count is most of a list page's cost, and it grows with the
archive. ``UncountedPaginator`` reads one row more than a page shows instead,
which is enough to know whether a next page exists.
"""

import math

from django.core.paginator import EmptyPage, Page, Paginator

# Databases hold a query's OFFSET in a signed 64-bit integer: a page that
# starts past it cannot exist, and asking for it fails in the database.
LARGEST_OFFSET = 2**63 - 1


class UncountedPage(Page):
    def __init__(self, object_list, number, paginator, *, has_next):
        super().__init__(object_list, number, paginator)
        self._has_next = has_next

    def has_next(self):
        return self._has_next


class UncountedPaginator(Paginator):
    """A ``Paginator`` without ``count`` or ``num_pages`` (both None).

    A page number below 1 or not an integer raises ``PageNotAnInteger`` or
    ``EmptyPage`` as usual; a page past the end raises ``EmptyPage`` once its
    rows come back empty (page 1 may be empty if ``allow_empty_first_page``),
    or before any query if no database could read that far.
    ``orphans`` is not supported.
    """

    count = None
    num_pages = None

    def __init__(self, object_list, per_page, orphans=0, allow_empty_first_page=True):
        if orphans:
            raise ValueError("UncountedPaginator does not support orphans.")
        super().__init__(object_list, per_page, 0, allow_empty_first_page)

    def validate_number(self, number):
        # Django's checks (an integer, at least 1); the only upper bound is
        # the database's.
        number = self._validate_number(number, math.inf)
        if number * self.per_page > LARGEST_OFFSET:
            raise EmptyPage(self.error_messages["no_results"])
        return number

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        if not rows and (number > 1 or not self.allow_empty_first_page):
            raise EmptyPage(self.error_messages["no_results"])
        return UncountedPage(
            rows[: self.per_page], number, self, has_next=len(rows) > self.per_page
        )


class FirstPagePaginator(UncountedPaginator):
    """Page 1 only, never counted: ``num_pages`` is 1 and any other page
    number raises ``EmptyPage``. For a list cut to its first ``per_page``
    items, such as a sitemap at the protocol's limit of 50,000 URLs."""

    num_pages = 1

    def validate_number(self, number):
        number = super().validate_number(number)
        if number > 1:
            raise EmptyPage(self.error_messages["no_results"])
        return number
