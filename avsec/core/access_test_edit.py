"""The undoable edits of access-control tests (kept apart from the model, which the document
model imports: the commands module imports the document)."""

from __future__ import annotations

from dataclasses import dataclass

from avsec.core.access_tests import METHOD_LABELS, AccessTest
from avsec.core.commands import SetRecord, Translate, english
from avsec.core.i18n import N_


@dataclass
class SetAccessTest(SetRecord):
    """Record (``before=None``), change, or delete (``after=None``) one access-control test."""

    record = "access_test"
    id_field = "test_id"
    test_id: str
    before: AccessTest | None
    after: AccessTest | None

    def describe(self, translate: Translate = english) -> str:
        test = self.after or self.before
        assert test is not None
        fields = {"method": translate(METHOD_LABELS[test.method]), "at": test.at}
        if self.before is None:
            return translate(N_("Record access test at {at} ({method})")).format(**fields)
        if self.after is None:
            return translate(N_("Delete access test at {at} ({method})")).format(**fields)
        return translate(N_("Edit access test at {at} ({method})")).format(**fields)
