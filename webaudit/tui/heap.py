"""Garbage collection out of the reviewer's way.

Python's full garbage collection walks every live object; in the review app (SQLAlchemy,
Textual, render caches) that is 50-300 ms, and it falls on whichever keystroke allocates at
the wrong moment. While the app runs, full passes are made rare, and made instead when the
reviewer has stopped typing for a moment (reading evidence, thinking); what survives such a
pass is then frozen (left out of later passes), so the passes that still happen are short.
Frozen objects are still freed when nothing refers to them; only cyclic garbage among them is
kept, which for widgets and screens that live as long as the app costs nothing.
"""

from __future__ import annotations

import gc
import time

IDLE_SECONDS = 1.5  # no key for this long: a good moment for a full collection
FULL_PASS_EVERY = 100  # young collections per automatic full one (Python's default: 10)


class QuietCollector:
    def __init__(self) -> None:
        self._saved: tuple[int, int, int] | None = None
        self._last_key = time.monotonic()
        self._pending = True  # a collection is due once the app has settled

    def start(self) -> None:
        if self._saved is None:
            self._saved = gc.get_threshold()
            young, middle, _ = self._saved
            gc.set_threshold(young, middle, FULL_PASS_EVERY)
            gc.freeze()

    def stop(self) -> None:
        """Put the collector back as it was (the app is done; tests run many apps)."""
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            gc.unfreeze()
            self._saved = None

    def keep(self) -> None:
        """Everything alive now lives as long as the app (a screen just built): freeze it."""
        if self._saved is not None:
            gc.freeze()

    def key_pressed(self) -> None:
        self._last_key = time.monotonic()
        self._pending = True

    def tick(self) -> None:
        """Call every second or so: collects if keys came and then a pause."""
        if self._pending and time.monotonic() - self._last_key >= IDLE_SECONDS:
            self._pending = False
            gc.collect()
            gc.freeze()
