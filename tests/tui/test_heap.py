"""Full garbage collections wait for a pause in typing, and the collector is put back after."""

from __future__ import annotations

import gc

import pytest

from webaudit.tui import heap
from webaudit.tui.heap import QuietCollector


def test_collects_in_a_pause_and_restores_on_stop(monkeypatch: pytest.MonkeyPatch) -> None:
    before = gc.get_threshold()
    now = [1000.0]
    monkeypatch.setattr(heap.time, "monotonic", lambda: now[0])
    collections: list[int] = []
    monkeypatch.setattr(heap.gc, "collect", lambda *a: collections.append(1) or 0)
    collector = QuietCollector()
    collector.start()
    try:
        assert gc.get_threshold()[2] == heap.FULL_PASS_EVERY  # automatic full passes are rare
        collector.key_pressed()
        now[0] += heap.IDLE_SECONDS / 2
        collector.tick()
        assert collections == []  # still typing
        now[0] += heap.IDLE_SECONDS
        collector.tick()
        assert collections == [1]  # a pause: collected
        now[0] += 10 * heap.IDLE_SECONDS
        collector.tick()
        assert collections == [1]  # no keys since: nothing new to collect
        assert gc.get_freeze_count() > 0
    finally:
        collector.stop()
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
