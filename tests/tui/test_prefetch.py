"""Sites read ahead are used only while nothing changed; otherwise the site is read again."""

from __future__ import annotations

from tests.tui.conftest import make_app
from tests.tui.seed import Seeded
from tests.tui.test_pilot import SIZE
from webaudit.review.service import ReviewService
from webaudit.tui.prefetch import SitePrefetcher
from webaudit.tui.queue import QueueScreen
from webaudit.tui.site import SiteScreen
from webaudit.workspace import Workspace


def test_a_read_ahead_is_used_only_while_current(
    seeded_workspace: tuple[Workspace, Seeded],
) -> None:
    workspace, seeded = seeded_workspace
    anna = ReviewService(workspace, seeded.round_id, "anna")
    bertil = ReviewService(workspace, seeded.round_id, "bertil")
    prefetch = SitePrefetcher(anna)
    code = seeded.codes[0]
    try:
        prefetch.want(code)
        view = prefetch.take(code)
        assert prefetch.hits == 1 and view.code == code and view.decided == 0

        prefetch.want(code)
        prefetch._reads[(code, "primary")].result(timeout=30)  # read ahead, then...
        bertil.decide_row(code, bertil.site(code).rows[0], "yes")  # ...someone decides
        view = prefetch.take(code)
        assert prefetch.hits == 1  # not used: read again, with bertil's decision in it
        assert view.rows[0].value == "yes" and view.rows[0].revision == 1

        prefetch.want(code)
        prefetch._reads[(code, "primary")].result(timeout=30)
        bertil.claim(code)  # a claim taken meanwhile counts too
        assert prefetch.take(code).claimed_by == "bertil" and prefetch.hits == 1

        assert prefetch.take(seeded.codes[1]).code == seeded.codes[1]  # never asked: read now
    finally:
        prefetch.close()


async def test_opening_the_site_under_the_cursor_uses_the_read_ahead(
    seeded_workspace: tuple[Workspace, Seeded],
) -> None:
    workspace, seeded = seeded_workspace
    app, _ = make_app(workspace, seeded)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        queue = app.screen
        assert isinstance(queue, QueueScreen)
        await pilot.press("down")  # the cursor rests on a site: it is read ahead
        code = queue.shown[1].code
        read = app.prefetch._reads[(code, "primary")]
        read.result(timeout=30)
        await pilot.press("enter")
        await pilot.pause()
        site = app.screen
        assert isinstance(site, SiteScreen) and site.code == code
        assert app.prefetch.hits == 1
        nxt = queue.shown[2].code  # and the next one in the queue is read ahead for ]
        app.prefetch._reads[(nxt, "primary")].result(timeout=30)
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert site.code == nxt and app.prefetch.hits == 2
