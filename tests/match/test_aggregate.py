"""Site level: pass only on a confident page, review when unsure, fail only after a complete crawl."""

from __future__ import annotations

from webaudit.match.aggregate import PageResult, aggregate_item
from webaudit.match.engine import Evidence, ItemMatch


def _page(number: int, result: str, score: float, near: list[Evidence] | None = None) -> PageResult:
    match = ItemMatch("fee_calculator", result, score if result != "fail" else 1 - score, score)  # type: ignore[arg-type]
    match.near_misses = near or []
    return PageResult(number, f"https://www.prov.se/sida-{number}/", match)


NEAR = Evidence(
    "link",
    "tool_link",
    "Avgiftskalkylator för förskola → /forskola/",
    "a",
    ("kalkylator",),
    0.88,
    "länk",
    ("förskola",),
)


def test_one_confident_page_passes_and_leads_the_evidence() -> None:
    flag = aggregate_item(
        "fee_calculator",
        [_page(1, "review", 0.6), _page(2, "pass", 0.92), _page(3, "fail", 0.0)],
        "ok",
    )
    assert (flag.result, flag.confidence) == ("pass", 0.92)
    assert [p.capture_id for p in flag.pages] == [2]


def test_uncertain_pages_make_a_review() -> None:
    flag = aggregate_item(
        "fee_calculator", [_page(1, "review", 0.55), _page(2, "review", 0.7)], "ok"
    )
    assert flag.result == "review" and [p.capture_id for p in flag.pages] == [2, 1]


def test_fail_only_after_a_complete_crawl_with_negative_evidence() -> None:
    pages = [_page(1, "fail", 0.0, [NEAR]), _page(2, "fail", 0.0)]
    flag = aggregate_item("fee_calculator", pages, "ok", review_threshold=0.45)
    assert flag.result == "fail" and flag.pages_searched == 2
    assert flag.near_misses == (("https://www.prov.se/sida-1/", NEAR),)
    assert "2 genomsökta sidor" in flag.reason


def test_an_incomplete_or_failed_crawl_is_never_absence() -> None:
    for status in ("partial", "failed"):
        assert aggregate_item("fee_calculator", [_page(1, "fail", 0.0)], status).result == "review"
    assert aggregate_item("fee_calculator", [], "ok").result == "review"
