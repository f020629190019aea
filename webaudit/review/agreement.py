"""Agreement between the primary and the blind second review: per item, rate and Cohen's kappa.

Pure functions over pairs of decision values, so the numbers can be checked by hand.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

CATEGORIES = ("yes", "no", "not_applicable")


@dataclass(frozen=True)
class ItemAgreement:
    item_id: str
    pairs: int  # sites where both reviews decided the item
    agreed: int
    kappa: float | None  # None when undefined (no pairs, or chance agreement is total)

    @property
    def rate(self) -> float | None:
        return self.agreed / self.pairs if self.pairs else None


def cohens_kappa(pairs: Sequence[tuple[str, str]]) -> float | None:
    """Cohen's kappa for two raters over nominal categories: (p_o - p_e) / (1 - p_e).

    Undefined (None) without pairs or when both raters always used one and the same category
    (p_e = 1), where agreement says nothing beyond chance.
    """
    n = len(pairs)
    if n == 0:
        return None
    observed = sum(1 for a, b in pairs if a == b) / n
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    expected = sum(first[c] * second[c] for c in set(first) | set(second)) / (n * n)
    if expected >= 1.0:
        return None
    return (observed - expected) / (1.0 - expected)


def item_agreement(item_id: str, pairs: Iterable[tuple[str, str]]) -> ItemAgreement:
    decided = [(a, b) for a, b in pairs if a and b]
    return ItemAgreement(
        item_id,
        len(decided),
        sum(1 for a, b in decided if a == b),
        cohens_kappa(decided),
    )
