"""The undoable edits of access-control tests (kept apart from the model, which the document
model imports: the commands module imports the document)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from avsec.core.access_tests import METHOD_LABELS, AccessTest
from avsec.core.commands import Changes, EditTarget, Translate, english
from avsec.core.i18n import N_


@dataclass
class SetAccessTest:
    """Record (``before=None``), change, or delete (``after=None``) one access-control test."""

    test_id: str
    before: AccessTest | None
    after: AccessTest | None

    @property
    def stale_record(self) -> tuple[str, str]:
        """The record the stale-edit check compares (avsec.store.stale)."""
        return ("access_test", self.test_id)

    def redo(self, target: EditTarget) -> None:
        target.write_access_test(self.test_id, self.after)

    def undo(self, target: EditTarget) -> None:
        target.write_access_test(self.test_id, self.before)

    def describe(self, translate: Translate = english) -> str:
        test = self.after or self.before
        assert test is not None
        fields = {"method": translate(METHOD_LABELS[test.method]), "at": test.at}
        if self.before is None:
            return translate(N_("Record access test at {at} ({method})")).format(**fields)
        if self.after is None:
            return translate(N_("Delete access test at {at} ({method})")).format(**fields)
        return translate(N_("Edit access test at {at} ({method})")).format(**fields)

    def changes(self) -> Changes:
        return Changes(tests=frozenset({self.test_id}))

    def journal(self) -> tuple[str, Any, Any]:
        def dump(test: AccessTest | None) -> Any:
            return None if test is None else test.model_dump(mode="json")

        return f"access_test:{self.test_id}", dump(self.before), dump(self.after)
