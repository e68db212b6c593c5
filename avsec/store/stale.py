"""Refuse an edit built on a state another process has changed since (a lost update).

A command carries the records as they were when it was made ("before"). Inside the write
transaction (``BEGIN IMMEDIATE`` holds the write lock, so nothing changes under it) the store
reads the records the command touches and compares them with that "before"; on undo, with its
"after". A record the command expects to be absent (an addition: a first response to an item,
a new feature or action, or the undo of a deletion) is checked too: if another program added it
meanwhile, the edit is refused rather than replacing that addition. A difference means another
program (a second CLI, the app) wrote in between: the edit is refused and nothing is written,
instead of silently overwriting that change.
"""

from __future__ import annotations

from typing import Any

from avsec.core.errors import StoreError
from avsec.core.i18n import N_


class StaleEdit(StoreError):
    """The file changed since the edit was prepared; nothing was written."""


def _dump(value: Any) -> Any:
    if isinstance(value, list):  # the tracks are one record: the whole list
        return [_dump(v) for v in value]
    return None if value is None else value.model_dump(mode="json")


def _collect(command: Any, undo: bool, expected: dict[tuple[str, str], Any]) -> None:
    children = getattr(command, "commands", None)
    if children is not None:
        for child in reversed(list(children)) if undo else children:
            _collect(child, undo, expected)
        return
    state = command.after if undo else command.before
    # Every edit of one record (avsec/core/commands.py, SetRecord) and the tracks' edit name
    # the record they compare; the header edit is the one left.
    record = getattr(command, "stale_record", None)
    if record is not None:
        expected.setdefault(record, _dump(state))
    elif hasattr(command, "before") and hasattr(command, "after"):
        expected.setdefault(("assessment", ""), _dump(state))


def check_not_stale(store: Any, command: Any, *, undo: bool = False) -> None:
    """Raise :class:`StaleEdit` when a record ``command`` touches differs from what it expects.

    ``store`` is an open :class:`avsec.store.AvsecFile` inside a write transaction.
    """
    expected: dict[tuple[str, str], Any] = {}
    _collect(command, undo, expected)
    kinds = {kind for kind, _ in expected}
    current: dict[tuple[str, str], Any] = {}
    if "response" in kinds:
        current.update((("response", k), _dump(v)) for k, v in store.responses().items())
    if "feature" in kinds:
        current.update((("feature", f.id), _dump(f)) for f in store.features())
    if "action" in kinds:
        current.update((("action", a.id), _dump(a)) for a in store.actions())
    if "assessment" in kinds:
        current[("assessment", "")] = _dump(store.stored_assessment())
    if "tracks" in kinds:
        current[("tracks", "")] = _dump(store.tracks())
    for kind, ident in expected:
        if kind in ("judgement", "photo"):
            current[(kind, ident)] = _dump(store.stored_record(kind, ident))
        elif kind == "access_test":
            current[(kind, ident)] = _dump(store.access_test(ident))
    # An addition expects no record: one found there was added by another program, and
    # writing over it would lose that program's edit as surely as a changed record would.
    changed = [key for key, state in expected.items() if current.get(key) != state]
    if changed:
        kind, ident = changed[0]
        what = f"{kind} {ident}".strip()
        more = len(changed) - 1
        added = expected[changed[0]] is None
        raise StaleEdit(_STALE[added, bool(more)], name=store.path.name, what=what, more=more)


#: The message of a stale edit by (the first record was added, more than one record differs).
_STALE = {
    (False, True): N_(
        "{name}: the {what} and {more} more changed in another program since this edit "
        "was prepared; nothing was written (reload and edit again)"
    ),
    (False, False): N_(
        "{name}: the {what} changed in another program since this edit was prepared; "
        "nothing was written (reload and edit again)"
    ),
    (True, True): N_(
        "{name}: the {what} and {more} more were added in another program since this edit "
        "was prepared; nothing was written (reload and edit again)"
    ),
    (True, False): N_(
        "{name}: the {what} was added in another program since this edit was prepared; "
        "nothing was written (reload and edit again)"
    ),
}
