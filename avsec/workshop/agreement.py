"""How well the teams of a workshop answered and agreed: accuracy against the key, Fleiss'
agreement per item and Fleiss' kappa over the room (definitions in :mod:`avsec.workshop.compare`,
whose ``workshop compare --json`` shape uses them).

Pure functions of status values: no file is read here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from avsec.core.assessment import Status
from avsec.io.translations import keyed

#: The five categories of Fleiss' kappa, in the fixed status order.
CATEGORIES: tuple[str, ...] = tuple(s.value for s in Status)


def accuracy(
    key: Mapping[str, str], answers: Mapping[str, str], items: Iterable[str] | None = None
) -> float | None:
    """Share of the key's assessed items that ``answers`` got right.

    Parameters
    ----------
    key
        Key status by item id (missing items are ``not_assessed``).
    answers
        The team's status by item id (missing items are ``not_assessed``).
    items
        The items to count (every key item by default).

    Returns
    -------
    float or None
        Matches / items the key assessed; None when the key assessed none of ``items``.
    """
    wanted = list(key) if items is None else list(items)
    assessed = [i for i in wanted if key.get(i, Status.NOT_ASSESSED) != Status.NOT_ASSESSED]
    if not assessed:
        return None
    right = sum(1 for i in assessed if answers.get(i, Status.NOT_ASSESSED) == key[i])
    return right / len(assessed)


def item_agreement(statuses: Sequence[str]) -> float | None:
    """Fleiss' P_i: the share of rater pairs that agree on one item.

    Returns None with fewer than two raters.
    """
    n = len(statuses)
    if n < 2:
        return None
    counts = Counter(statuses)
    return (sum(c * c for c in counts.values()) - n) / (n * (n - 1))


def fleiss_kappa(
    ratings: Sequence[Sequence[str]], categories: Sequence[str] = CATEGORIES
) -> float | None:
    """Fleiss' kappa for a fixed number of raters.

    Parameters
    ----------
    ratings
        One sequence per subject (checklist item) with one category per rater (team); every
        subject must have the same number of raters.
    categories
        The category labels (the five status values by default).

    Returns
    -------
    float or None
        kappa = (P̄ - P̄e) / (1 - P̄e); None with fewer than two raters, no subjects, or when
        P̄e = 1 (every rating in a single category: chance agreement is total and kappa is
        undefined).
    """
    if not ratings:
        return None
    raters = len(ratings[0])
    if raters < 2:
        return None
    if any(len(row) != raters for row in ratings):
        raise ValueError("every item needs one rating per team")
    index = {c: i for i, c in enumerate(categories)}
    totals = [0] * len(categories)
    agreement_sum = 0.0
    for row in ratings:
        counts = [0] * len(categories)
        for rating in row:
            counts[index[rating]] += 1
        for j, c in enumerate(counts):
            totals[j] += c
        agreement_sum += (sum(c * c for c in counts) - raters) / (raters * (raters - 1))
    subjects = len(ratings)
    p_bar = agreement_sum / subjects
    p_e = sum((t / (subjects * raters)) ** 2 for t in totals)
    if p_e >= 1.0:
        return None
    return (p_bar - p_e) / (1.0 - p_e)


def kappa_band(kappa: float | None) -> str:
    """Landis and Koch's verbal band for a kappa value ("" when None)."""
    if kappa is None:
        return ""
    for upper, band in (
        (0.0, "poor"),
        (0.2, "slight"),
        (0.4, "fair"),
        (0.6, "moderate"),
        (0.8, "substantial"),
    ):
        if kappa <= upper:
            return band
    return "almost_perfect"


#: Landis and Koch's bands as the debrief and the trainer view write them, keyed
#: ``band_`` + :func:`kappa_band`.
BAND_LABELS: dict[str, str] = dict(
    [
        keyed("band_poor", "poor"),
        keyed("band_slight", "slight"),
        keyed("band_fair", "fair"),
        keyed("band_moderate", "moderate"),
        keyed("band_substantial", "substantial"),
        keyed("band_almost_perfect", "almost perfect"),
    ]
)
