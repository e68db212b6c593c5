"""Reading an .avsec file: every record checked as it is read (the reading half of
:class:`avsec.store.AvsecFile`, which supplies the connection; docs/architecture.md, *The file
format*).

A damaged record is one :class:`StoreError` line naming the file and the record, never a
traceback.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from avsec.core.access_tests import AccessTest
from avsec.core.actions import Action
from avsec.core.assessment import Assessment, Response
from avsec.core.checklist import Checklist
from avsec.core.document import AssessmentDocument, AttachmentInfo, Observation
from avsec.core.errors import StoreError
from avsec.core.findings import Finding
from avsec.core.followup import LastVisit
from avsec.core.i18n import N_
from avsec.core.judgements import Judgement
from avsec.core.layout import Feature
from avsec.core.tracks import TRACKS_KEY, Track
from avsec.store.samples import read_samples

#: Validation context of records read from a file: text limits apply to new writes only.
STORED = {"stored": True}


class RecordReader:
    """The reading half of :class:`avsec.store.AvsecFile`: header, checklist snapshot,
    responses, layout, outline, findings, extras, journal and the whole document."""

    path: Path
    _conn: sqlite3.Connection
    _assessment: Assessment | None
    _checklist: Checklist | None

    def _damaged(self, message: str, /, **fields: object) -> StoreError:
        """A :class:`StoreError` naming this file (the field ``name`` of ``message``)."""
        return StoreError(message, name=self.path.name, **fields)

    #: Supplied by :class:`avsec.store.attachments.AttachmentStore`.
    attachments: Callable[[], list[AttachmentInfo]]
    #: Supplied by :class:`avsec.store.judgements.JudgementStore`.
    judgements: Callable[[], dict[str, Judgement]]
    #: Supplied by :class:`avsec.store.access_tests.AccessTestStore`.
    access_tests: Callable[[], list[AccessTest]]

    def _load(self, what: str, model: Any, text: str) -> Any:
        try:
            return model.model_validate_json(text, context=STORED)
        except ValidationError as exc:
            problems = exc.errors()
            first = problems[0]
            where = ".".join(str(p) for p in first["loc"]) or "record"
            more = len(problems) - 1
            raise StoreError(
                N_("{name}: the {what} record is damaged ({where}: {msg} and {more} more)")
                if more
                else N_("{name}: the {what} record is damaged ({where}: {msg})"),
                name=self.path.name,
                what=what,
                where=where,
                msg=first["msg"],
                more=more,
            ) from exc

    @property
    def assessment(self) -> Assessment:
        """The assessment header."""
        if self._assessment is None:
            self._assessment = self.stored_assessment()
        return self._assessment

    def stored_assessment(self) -> Assessment:
        """The assessment header as it is in the file now (not the cached copy)."""
        row = self._conn.execute("SELECT json FROM assessment WHERE id = 1").fetchone()
        if row is None:
            raise self._damaged(N_("{name}: the assessment record is missing"))
        return self._load("assessment", Assessment, row[0])  # type: ignore[no-any-return]

    @property
    def checklist(self) -> Checklist:
        """The checklist snapshot taken when the file was created."""
        if self._checklist is None:
            row = self._conn.execute("SELECT json FROM checklist_snapshot WHERE id = 1").fetchone()
            if row is None:
                raise self._damaged(N_("{name}: the checklist snapshot is missing"))
            self._checklist = self._load("checklist", Checklist, row[0])
        return self._checklist

    def meta(self) -> dict[str, str]:
        """The meta table as a mapping."""
        return dict(self._conn.execute("SELECT key, value FROM meta").fetchall())

    def responses(self) -> dict[str, Response]:
        """Every recorded response by item id.

        Raises
        ------
        StoreError
            A damaged row (unknown status, photos that are not JSON, a bad date), by item id.
        """
        out: dict[str, Response] = {}
        samples = read_samples(self._conn, self.path.name)  # avsec/store/samples.py
        for item_id, status, notes, photos, updated, updated_by in self._conn.execute(
            "SELECT item_id, status, notes, photos, updated, updated_by FROM responses"
        ):
            record = {"item_id": item_id, "status": status, "notes": notes or ""}
            record.update(updated=updated or None, updated_by=updated_by or "")
            record.update(samples.get(item_id, {}))
            out[item_id] = self._row(f"response to {item_id}", Response, record, photos=photos)
        return out

    def _row(self, what: str, model: Any, record: dict[str, Any], **json_fields: Any) -> Any:
        """Validate one stored row; a damaged one is one line naming the file and the row."""
        try:
            for key, text in json_fields.items():
                record[key] = json.loads(text) if text is not None else []
            return model.model_validate(record, context=STORED)
        except (ValueError, TypeError) as exc:  # ValidationError and JSONDecodeError included
            reason = exc.errors()[0]["msg"] if isinstance(exc, ValidationError) else str(exc)
            raise self._damaged(
                N_("{name}: the {what} is damaged ({reason})"),
                what=what,
                reason=reason[:160],
            ) from None

    def response(self, item_id: str) -> Response | None:
        """The response to one item, or None."""
        return self.responses_for([item_id]).get(item_id)

    def responses_for(self, item_ids: list[str]) -> dict[str, Response]:
        """Responses of the given items."""
        wanted = set(item_ids)
        return {k: v for k, v in self.responses().items() if k in wanted}

    def features(self) -> list[Feature]:
        """Every layout feature in drawing order."""
        out = []
        for fid, kind, geometry, props in self._conn.execute(
            "SELECT id, kind, geometry, properties FROM features ORDER BY position"
        ):
            try:
                geometry_value, props_value = json.loads(geometry), json.loads(props)
            except (TypeError, ValueError) as exc:
                message = N_("{name}: the feature {fid} is damaged ({exc})")
                raise self._damaged(message, fid=fid, exc=exc) from None
            out.append(
                Feature.model_construct(
                    id=fid, kind=kind, geometry=geometry_value, properties=props_value
                )
            )
        return out

    def actions(self) -> list[Action]:
        """The improvement outline in its order."""
        return self._in_order("actions", "action", Action)

    def findings(self) -> list[Finding]:
        """Findings of the last analysis (empty before any)."""
        return self._in_order("findings", "finding", Finding)

    def _in_order(self, table: str, what: str, model: Any) -> list[Any]:
        """Every record of ``table`` (actions, findings) by position, each checked."""
        rows = self._conn.execute(f"SELECT position, json FROM {table} ORDER BY position")  # noqa: S608 - fixed names
        return [
            self._load(f"{what} at position {position}", model, text) for position, text in rows
        ]

    def extra(self, key: str, default: Any = None) -> Any:
        """A JSON value from the extras table (narrative, key rationales...)."""
        row = self._conn.execute("SELECT json FROM extras WHERE key = ?", (key,)).fetchone()
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except (TypeError, ValueError) as exc:
            message = N_("{name}: the entry {key} is damaged ({exc})")
            raise self._damaged(message, key=key, exc=exc) from None

    # --- journal and whole document ---------------------------------------------------------

    def changes(self, last: int | None = None) -> list[dict[str, Any]]:
        """The append-only changes journal, oldest first (only its ``last`` rows if given)."""
        if last is None:
            rows = self._conn.execute(
                "SELECT seq, at, who, what, before, after FROM changes ORDER BY seq"
            )
        else:
            rows = self._conn.execute(
                "SELECT * FROM (SELECT seq, at, who, what, before, after FROM changes "
                "ORDER BY seq DESC LIMIT ?) ORDER BY seq",
                (max(0, last),),
            )
        return [
            {
                "seq": seq,
                "at": at,
                "who": who,
                "what": what,
                "before": None if before is None else json.loads(before),
                "after": None if after is None else json.loads(after),
            }
            for seq, at, who, what, before, after in rows
        ]

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        tables = ("responses", "features", "actions", "findings", "attachments", "changes")
        return {t: self._conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables}  # noqa: S608 - fixed names

    def document(self) -> AssessmentDocument:
        """Everything in the file as one :class:`AssessmentDocument`."""
        raw_observations = self.extra("observations", [])
        if not isinstance(raw_observations, list):
            raise self._damaged(
                N_("{name}: the observations entry is damaged (not a list)"),
            )
        observations = [
            self._row(f"observation {n}", Observation, o if isinstance(o, dict) else {"id": o})
            for n, o in enumerate(raw_observations, start=1)
        ]
        return AssessmentDocument(
            app_version=self.meta().get("app_version", ""),
            assessment=self.assessment,
            checklist=self.checklist,
            responses=self.responses(),
            features=self.features(),
            findings=self.findings(),
            actions=self.actions(),
            attachments=self.attachments(),
            observations=observations,
            rationales=self.extra("rationales", {}) or {},
            last_visit=self.last_visit(),
            tracks=self.tracks(),
            judgements=self.judgements(),
            access_tests=self.access_tests(),
        )

    def tracks(self) -> list[Track]:
        """The GPS tracks (:mod:`avsec.core.tracks`), each checked like every record."""
        raw = self.extra(TRACKS_KEY, [])
        if not isinstance(raw, list):
            raise self._damaged(N_("{name}: the tracks entry is damaged (not a list)"))
        return [self._row(f"track {n}", Track, t) for n, t in enumerate(raw, start=1)]

    def last_visit(self) -> LastVisit | None:
        """What the previous visit found (follow-up files only), checked like every record."""
        record = self.extra("last_visit")
        if record is None:
            return None
        return self._load("last visit", LastVisit, json.dumps(record))  # type: ignore[no-any-return]

    def was_analysed(self) -> bool:
        """Whether the layout was ever analysed (then no findings means a clean layout)."""
        row = self._conn.execute("SELECT 1 FROM changes WHERE what = 'analysis' LIMIT 1")
        return row.fetchone() is not None

    def checklist_snapshot_sha(self) -> str:
        """The checksum stored with the checklist snapshot, after checking it still matches.

        Raises
        ------
        StoreError
            The snapshot is missing, or its text no longer matches its checksum (altered).
        """
        row = self._conn.execute(
            "SELECT sha256, json FROM checklist_snapshot WHERE id = 1"
        ).fetchone()
        if row is None:
            raise self._damaged(N_("{name}: the checklist snapshot is missing"))
        stored, text = row
        if stored != hashlib.sha256(text.encode()).hexdigest():
            raise self._damaged(
                N_("{name}: the checklist snapshot was altered (its checksum does not match)"),
            )
        return str(stored)
