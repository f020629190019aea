"""A Footer that rebuilds its keys only when they change.

Textual's Footer recomposes (a dozen widgets mounted, styled and rendered: 10-30 ms) whenever
the screen's bindings may have changed, which includes every screen switch and focus change,
even when the keys shown are the same as before.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple[object, ...] | None = None

    def _signature(self, screen: Screen[object]) -> tuple[object, ...]:
        return tuple(
            (binding.key, binding.action, binding.description, enabled, tooltip)
            for (_, binding, enabled, tooltip) in screen.active_bindings.values()
            if binding.show
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            signature = self._signature(screen)
            if signature == self._shown:
                return  # the keys on show are still right
            self._shown = signature
        super().bindings_changed(screen)
