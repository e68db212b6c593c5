"""Check a file's answers against its changes journal (a team file must not be edited behind it).

Every answer a team records goes through a command (:mod:`avsec.core.commands`) that the
.avsec file applies in one transaction together with a line of its append-only changes
journal (:meth:`avsec.store.AvsecFile.apply` and ``revert``). Replaying the journal therefore
gives back the responses table. A file whose responses differ from that replay was changed
outside avsec, with an SQLite tool for instance, to improve a team's score after the exercise:
``workshop compare`` refuses it.

Journal lines that concern responses:

- ``response:ITEM``: ``after`` is the response (its JSON dump) or null when it was cleared;
- ``undo response:ITEM``: the same, written when that edit was undone (``after`` is then the
  state before the edit);
- ``batch:TEXT`` / ``undo batch:TEXT``: ``before`` and ``after`` are lists with one entry per
  command of the batch, in the batch's order (:meth:`avsec.core.commands.Batch.journal`).
  Each entry is ``{"what": ..., "value": ...}`` with the sub-command's own ``what``
  (``response:ITEM``, a nested ``batch:...`` whose value is again such a list, or another
  record the replay skips). Files written before entries carried their ``what`` hold bare
  values: there a response is recognised by its ``item_id`` and ``status`` (layout features,
  actions and the assessment header have other fields), and a nested batch is a nested list.
  An undo applies the commands in reverse order, so its list is replayed backwards.

Everything else in the journal (layout, outline, header, analysis, photos) leaves the
responses alone. This is a consistency check, not a signature: whoever forges the journal
along with the answers is not stopped by it, but an answer changed directly in the database is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from avsec.core.assessment import Response
from avsec.core.i18n import N_
from avsec.core.notices import Joined, Notice

#: Fields compared between the table and the replay (``updated`` as a time: its text differs
#: between the journal's JSON and the table, the moment does not).
COMPARED = ("status", "notes", "photos", "updated", "updated_by")


class JournalError(ValueError):
    """The journal cannot be replayed (a line of it is not what avsec writes)."""


def _is_response(value: Any) -> bool:
    return isinstance(value, dict) and "item_id" in value and "status" in value


def _entry(value: Any) -> tuple[str, Any] | None:
    """(what, value) of a batch entry that names its command; None for an older bare value."""
    if isinstance(value, dict) and set(value) == {"what", "value"}:
        return str(value["what"]), value["value"]
    return None


def _replay_response(state: dict[str, Any], item_id: str, value: Any) -> None:
    if value is None:
        state.pop(item_id, None)
    elif _is_response(value) and str(value["item_id"]) == item_id:
        state[item_id] = value
    else:
        raise JournalError(f"the journal line for {item_id} does not hold its response")


def _replay_values(state: dict[str, Any], before: Any, after: Any, backwards: bool) -> None:
    """Apply one batch's values (lists, one entry per command) to ``state``."""
    if not isinstance(before, list) or not isinstance(after, list) or len(before) != len(after):
        raise JournalError("a batch line does not hold one before and one after per command")
    pairs = list(zip(before, after, strict=True))
    if backwards:
        pairs.reverse()
    for old, new in pairs:
        named_old, named_new = _entry(old), _entry(new)
        if named_old is not None and named_new is not None:
            what, old_value = named_old
            if named_new[0] != what:
                raise JournalError("a batch entry names two different edits")
            if what.startswith("response:"):
                _replay_response(state, what[len("response:") :], named_new[1])
            elif what.startswith("batch:"):
                _replay_values(state, old_value or [], named_new[1] or [], backwards)
            continue
        if isinstance(old, list) or isinstance(new, list):
            _replay_values(state, old or [], new or [], backwards)
            continue
        if _is_response(new):
            state[str(new["item_id"])] = new
        elif new is None and _is_response(old):
            state.pop(str(old["item_id"]), None)


def replay_responses(changes: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """The responses the changes journal says a file holds.

    Parameters
    ----------
    changes
        The journal, oldest first (:meth:`avsec.store.AvsecFile.changes`): mappings with
        ``what``, ``before`` and ``after`` (JSON values).

    Returns
    -------
    dict
        Item id -> the response as journaled (a JSON mapping).

    Raises
    ------
    JournalError
        A response line does not hold a response.
    """
    state: dict[str, Any] = {}
    for change in changes:
        what = str(change.get("what") or "")
        undo = what.startswith("undo ")
        kind = what[5:] if undo else what
        before, after = change.get("before"), change.get("after")
        if kind.startswith("response:"):
            _replay_response(state, kind[len("response:") :], after)
        elif kind.startswith("batch:"):
            _replay_values(state, before, after, backwards=undo)
    return state


def _differs(stored: Response, journaled: Mapping[str, Any]) -> bool:
    try:
        expected = Response.model_validate(journaled)
    except ValueError:
        return True
    return any(getattr(stored, name) != getattr(expected, name) for name in COMPARED)


def journal_mismatch(
    responses: Mapping[str, Response], changes: Iterable[Mapping[str, Any]]
) -> Notice | None:
    """Say how the responses differ from what the journal records, or None when they agree.

    Parameters
    ----------
    responses
        The file's responses table (:meth:`avsec.store.AvsecFile.responses`).
    changes
        Its changes journal, oldest first.

    Returns
    -------
    Notice or None
        A reason (translated where it is shown) naming up to three items, e.g. ``"answers changed outside avsec (they differ
        from the file's changes journal): PER-01 is not_compliant in the file, compliant in
        the journal"``.
    """
    try:
        journaled = replay_responses(changes)
    except JournalError as exc:
        # The replay's own detail (the line it cannot read) is quoted as it is.
        return Notice(N_("its changes journal is damaged ({detail})"), detail=str(exc))
    problems: list[Notice] = []
    for item_id in sorted(set(responses) | set(journaled)):
        stored = responses.get(item_id)
        expected = journaled.get(item_id)
        if stored is None and expected is None:
            continue
        if stored is None:
            problems.append(Notice(N_("{item} was removed from the file"), item=item_id))
        elif expected is None:
            problems.append(Notice(N_("{item} has no edit in the journal"), item=item_id))
        elif _differs(stored, expected):
            if str(stored.status) != str(expected.get("status")):
                # Statuses as the file and the journal write them.
                problems.append(
                    Notice(
                        N_("{item} is {stored} in the file, {journaled} in the journal"),
                        item=item_id,
                        stored=str(stored.status),
                        journaled=str(expected.get("status")),
                    )
                )
            else:
                problems.append(Notice(N_("{item} differs from the journal"), item=item_id))
    if not problems:
        return None
    shown = Joined(problems[:3])
    if len(problems) > 3:
        return Notice(
            N_(
                "answers changed outside avsec (they differ from the file's changes journal): "
                "{problems} and {count} more"
            ),
            problems=shown,
            count=len(problems) - 3,
        )
    return Notice(
        N_(
            "answers changed outside avsec (they differ from the file's changes journal): {problems}"
        ),
        problems=shown,
    )
