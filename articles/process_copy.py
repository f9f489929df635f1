"""Values a process keeps for a second instead of reading them per request.

The menu, the sitemap index's entries and the time of the next scheduled new
version are read by many requests and change rarely. A ``ProcessCopy`` keeps
what its ``read`` function returned for at most ``seconds``, and reads again
earlier when:

* this process changed the source: ``forget()``, connected to the models'
  signals, drops the copy at once;
* the copy is bounded by the schedule (``bound``, a function of the instant
  of reading that returns the next instant its value changes by itself, such
  as a scheduled article going live) and that instant has come;
* the request carries a page-cache generation newer than the copy
  (``request.page_cache_generation``, set by ``PageCacheMiddleware`` on a
  miss, is the time of the last publication or edit anywhere): a page stored
  under a generation never holds data read before it.

Otherwise another process's change is seen within ``seconds``.
"""

import math
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

_copies: list["ProcessCopy"] = []


class ProcessCopy:
    def __init__(
        self,
        read: Callable[[], Any],
        *,
        seconds: float = 1.0,
        bound: Callable[[datetime], datetime | None] | None = None,
    ):
        self.read = read
        self.seconds = seconds
        self.bound = bound
        self.forget()
        _copies.append(self)

    def get(self, request=None):
        # One tuple, replaced whole: a thread never sees half of a read.
        value, read_at_ns, valid_until, fresh_until = self.state
        generation = getattr(request, "page_cache_generation", 0)
        if (
            time.monotonic() < fresh_until
            and time.time() < valid_until
            and generation < read_at_ns
        ):
            return value
        read_at_ns = time.time_ns()
        valid_until = math.inf
        if self.bound is not None:
            # Asked before the value is read: a change between the two only
            # makes the copy expire early.
            change = self.bound(datetime.fromtimestamp(read_at_ns / 1e9, tz=UTC))
            valid_until = change.timestamp() if change else math.inf
        value = self.read()
        self.state = (value, read_at_ns, valid_until, time.monotonic() + self.seconds)
        return value

    def forget(self, **signal_kwargs):
        self.state = (None, 0, -math.inf, -math.inf)


def forget_all():
    """Drop every process copy (tests start from none)."""
    for copy in _copies:
        copy.forget()
