"""The inspector's judgements of findings in an .avsec file.

Kept in the ``extras`` table, one entry per finding keyed ``judgement:<finding id>``
(the finding's stable id), so a judgement survives re-analysis and needs no schema change.
Written only through :class:`avsec.core.review_commands.SetJudgement` (undoable, journaled).
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from pydantic import ValidationError

from avsec.core.errors import StoreError, validation_reason
from avsec.core.i18n import N_
from avsec.core.judgements import JUDGEMENT_PREFIX, Judgement, judgement_key


class JudgementStore:
    """The judgement half of :class:`avsec.store.AvsecFile` (which supplies the connection)."""

    _conn: sqlite3.Connection

    def judgements(self) -> dict[str, Judgement]:
        """Every recorded judgement by finding id."""
        out: dict[str, Judgement] = {}
        for key, text in self._conn.execute(
            "SELECT key, json FROM extras WHERE key LIKE ?", (JUDGEMENT_PREFIX + "%",)
        ):
            try:
                out[key[len(JUDGEMENT_PREFIX) :]] = Judgement.model_validate_json(
                    text, context={"stored": True}
                )
            except ValidationError as exc:
                reason = validation_reason(exc)
                raise StoreError(
                    N_("the entry {key} is damaged ({reason})"), key=key, reason=reason
                ) from None
        return out

    def write_judgement(self, finding_id: str, judgement: Judgement | None) -> None:
        """Write or delete one judgement (inside a transaction)."""
        key = judgement_key(finding_id)
        if judgement is None or judgement.is_empty():
            self._conn.execute("DELETE FROM extras WHERE key = ?", (key,))
            return
        self._conn.execute(
            "INSERT OR REPLACE INTO extras VALUES (?, ?)", (key, judgement.model_dump_json())
        )

    def stored_record(self, kind: str, ident: str) -> Any:
        """A judgement or a photo's metadata as stored now (the stale-edit check)."""
        if kind == "judgement":
            row = self._conn.execute(
                "SELECT json FROM extras WHERE key = ?", (judgement_key(ident),)
            ).fetchone()
            return None if row is None else Judgement.model_validate(json.loads(row[0]))
        if kind == "photo":
            return self.attachment_info(ident)  # type: ignore[attr-defined]
        raise ValueError(kind)
