"""Compare team files with the answer key and with each other.

Definitions (the ``workshop compare --json`` shape is fixed: docs/architecture.md, *Command line*):

- **accuracy** of a team = items whose team status equals the key's / items the key assessed
  (key status other than ``not_assessed``). An item the team left blank counts as
  ``not_assessed`` and so as a miss. Per area the same ratio over that area's items; None when
  the key assessed nothing there.
- **agreement** of an item = the share of pairs of teams that gave the same status
  (Fleiss' P_i). It measures how much the room agreed, whatever the key says; None with fewer
  than two teams.
- **fleiss_kappa** = Fleiss' kappa over every checklist item, the teams as raters and the five
  status values as categories. None with fewer than two teams, or when every team gave one
  and the same status to every item (kappa is then undefined).

Team files come back on USB sticks, so each one is checked before it counts: a file that is
not an .avsec file, is damaged, was written by a newer avsec, is not a team file, belongs to
another exercise, or whose checklist snapshot differs from the key's is *refused by name* with
a reason, and the other files still compare. So is a file whose answers differ from its own
changes journal (:mod:`avsec.workshop.journal`): they were edited outside avsec. Files are
copied to a temporary folder before they are opened, so comparing never writes to a team's
stick (not even a migration backup).
"""

from __future__ import annotations

import hashlib
import hmac
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from avsec.core.actions import Action
from avsec.core.assessment import Assessment, Response, Status
from avsec.core.checklist import Checklist
from avsec.core.errors import (
    AvsecError,
    ForeignFileError,
    NewerVersionError,
    NotAnAvsecFile,
    Phrase,
)
from avsec.core.i18n import N_, LangText, in_languages, pick
from avsec.core.notices import Joined, Notice
from avsec.workshop.agreement import (
    CATEGORIES,
    accuracy,
    fleiss_kappa,
    item_agreement,
    kappa_band,
)
from avsec.workshop.team_files import Loaded, load, without_name

# The statistics live in agreement.py; the callers of this module import them from here too.
__all__ = [
    "CATEGORIES",
    "Comparison",
    "ConsolidatedAction",
    "EXERCISE_TAG",
    "ItemResult",
    "Refused",
    "TeamResult",
    "accuracy",
    "compare_answers",
    "compare_files",
    "consolidate_outlines",
    "exercise_id_for",
    "exercise_tag_for",
    "fleiss_kappa",
    "item_agreement",
    "kappa_band",
]

#: Key modes that can serve as the reference (a plain assessment may be promoted to a key).
KEY_MODES = ("answer_key", "assessment")


def exercise_id_for(key: Assessment) -> str:
    """Return the exercise id that exercises packed from ``key`` carry.

    The key's own ``exercise_id`` when set, otherwise a digest of the key's id, so that the
    exercise file does not carry the key's id itself and packing twice from one key gives
    compatible exercises.
    """
    if key.exercise_id:
        return key.exercise_id
    return hashlib.sha256(f"avsec-exercise:{key.id}".encode()).hexdigest()[:32]


#: Extra of exercise and team files holding the exercise tag (see :func:`exercise_tag_for`).
EXERCISE_TAG = "exercise_tag"


def exercise_tag_for(
    key: Assessment, exercise_id: str, snapshot_sha: str, item_ids: Iterable[str]
) -> str:
    """The public tag binding an exercise (and its team files) to the key it was packed from.

    An HMAC-SHA256 over the exercise id, the checklist snapshot's sha256 and the item set,
    keyed with a secret derived from the key's own id, which only the key file holds (an
    exercise never carries it). A team file whose exercise id was rewritten to another
    exercise's no longer matches its tag, and a tag cannot be made without the key. What it
    cannot tell: a file whose id *and* tag were both copied from this exercise's own file
    (the tag is public), nor who edited the answers (see the README "Security" section).
    """
    secret = hashlib.sha256(f"avsec-exercise-secret:{key.id}".encode()).digest()
    message = "\0".join(
        ("avsec-exercise-tag-1", exercise_id, snapshot_sha, ",".join(sorted(item_ids)))
    )
    return hmac.new(secret, message.encode(), hashlib.sha256).hexdigest()


# --- the result ----------------------------------------------------------------------------


@dataclass
class TeamResult:
    """One team's answers and scores."""

    name: str
    path: Path
    answers: dict[str, str]
    accuracy: float | None
    areas: dict[str, float | None]
    actions: list[Action] = field(default_factory=list)


@dataclass
class ItemResult:
    """One checklist item across the key and the teams."""

    id: str
    area: str
    key: str
    answers: dict[str, str]
    agreement: float | None
    #: Share of teams that matched the key (None when the key did not assess the item).
    correct: float | None
    weight: int = 2

    def to_json(self) -> dict[str, Any]:
        """The item shape of ``workshop compare --json``."""
        return {
            "id": self.id,
            "key": self.key,
            "answers": dict(self.answers),
            "agreement": self.agreement,
        }


