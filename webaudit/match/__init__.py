"""Matchers: pre-flag each checklist item as pass / fail / review, with the evidence found."""

MATCHER_VERSION = "1.0.0"
