"""The inspector's judgement of a geometry finding: accepted, false positive or commented.

A rule can be wrong about the ground (a fence the layout does not show, a gate drawn a few
metres off). The inspector marks such a finding a false positive, with the reason; it then
leaves the suggested statuses and the report's open findings, and the report lists it apart.
Judgements are keyed by the finding's stable id (:attr:`avsec.core.findings.Finding.id`), so
they survive re-analysis.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator

from avsec.core.findings import Finding
from avsec.core.i18n import N_
from avsec.core.textlimits import FieldText, NotesText

Verdict = Literal["open", "accepted", "false_positive"]

#: Extras key prefix of a judgement: ``judgement:<finding id>``.
JUDGEMENT_PREFIX = "judgement:"

VERDICT_LABELS: dict[str, str] = {
    "open": N_("Open"),
    "accepted": N_("Accepted"),
    "false_positive": N_("False positive"),
}


class Judgement(BaseModel):
    """What the inspector decided about one finding."""

    model_config = ConfigDict(extra="forbid")

    verdict: Verdict = "open"
    #: Why the finding is a false positive (required for one).
    reason: FieldText = ""
    comment: NotesText = ""
    by: FieldText = ""
    at: dt.datetime | None = None

    @model_validator(mode="after")
    def _reason_for_false_positive(self) -> Judgement:
        if self.verdict == "false_positive" and not self.reason.strip():
            raise ValueError(N_("a false positive needs a reason"))
        return self

    def is_empty(self) -> bool:
        """True when there is nothing to keep (open, no comment)."""
        return self.verdict == "open" and not self.comment.strip()


def judgement_key(finding_id: str) -> str:
    """The extras key of a finding's judgement."""
    return JUDGEMENT_PREFIX + finding_id


def is_false_positive(finding: Finding, judgements: Mapping[str, Judgement]) -> bool:
    """Whether the inspector judged ``finding`` a false positive."""
    judgement = judgements.get(finding.id)
    return judgement is not None and judgement.verdict == "false_positive"


def open_findings(
    findings: Iterable[Finding], judgements: Mapping[str, Judgement]
) -> list[Finding]:
    """The findings that stand: every one not judged a false positive, in stored order."""
    return [f for f in findings if not is_false_positive(f, judgements)]


def false_positives(
    findings: Iterable[Finding], judgements: Mapping[str, Judgement]
) -> list[Finding]:
    """The findings judged false positives, in stored order."""
    return [f for f in findings if is_false_positive(f, judgements)]
