"""Two reviewers' apps on one database deciding the same item: nothing lost, nothing overwritten."""

from __future__ import annotations

import pytest

from tests.tui.conftest import make_app
from tests.tui.seed import Seeded
from tests.tui.test_pilot import SIZE, open_site
from webaudit.store.decisions import current_decisions, decision_history
from webaudit.tui.site import SiteScreen
from webaudit.workspace import Workspace


@pytest.mark.postgres
async def test_two_apps_decide_the_same_item(seeded_any: tuple[Workspace, Seeded]) -> None:
    workspace, seeded = seeded_any
    code = seeded.codes[0]
    anna_app, _ = make_app(workspace, seeded, "anna")
    bertil_app, _ = make_app(workspace, seeded, "bertil")
    async with anna_app.run_test(size=SIZE) as anna, bertil_app.run_test(size=SIZE) as bertil:
        anna_site = await open_site(anna, anna_app, code)
        bertil_site = await open_site(bertil, bertil_app, code)
        item = anna_site.view.rows[0].item.id
        assert bertil_site.view.claimed_by == "anna"  # the claim is visible to the other reviewer
        assert "anna arbetar redan" in str(bertil_site.query_one("#status").render())
        # Both look at item 0 (the first undecided); anna saves first.
        await anna.press("y")
        await anna.pause()
        await bertil.press("n")
        await bertil.pause()
        status = str(bertil_site.query_one("#status").render())
        assert "Inte sparat" in status and "anna" in status
        assert bertil_site.view.rows[0].value == "yes"  # the fresh state is shown
        assert isinstance(bertil_app.screen, SiteScreen) and bertil_site.index == 0
        await bertil.press("n")  # deciding again, on the fresh state, is allowed
        await bertil.pause()
    with workspace.store.session() as session:
        history = decision_history(session, seeded.round_id, code, item)
        current = current_decisions(session, seeded.round_id, code)[(code, item)]
    assert [(d.reviewer, d.value, d.revision) for d in history] == [
        ("anna", "yes", 1),
        ("bertil", "no", 2),
    ]
    assert current.reviewer == "bertil" and current.previous_id == history[0].id


@pytest.mark.postgres
def test_racing_writers_exactly_one_wins(seeded_any: tuple[Workspace, Seeded]) -> None:
    """Eight reviewers press at the same instant on the same stale view: one write lands."""
    import threading

    from webaudit.errors import StaleWriteError
    from webaudit.review.service import ReviewService

    workspace, seeded = seeded_any
    code = seeded.codes[1]
    services = [ReviewService(workspace, seeded.round_id, f"r{n}") for n in range(8)]
    rows = [service.site(code).rows[5] for service in services]
    barrier = threading.Barrier(len(services))
    outcomes: list[str] = []

    def decide(n: int) -> None:
        barrier.wait()
        try:
            services[n].decide_row(code, rows[n], "yes" if n % 2 else "no")
            outcomes.append("saved")
        except StaleWriteError:
            outcomes.append("stale")

    threads = [threading.Thread(target=decide, args=(n,)) for n in range(len(services))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(outcomes) == ["saved"] + ["stale"] * 7
    with workspace.store.session() as session:
        history = decision_history(session, seeded.round_id, code, rows[0].item.id)
    assert len(history) == 1 and history[0].revision == 1
