"""Swedish words for the values the review shows (code stays English)."""

from __future__ import annotations

AUTO = {"pass": "uppfylld", "fail": "saknas", "review": "granska"}
AUTO_STYLE = {"pass": "green", "fail": "red", "review": "yellow"}
AUTO_MARK = {"pass": "✓", "fail": "✗", "review": "?"}
DECISION = {"yes": "Ja", "no": "Nej", "not_applicable": "Ej tillämplig"}
DECISION_STYLE = {"yes": "bold green", "no": "bold red", "not_applicable": "bold cyan"}
CRAWL = {
    "ok": "klar",
    "partial": "delvis",
    "failed": "misslyckad",
    "running": "pågår",
    "not_crawled": "ej genomsökt",
}
CHANGE = {"changed": "ändrad", "new": "ny sida", "gone": "borta", "same": "oförändrad"}
CHANGE_STYLE = {"changed": "bold magenta", "new": "magenta", "gone": "bold magenta", "same": "dim"}
SORT = {
    "uncertainty": "osäkerhet",
    "name": "namn",
    "size_group": "storleksgrupp",
    "progress": "framsteg",
}
ROLE = {"primary": "granskning", "second": "blind andragranskning"}


def decision(value: str | None) -> str:
    return DECISION.get(value or "", "–")