@dataclass
class Refused:
    """A team file that was not compared, and why.

    ``reason`` is the full English text (the command line prints it); ``texts`` says it in
    each language for the app and the debrief (:meth:`reason_in`).
    """

    path: Path
    reason: str
    texts: LangText = field(default_factory=dict)

    def reason_in(self, lang: str) -> str:
        """The reason in ``lang`` (the English text when there is no translation)."""
        if isinstance(self.reason, Notice):  # a detailed reason (the items edited outside)
            return self.reason.in_language(lang)
        return pick(self.texts, lang) or self.reason

    def in_language(self, lang: str) -> str:
        """``FILE: reason`` in ``lang``."""
        return f"{self.path.name}: {self.reason_in(lang)}"

    def __str__(self) -> str:
        return f"{self.path.name}: {self.reason}"


@dataclass
class Comparison:
    """The key against every accepted team file."""

    key_path: Path
    key: Assessment
    checklist: Checklist
    teams: list[TeamResult]
    items: list[ItemResult]
    fleiss_kappa: float | None
    refused: list[Refused] = field(default_factory=list)
    #: The key's one-line rationale per item, {lang: text}.
    rationales: dict[str, LangText] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The fixed ``workshop compare --json`` shape."""
        return {
            "teams": [
                {"name": t.name, "accuracy": t.accuracy, "areas": dict(t.areas)} for t in self.teams
            ],
            "items": [item.to_json() for item in self.items],
            "fleiss_kappa": self.fleiss_kappa,
        }

    def rationale(self, item_id: str, lang: str) -> str:
        """The key's rationale for an item in ``lang`` ("" when none)."""
        return pick(self.rationales.get(item_id), lang)

    def disputed(self, limit: int | None = 10) -> list[ItemResult]:
        """Items the room argued about most: lowest agreement first, then fewest teams right.

        Items every team answered like the key are left out.
        """
        candidates = [
            i
            for i in self.items
            if (i.agreement is not None and i.agreement < 1.0)
            or (i.correct is not None and i.correct < 1.0)
        ]
        candidates.sort(
            key=lambda i: (
                1.0 if i.agreement is None else i.agreement,
                1.0 if i.correct is None else i.correct,
                -i.weight,
            )
        )
        return candidates if limit is None else candidates[:limit]

    def consolidated_outline(self, lang: str = "en") -> list[ConsolidatedAction]:
        """Merge the teams' improvement outlines: actions most teams proposed come first."""
        return consolidate_outlines(self.checklist, {t.name: t.actions for t in self.teams}, lang)


@dataclass
class ConsolidatedAction:
    """One action proposed by one or more teams."""

    title: str
    teams: list[str]
    items: list[str]
    horizon: str
    priority: float
    #: The longer text of the action (the item's recommendation for a generated one).
    description: str = ""


def _action_key(action: Action) -> str:
    if action.origin == "generated" and action.source_key:
        return "item:" + action.source_key
    if action.items:
        return "items:" + ",".join(sorted(action.items))
    return "title:" + " ".join(action.title.casefold().split())


def consolidate_outlines(
    checklist: Checklist, outlines: Mapping[str, Sequence[Action]], lang: str = "en"
) -> list[ConsolidatedAction]:
    """Group the teams' actions that answer the same gap and rank them.

    Actions generated from the same item (or hand-written for the same items, or with the same
    title) are one proposal. Ranking: number of teams proposing it, then mean priority. A
    generated action is shown in ``lang`` whatever language its team worked in (through
    :func:`avsec.core.outline.localise_action`); a title a team wrote stays as written.
    """
    from avsec.core.outline import localise_action

    groups: dict[str, list[tuple[str, Action]]] = {}
    for team, actions in outlines.items():
        for action in actions:
            if action.status == "cancelled":
                continue
            shown = localise_action(action, checklist, lang)
            groups.setdefault(_action_key(action), []).append((team, shown))
    order = {"immediate": 0, "short": 1, "medium": 2, "long": 3}
    out: list[ConsolidatedAction] = []
    for members in groups.values():
        teams = list(dict.fromkeys(team for team, _ in members))
        actions = [a for _, a in members]
        items = list(dict.fromkeys(i for a in actions for i in a.items))
        # The title most teams used (the first team's on a tie), with its description.
        title = Counter(a.title for a in actions).most_common(1)[0][0]
        descriptions = [a.description.strip() for a in actions if a.title == title]
        description = Counter(d for d in descriptions if d).most_common(1)
        horizon = min(
            Counter(a.horizon for a in actions).most_common(), key=lambda hc: (-hc[1], order[hc[0]])
        )[0]
        priority = sum(a.priority for a in actions) / len(actions)
        out.append(
            ConsolidatedAction(
                title,
                teams,
                items,
                horizon,
                round(priority, 3),
                description[0][0] if description else "",
            )
        )
    out.sort(key=lambda a: (-len(a.teams), order[a.horizon], -a.priority, a.title))
    return out


