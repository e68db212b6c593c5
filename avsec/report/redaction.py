"""The redacted edition of the report, for circulation wider than the full report's.

What an attacker could use to plan an intrusion stays out: coordinates, the zone map, photos,
access-point and other feature names, the inspectors' notes, the visit narrative and the
answer key's rationales. What a reader needs to see the state of compliance stays in: the
scores, the findings by rule, severity, measure and zone, the gaps with the checklist's own
questions and recommendations, and the improvement outline. The edition carries the marking
the user chooses (a lower one than the full report's, typically), on every page.

Redaction works on the document before the report is built, so whatever the report's layout
becomes, the left-out text is simply not there to print.
"""

from __future__ import annotations

from dataclasses import dataclass

from avsec.core.document import AssessmentDocument
from avsec.core.errors import InputError
from avsec.core.i18n import N_
from avsec.io.translations import keyed

#: The longest marking accepted (it is printed in the header of every page).
MAX_MARKING = 120

MESSAGES: dict[str, str] = dict(
    [
        keyed(
            "redacted_notice",
            "Redacted edition: coordinates, the map, photos, the names of access points and "
            "other features, and the inspectors' notes are left out.",
        ),
        keyed("map_redacted", "The map is left out of the redacted edition."),
    ]
)


@dataclass(frozen=True)
class Redaction:
    """Options of a redacted report.

    Parameters
    ----------
    marking
        The handling marking printed on every page instead of the file's own; None keeps the
        file's marking.
    """

    marking: str | None = None

    def __post_init__(self) -> None:
        if self.marking is None:
            return
        text = " ".join(self.marking.split())
        if not text:
            raise InputError(N_("--marking: the handling marking cannot be empty"))
        if len(text) > MAX_MARKING:
            raise InputError(
                N_("--marking: longer than {MAX_MARKING} characters"), MAX_MARKING=MAX_MARKING
            )
        object.__setattr__(self, "marking", text)

    def apply(self, doc: AssessmentDocument) -> AssessmentDocument:
        """A copy of ``doc`` with what the redacted edition leaves out removed."""
        assessment = doc.assessment
        if self.marking is not None:
            languages = {*assessment.handling_marking, "en", assessment.language}
            assessment = assessment.model_copy(
                update={"handling_marking": dict.fromkeys(languages, self.marking)}
            )
        responses = {
            item_id: response.model_copy(update={"notes": "", "photos": []})
            for item_id, response in doc.responses.items()
        }
        # Finding messages name the features (gates, roads, fences) they concern; the report
        # then falls back to the rule and the zone. Geometry goes; the location and feature
        # ids stay because the finding's id (its number in the outline) is made from them,
        # and neither is printed.
        findings = [f.model_copy(update={"message": {}, "geometry": {}}) for f in doc.findings]
        # The inspector's reasons and comments are free text like notes: they go too; the
        # verdicts stay (a false positive is still left out of the open findings).
        judgements = {
            k: j.model_copy(update={"reason": "—" if j.reason else "", "comment": ""})
            for k, j in doc.judgements.items()
        }
        return doc.model_copy(
            update={
                "assessment": assessment,
                "responses": responses,
                "features": [],
                "findings": findings,
                "judgements": judgements,
                "attachments": [],
                "observations": [],
                "rationales": {},
            }
        )


def redaction_text(key: str, lang: str) -> str:
    """One of this module's messages in ``lang`` (English when the catalogue lacks it)."""
    from avsec.io.translations import catalogue

    english = MESSAGES[key]
    translated = catalogue(lang).pgettext(key, english)
    return translated or english
