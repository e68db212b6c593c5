"""The improvement outline: actions generated from gaps, keeping the user's edits."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from avsec.core.actions import Action, Horizon
from avsec.core.assessment import Response, Status
from avsec.core.checklist import RESPONSIBLE_LABELS, Checklist, ChecklistItem
from avsec.core.findings import Finding
from avsec.core.i18n import LangText, pick
from avsec.core.path_actions import PathUpgrade, action_for_path
from avsec.core.scoring import Gap, gaps

#: Days from the outline date to the due date of each horizon (docs/architecture.md, *Statuses*: short <= 3 months,
#: medium <= 12 months).
HORIZON_DAYS: dict[str, int] = {"immediate": 14, "short": 90, "medium": 365, "long": 730}


def horizon_for(priority: float) -> Horizon:
    """Map a gap priority to a horizon: critical gaps now, minor ones later."""
    if priority >= 3.0:
        return "immediate"
    if priority >= 1.5:
        return "short"
    if priority >= 0.75:
        return "medium"
    return "long"


#: The interim measure every immediate action carries until the fix is in place, by the area
#: of its item ("" for items outside the five bundled areas).
INTERIM_MEASURES: dict[str, LangText] = {
    "": {
        "en": "Interim measure until this is done: post a guard, patrol the place at irregular "
        "intervals or close the access point.",
        "es": "Medida provisional hasta completarlo: apostar un guardia, patrullar el lugar a "
        "intervalos irregulares o cerrar el punto de acceso.",
    },
    "perimeter": {
        "en": "Interim measure until this is done: guard the weak stretch or patrol it at "
        "irregular intervals, day and night.",
        "es": "Medida provisional hasta completarlo: vigilar el tramo débil o patrullarlo a "
        "intervalos irregulares, de día y de noche.",
    },
    "sra_zoning": {
        "en": "Interim measure until this is done: post a guard at each uncontrolled way into "
        "the area, or close it.",
        "es": "Medida provisional hasta completarlo: apostar un guardia en cada paso no "
        "controlado hacia la zona, o cerrarlo.",
    },
    "access_points": {
        "en": "Interim measure until this is done: staff the access point at all times or close "
        "and lock it.",
        "es": "Medida provisional hasta completarlo: mantener personal en el punto de acceso en "
        "todo momento, o cerrarlo con llave.",
    },
    "id_systems": {
        "en": "Interim measure until this is done: block the cards concerned and have the "
        "checkpoints check each card against the holder and the list of valid cards.",
        "es": "Medida provisional hasta completarlo: bloquear las tarjetas afectadas y hacer que "
        "los puntos de control verifiquen cada tarjeta con su titular y con la lista de "
        "tarjetas válidas.",
    },
    "vehicle_security": {
        "en": "Interim measure until this is done: staff the vehicle gate and examine every "
        "vehicle, or close the gate.",
        "es": "Medida provisional hasta completarlo: mantener personal en el portón vehicular y "
        "revisar cada vehículo, o cerrar el portón.",
    },
}
#: Kept for callers that want the general wording.
INTERIM_MEASURE: LangText = INTERIM_MEASURES[""]


def horizon_for_gap(gap: Gap) -> Horizon:
    """Return the horizon of a gap: the priority's, brought to ``immediate`` for critical gaps.

    A critical item (weight 3) that is not compliant, or partially compliant with a critical
    geometry finding linked to it, cannot wait for the next budget: it is ``immediate``
    whatever its priority says.
    """
    if gap.item.weight == 3 and (
        gap.status == Status.NOT_COMPLIANT
        or (
            gap.status == Status.PARTIALLY_COMPLIANT
            and any(f.severity == "critical" for f in gap.findings)
        )
    ):
        return "immediate"
    return horizon_for(gap.priority)


def _description(item: ChecklistItem, horizon: str, lang: str, area: str = "") -> str:
    recommendation = pick(item.recommendation, lang) or pick(item.question, lang)
    if horizon != "immediate":
        return recommendation
    interim = INTERIM_MEASURES.get(area, INTERIM_MEASURES[""])
    return f"{recommendation} {pick(interim, lang)}"


def _area_id(checklist: Checklist, item_id: str) -> str:
    try:
        return checklist.area_of(item_id).id
    except KeyError:
        return ""


def default_owner(item: ChecklistItem, lang: str) -> str:
    """The owner a generated action starts with: who the item says must act."""
    return pick(RESPONSIBLE_LABELS.get(item.responsible), lang)


def _title(text: str) -> str:
    first = text.strip().split(". ")[0].strip().rstrip(".")
    return first if len(first) <= 140 else first[:137].rstrip() + "…"


def action_for_gap(gap: Gap, lang: str, today: dt.date, area: str = "") -> Action:
    """Build the generated action answering one gap (``area``: its item's area id)."""
    recommendation = pick(gap.item.recommendation, lang) or pick(gap.item.question, lang)
    horizon = horizon_for_gap(gap)
    return Action(
        id=f"a-{gap.item.id}",
        title=_title(recommendation),
        description=_description(gap.item, horizon, lang, area),
        horizon=horizon,
        priority=gap.priority,
        owner=default_owner(gap.item, lang),
        due=today + dt.timedelta(days=HORIZON_DAYS[horizon]),
        items=[gap.item.id],
        findings=[f.id for f in gap.findings],
        origin="generated",
        source_key=gap.item.id,
    )


def generate_outline(
    checklist: Checklist,
    responses: Mapping[str, Response],
    findings: Iterable[Finding] = (),
    existing: Iterable[Action] = (),
    lang: str = "en",
    today: dt.date | None = None,
    paths: Iterable[PathUpgrade] = (),
) -> list[Action]:
    """Generate the improvement outline from the gaps, keeping what the user edited.

    Parameters
    ----------
    checklist, responses, findings
        What the gaps are computed from.
    existing
        The current outline. Actions the user added are kept as they are. A generated action
        whose gap is still there is refreshed, except the fields named in its ``edited`` list.
        A generated action whose gap went away is dropped unless the user edited it.
    lang
        Language of generated titles.
    today
        Date the due dates count from (today by default).

    Returns
    -------
    list of Action
        Sorted by horizon, then priority (highest first).
    """
    today = today or dt.date.today()
    previous = {a.source_key: a for a in existing if a.origin == "generated" and a.source_key}
    user_actions = [a for a in existing if a.origin == "user"]
    outline: list[Action] = []
    seen: set[str] = set()
    fresh_actions = [
        action_for_gap(gap, lang, today, _area_id(checklist, gap.item.id))
        for gap in gaps(checklist, responses, findings)
    ]
    fresh_actions += [action_for_path(upgrade, today) for upgrade in paths]  # avsec.geo.paths
    for fresh in fresh_actions:
        old = previous.get(fresh.source_key)
        if old is not None:
            kept = {name: getattr(old, name) for name in old.edited}
            if "due" not in kept and old.horizon == fresh.horizon and old.due is not None:
                # A due date set when the gap was first found stays put: regenerating the
                # outline next week must not push every deadline a week further.
                kept["due"] = old.due
            fresh = fresh.model_copy(update={"id": old.id, "edited": list(old.edited), **kept})
        outline.append(fresh)
        seen.add(fresh.source_key)
    for key, old in previous.items():
        if key not in seen and old.edited:
            outline.append(old)
    outline.extend(user_actions)
    order = {"immediate": 0, "short": 1, "medium": 2, "long": 3}
    outline.sort(key=lambda a: (order[a.horizon], -a.priority))
    return outline


def edit_action(action: Action, **changes: object) -> Action:
    """Return ``action`` with ``changes`` applied and remembered as user edits."""
    edited = list(action.edited)
    for name in changes:
        if name not in edited:
            edited.append(name)
    return action.model_copy(update={**changes, "edited": edited})


def localise_action(action: Action, checklist: Checklist, lang: str) -> Action:
    """Return ``action`` with its generated title and description in ``lang``.

    Generated actions take their words from the item's recommendation in the language the
    outline was generated in; a report in another language rewrites the ones the user has not
    edited. User actions and edited fields are the user's words and stay as written.
    """
    if action.origin != "generated" or not action.source_key:
        return action
    try:
        item = checklist.item(action.source_key)
    except KeyError:
        return action
    recommendation = pick(item.recommendation, lang) or pick(item.question, lang)
    update: dict[str, str] = {}
    if "title" not in action.edited:
        update["title"] = _title(recommendation)
    if "description" not in action.edited:
        area = _area_id(checklist, item.id)
        update["description"] = _description(item, action.horizon, lang, area)
    defaults = RESPONSIBLE_LABELS.get(item.responsible, {}).values()
    if "owner" not in action.edited and (not action.owner or action.owner in defaults):
        update["owner"] = default_owner(item, lang)
    return action.model_copy(update=update) if update else action