def compare_answers(
    checklist: Checklist,
    key: Mapping[str, str],
    teams: Mapping[str, Mapping[str, str]],
) -> tuple[list[dict[str, Any]], list[ItemResult], float | None]:
    """Score team answers against a key (pure function behind :func:`compare_files`).

    Parameters
    ----------
    checklist
        Gives the items, their areas and their order.
    key
        Key status by item id.
    teams
        Team name -> status by item id.

    Returns
    -------
    team_scores, items, kappa
        ``team_scores`` as ``{"name", "accuracy", "areas"}`` mappings in the order given.
    """
    item_ids = checklist.item_ids()
    key_full = {i: str(key.get(i, Status.NOT_ASSESSED)) for i in item_ids}
    answers = {
        name: {i: str(given.get(i, Status.NOT_ASSESSED)) for i in item_ids}
        for name, given in teams.items()
    }
    scores = []
    for name, given in answers.items():
        areas = {
            area.id: accuracy(key_full, given, [i.id for i in area.items])
            for area in checklist.areas
        }
        scores.append(
            {"name": name, "accuracy": accuracy(key_full, given, item_ids), "areas": areas}
        )
    items = []
    for area in checklist.areas:
        for item in area.items:
            given = {name: answers[name][item.id] for name in answers}
            key_status = key_full[item.id]
            correct = None
            if key_status != Status.NOT_ASSESSED and given:
                correct = sum(1 for s in given.values() if s == key_status) / len(given)
            items.append(
                ItemResult(
                    id=item.id,
                    area=area.id,
                    key=key_status,
                    answers=given,
                    agreement=item_agreement(list(given.values())),
                    correct=correct,
                    weight=item.weight,
                )
            )
    ratings = [[answers[name][i] for name in answers] for i in item_ids]
    kappa = fleiss_kappa(ratings) if len(answers) >= 2 else None
    return scores, items, kappa


# --- checking team files ---------------------------------------------------------------------


def _team_problem(team: Loaded, key: Loaded, expected_exercise: str) -> Refused | None:
    """Why ``team`` cannot be compared with ``key`` (path filled in by the caller), or None."""
    a = team.assessment
    if a.mode != "team":
        return _refused(
            N_("not a team file (mode {mode}); make team files with 'avsec workshop teams'"),
            mode=a.mode,
        )
    if not a.team_name.strip():
        return _refused(N_("the file records no team name"))
    if a.exercise_id != expected_exercise:
        return _refused(
            N_("from another exercise (exercise {exercise}, the key's is {expected})"),
            exercise=a.exercise_id[:8] or "none",
            expected=expected_exercise[:8],
        )
    if team.snapshot_sha != key.snapshot_sha:
        return _refused(
            N_(
                "its checklist differs from the key's ({checklist} v{version}, sha256 {sha} "
                "instead of {expected}): tampered or from another checklist"
            ),
            checklist=team.checklist.id,
            version=team.checklist.version,
            sha=team.snapshot_sha[:12],
            expected=key.snapshot_sha[:12],
        )
    tag = team.extras.get(EXERCISE_TAG)
    if not tag:
        return _refused(
            N_(
                "it carries no exercise tag (made by an older avsec, or the tag was removed); "
                "pack the exercise again and make new team files"
            )
        )
    expected_tag = exercise_tag_for(
        key.assessment, a.exercise_id, team.snapshot_sha, team.checklist.item_ids()
    )
    if not hmac.compare_digest(str(tag), expected_tag):
        return _refused(
            N_(
                "its exercise tag does not match the key: the exercise id was forged, or the "
                "file comes from another exercise"
            )
        )
    if team.journal_mismatch is not None:
        refused = _refused(
            N_(
                "its answers were changed outside avsec (they differ from the file's changes "
                "journal)"
            )
        )
        refused.reason = team.journal_mismatch  # the command line names the items
        return refused
    return None


def _refused(message: str, **fields: object) -> Refused:
    """A refusal in every language; the path is set where the file is known."""
    texts = in_languages(message, **fields)
    return Refused(Path(), texts["en"], texts)


