"""Samples: the status a counted sample suggests, and the sentence that reports it.

An item that asks to sample (``ChecklistItem.sample``: ID cards, vehicles, doors, staff) lets
the inspector record how many were checked and how many failed. The rule, documented in
docs/architecture.md (*Samples*): no failure suggests ``compliant``; any failure on a critical
item (weight 3) suggests ``not_compliant``; any other failure ``partially_compliant``. Like a
geometry suggestion it is only a suggestion: the status the inspector records wins.
"""

from __future__ import annotations

from avsec.core.assessment import Response, Status
from avsec.core.checklist import SAMPLE_LABELS, ChecklistItem
from avsec.core.i18n import format_number, ntranslate, translate

#: How bad a suggested status is, to combine a sample's suggestion with the geometry's.
_SEVERITY = {
    Status.COMPLIANT: 0,
    Status.PARTIALLY_COMPLIANT: 1,
    Status.NOT_COMPLIANT: 2,
}


def sample_suggestion(item: ChecklistItem, response: Response | None) -> str | None:
    """The status the recorded sample suggests for ``item``, or None without a sample."""
    if response is None or response.sample_size is None or response.failures is None:
        return None
    if response.failures == 0:
        return Status.COMPLIANT.value
    if item.weight == 3:
        return Status.NOT_COMPLIANT.value
    return Status.PARTIALLY_COMPLIANT.value


def worse(first: str | None, second: str | None) -> str | None:
    """The worse of two suggested statuses (None when neither suggests anything).

    A geometry finding and a sample can both speak to one item: the item is only as good as
    the worse evidence.
    """
    if first is None or second is None:
        return first or second
    return first if _SEVERITY[Status(first)] >= _SEVERITY[Status(second)] else second


def failed_text(failures: int, sample_size: int, lang: str) -> str:
    """ "3 of 10 failed" in ``lang``, in the plural form the count of failures takes."""
    text = ntranslate("{failures} of {size} failed", "{failures} of {size} failed", failures, lang)
    return text.format(
        failures=format_number(failures, lang, 0), size=format_number(sample_size, lang, 0)
    )


def sample_line(item: ChecklistItem, response: Response | None, lang: str) -> str:
    """ "ID cards: 3 of 10 failed" for a recorded sample ('' when none is recorded)."""
    if response is None or response.sample_size is None or response.failures is None:
        return ""
    result = failed_text(response.failures, response.sample_size, lang)
    if item.sample is None:
        return result
    what = translate(SAMPLE_LABELS[item.sample], lang)
    return translate("{what}: {result}", lang).format(what=what, result=result)
