"""Reviewing: the queue, per-site state and decisions. No UI here; the TUI calls this."""