def _load_refusal(path: Path, error: AvsecError) -> Refused:
    """A file that could not be read: the store's English detail, a translated summary."""
    detail = without_name(str(error), path)
    if isinstance(error, NewerVersionError):
        message = N_("written by a newer avsec; update avsec to compare it")
    elif isinstance(error, NotAnAvsecFile):
        message = N_("not an .avsec file, or a damaged one")
    else:
        message = N_("cannot be read as a team file")
    texts = in_languages(message)
    texts["en"] = detail
    return Refused(path, detail, texts)


def compare_files(key_path: Path, team_paths: Sequence[Path]) -> Comparison:
    """Compare team files with an answer key.

    Parameters
    ----------
    key_path
        The answer key (mode ``answer_key``; a plain assessment is accepted as a key).
    team_paths
        The team files as they came back.

    Returns
    -------
    Comparison
        ``refused`` lists the team files that were not compared, each with a reason.

    Raises
    ------
    StoreError
        The key cannot be read.
    ForeignFileError
        The key is an exercise or team file, or no team file could be compared.
    """
    key_path = Path(key_path)
    with tempfile.TemporaryDirectory(prefix="avsec-compare-") as tmp:
        workdir = Path(tmp)
        key = load(key_path, workdir, extras=("rationales", "rationales_i18n"))
        if key.assessment.mode not in KEY_MODES:
            raise ForeignFileError(
                N_("{name}: not an answer key (mode {mode}); give the key first"),
                name=key_path.name,
                mode=key.assessment.mode,
            )
        expected = exercise_id_for(key.assessment)
        accepted: list[tuple[Path, Loaded]] = []
        refused: list[Refused] = []
        seen_paths: set[Path] = set()
        seen_names: dict[str, Path] = {}
        for raw in team_paths:
            path = Path(raw)
            resolved = path.resolve()
            if resolved in seen_paths:
                again = _refused(N_("given twice"))
                again.path = path
                refused.append(again)
                continue
            seen_paths.add(resolved)
            try:
                team = load(path, workdir, extras=(EXERCISE_TAG,), check_journal=True)
            except AvsecError as exc:
                refused.append(_load_refusal(path, exc))
                continue
            problem = _team_problem(team, key, expected)
            if problem is None:
                folded = team.assessment.team_name.strip().casefold()
                if folded in seen_names:
                    problem = _refused(
                        N_("team {team} already given by {file}"),
                        team=repr(team.assessment.team_name),
                        file=seen_names[folded].name,
                    )
                else:
                    seen_names[folded] = path
            if problem is not None:
                problem.path = path
                refused.append(problem)
                continue
            accepted.append((path, team))
    if not accepted:
        detail = Joined(refused) if refused else Phrase(N_("no team files given"))
        raise ForeignFileError(N_("no team file to compare ({detail})"), detail=detail)
    checklist = key.checklist
    key_status = {i: str(r.status) for i, r in key.responses.items()}
    team_status = {
        t.assessment.team_name.strip(): {i: str(r.status) for i, r in t.responses.items()}
        for _, t in accepted
    }
    scores, items, kappa = compare_answers(checklist, key_status, team_status)
    teams = []
    for (path, loaded), score in zip(accepted, scores, strict=True):
        actions = loaded.actions or _generated_outline(
            checklist, loaded.responses, loaded.assessment.language
        )
        teams.append(
            TeamResult(
                name=score["name"],
                path=path,
                answers=team_status[score["name"]],
                accuracy=score["accuracy"],
                areas=score["areas"],
                actions=actions,
            )
        )
    return Comparison(
        key_path=key_path,
        key=key.assessment,
        checklist=checklist,
        teams=teams,
        items=items,
        fleiss_kappa=kappa,
        refused=refused,
        rationales=_rationales(key, checklist),
    )


def _generated_outline(
    checklist: Checklist, responses: Mapping[str, Response], lang: str
) -> list[Action]:
    """A team that saved no outline proposes what its answers imply."""
    from avsec.core.outline import generate_outline

    return generate_outline(checklist, responses, lang=lang)


def _rationales(key: Loaded, checklist: Checklist) -> dict[str, LangText]:
    """The key's rationales as {item: {lang: text}}, from the multilingual extra when present."""
    out: dict[str, LangText] = {}
    plain = key.extras.get("rationales") or {}
    multi = key.extras.get("rationales_i18n") or {}
    lang = key.assessment.language
    for item_id in checklist.item_ids():
        texts: LangText = {}
        if isinstance(multi.get(item_id), dict):
            texts.update({k: str(v) for k, v in multi[item_id].items() if isinstance(v, str)})
        if isinstance(plain.get(item_id), str) and plain[item_id]:
            texts.setdefault(lang, plain[item_id])
        if not texts and item_id in key.responses and key.responses[item_id].notes:
            texts[lang] = key.responses[item_id].notes
        if texts:
            out[item_id] = texts
    return out
