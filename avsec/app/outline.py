"""Regenerating the improvement outline: one behaviour for the desktop app and ``avsec outline``.

What regeneration does, wherever it is asked for:

- every generated action whose gap is still there is rebuilt from the gap (title, priority,
  horizon, items, findings) in ``lang``, except the fields the user edited, which keep the
  user's values, and its first due date, which stays put while the horizon does;
- a generated action whose gap closed is dropped, unless the user edited it;
- actions the user added are kept as they are;
- when the result equals the stored outline, nothing is written: no journal line, no undo step.

The generated titles are written in ``lang``: the caller's language (the GUI's, or the
``--lang`` of the verb), the assessment's working language when none is given.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from avsec.core.actions import Action
from avsec.core.commands import Batch, replace_outline
from avsec.core.document import AssessmentDocument
from avsec.core.i18n import N_, translate
from avsec.core.outline import generate_outline


@dataclass(frozen=True)
class OutlineUpdate:
    """The regenerated outline and the command storing it (None: nothing changed)."""

    actions: list[Action]
    command: Batch | None


def regenerate_outline(
    doc: AssessmentDocument, lang: str | None = None, today: dt.date | None = None
) -> OutlineUpdate:
    """Regenerate the outline of ``doc`` (see the module docstring for the rules).

    Parameters
    ----------
    doc
        The assessment as it stands.
    lang
        Language of generated titles; the assessment's language by default.
    today
        Date new due dates count from (today by default).
    """
    # The path analysis (numpy, pyproj, shapely) loads when an outline is regenerated, not
    # when the editor is imported to open a file.
    from avsec.geo.paths import path_upgrades

    lang = lang or doc.assessment.language
    airport = doc.assessment.airport
    paths = path_upgrades(
        doc.features,
        doc.assessment.parameters,
        (airport.lon, airport.lat),
        lambda message: translate(message, lang),
    )
    actions = generate_outline(
        doc.checklist,
        doc.responses,
        doc.open_findings(),  # a false positive asks for no action
        doc.actions,
        lang=lang,
        today=today,
        paths=paths,
    )
    if [a.model_dump() for a in actions] == [a.model_dump() for a in doc.actions]:
        return OutlineUpdate(actions, None)
    command = replace_outline(doc, actions, N_("Regenerate the improvement outline"))
    return OutlineUpdate(actions, command)
