"""Sites read ahead, off the UI thread: the one under the queue's cursor, the next in the queue.

Reading a site is about ten queries (on PostgreSQL, ten round trips); done while the reviewer
looks at the queue or at the previous site, opening one only checks that nothing changed
meanwhile (`ReviewService.site_is_current`: two small queries) and otherwise reads it again.
A read ahead is never trusted blindly, so a decision is never made on a stale view because of it.
"""

from __future__ import annotations

from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor

from webaudit.review.rows import Role, SiteView
from webaudit.review.service import ReviewService

KEPT = 3  # reads ahead kept at once (the cursor moves on; older ones are dropped)
WAIT_SECONDS = 2.0  # a read already under way is awaited rather than started again


class SitePrefetcher:
    def __init__(self, service: ReviewService) -> None:
        self.service = service
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="webaudit-prefetch")
        self._reads: OrderedDict[tuple[str, Role], Future[SiteView]] = OrderedDict()
        self.hits = 0  # opened from a read ahead (for tests and the benchmark)

    def want(self, code: str, role: Role = "primary") -> None:
        """Start reading a site the reviewer may open next (no-op if already read/reading)."""
        key = (code, role)
        if key in self._reads:
            self._reads.move_to_end(key)
            return
        self._reads[key] = self._pool.submit(self.service.site, code, role)
        while len(self._reads) > KEPT:
            _, oldest = self._reads.popitem(last=False)
            oldest.cancel()  # if it has not started; a running read just finishes unused

    def take(self, code: str, role: Role = "primary") -> SiteView:
        """The site, from a read ahead that is still current, else read now."""
        read = self._reads.pop((code, role), None)
        if read is not None and not read.cancelled():
            try:
                view = read.result(timeout=WAIT_SECONDS)
            except Exception:  # a failed read ahead is no error: read it now, which says why
                view = None
            if view is not None and self.service.site_is_current(view):
                self.hits += 1
                return view
        return self.service.site(code, role)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._reads.clear()
