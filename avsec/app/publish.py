"""Publishing assessments to the authority's shared PostgreSQL + PostGIS database.

The .avsec file stays the unit of field work; ``avsec publish`` copies finished visits into a
schema ``avsec`` that QGIS and BI tools read. The schema creates and migrates itself (its
version is recorded in ``avsec.meta``). Each file is one transaction: its rows are replaced
(keyed by the assessment uuid), never duplicated, and an older copy of a visit never
overwrites a newer one unless forced. Only this module and ``portfolio --db`` open a network
connection, and only to the DSN given; psycopg is imported here, when they run. Passwords come
from PGPASSWORD or ~/.pgpass (libpq reads both), never from the command line.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from avsec.core.errors import AvsecError, InputError
from avsec.core.i18n import N_
from avsec.core.portfolio import PlanRow, Portfolio, VisitRecord, build_portfolio
from avsec.core.scoring import score_checklist
from avsec.store import AvsecFile

#: Version of the database schema this avsec writes.
DB_SCHEMA_VERSION = 1
#: Serialises schema creation and migration between publishers (an arbitrary constant).
_SCHEMA_LOCK = 0x41565343

#: What an administrator may have made beforehand (see the README): created only when missing,
#: since even ``IF NOT EXISTS`` needs the privilege to create, which a schema owner lacks.
_PREREQUISITES = [
    ("SELECT 1 FROM pg_extension WHERE extname = 'postgis'", "CREATE EXTENSION postgis"),
    ("SELECT to_regnamespace('avsec')", "CREATE SCHEMA avsec"),
]
_DDL_V1 = [
    "CREATE TABLE IF NOT EXISTS avsec.meta (key text PRIMARY KEY, value text NOT NULL)",
    """CREATE TABLE IF NOT EXISTS avsec.assessments (
        uuid text PRIMARY KEY, icao text NOT NULL, airport_name text NOT NULL,
        title text NOT NULL, started date NOT NULL, ended date, previous_uuid text,
        checklist_id text NOT NULL, checklist_version integer NOT NULL,
        organisation text NOT NULL, team text[] NOT NULL, scores jsonb NOT NULL,
        last_change timestamptz, published_at timestamptz NOT NULL DEFAULT now(),
        published_by text NOT NULL DEFAULT current_user,
        geom geometry(Point, 4326) NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS avsec.responses (
        assessment_uuid text NOT NULL REFERENCES avsec.assessments ON DELETE CASCADE,
        item_id text NOT NULL, area_id text NOT NULL, weight integer NOT NULL,
        status text NOT NULL, notes text NOT NULL, photos jsonb NOT NULL,
        PRIMARY KEY (assessment_uuid, item_id))""",
    """CREATE TABLE IF NOT EXISTS avsec.findings (
        assessment_uuid text NOT NULL REFERENCES avsec.assessments ON DELETE CASCADE,
        position integer NOT NULL, id text NOT NULL, rule text NOT NULL,
        severity text NOT NULL, zone text NOT NULL, value double precision, unit text,
        message text NOT NULL, items text[] NOT NULL,
        geom geometry(Geometry, 4326) NOT NULL, PRIMARY KEY (assessment_uuid, position))""",
    """CREATE TABLE IF NOT EXISTS avsec.features (
        assessment_uuid text NOT NULL REFERENCES avsec.assessments ON DELETE CASCADE,
        id text NOT NULL, position integer NOT NULL, kind text NOT NULL, name text NOT NULL,
        properties jsonb NOT NULL, geom geometry(Geometry, 4326) NOT NULL,
        PRIMARY KEY (assessment_uuid, id))""",
    """CREATE TABLE IF NOT EXISTS avsec.actions (
        assessment_uuid text NOT NULL REFERENCES avsec.assessments ON DELETE CASCADE,
        id text NOT NULL, position integer NOT NULL, title text NOT NULL,
        description text NOT NULL, horizon text NOT NULL, priority double precision NOT NULL,
        owner text NOT NULL, due date, status text NOT NULL, followup text,
        evidence text NOT NULL, items text[] NOT NULL, is_open boolean NOT NULL,
        PRIMARY KEY (assessment_uuid, id))""",
    """CREATE TABLE IF NOT EXISTS avsec.provisions (
        assessment_uuid text NOT NULL REFERENCES avsec.assessments ON DELETE CASCADE,
        item_id text NOT NULL, provision text NOT NULL,
        PRIMARY KEY (assessment_uuid, item_id, provision))""",
    """CREATE TABLE IF NOT EXISTS avsec.photos (
        assessment_uuid text NOT NULL REFERENCES avsec.assessments ON DELETE CASCADE,
        id text NOT NULL, filename text NOT NULL, mime text NOT NULL, data bytea NOT NULL,
        PRIMARY KEY (assessment_uuid, id))""",
    "CREATE INDEX IF NOT EXISTS findings_geom ON avsec.findings USING gist (geom)",
    "CREATE INDEX IF NOT EXISTS features_geom ON avsec.features USING gist (geom)",
    "CREATE INDEX IF NOT EXISTS assessments_geom ON avsec.assessments USING gist (geom)",
    "CREATE INDEX IF NOT EXISTS assessments_icao ON avsec.assessments (icao, started)",
]
#: Statements from version N to N + 1 (none yet: version 1 is the first).
_MIGRATIONS: dict[int, list[str]] = {}

#: A geometry from GeoJSON text, in SRID 4326 and made valid when it is not.
_GEOM = (
    "(SELECT CASE WHEN ST_IsValid(g) THEN g ELSE ST_MakeValid(g) END "
    "FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON(%s), 4326) AS g) AS geojson)"
)


class DatabaseError(AvsecError):
    """The shared database cannot be reached or refused what was asked."""


class OlderCopyError(AvsecError):
    """The database holds a newer state of the same assessment."""


@dataclass(frozen=True)
class Published:
    """What publishing one file did."""

    path: Path
    uuid: str
    replaced: bool
    counts: dict[str, int]


def check_dsn(dsn: str) -> str:
    """Refuse a DSN carrying a password (it would sit in shell history and process lists).

    Raises
    ------
    InputError
        The DSN cannot be parsed or holds a password.
    """
    from psycopg import conninfo

    try:
        params = conninfo.conninfo_to_dict(dsn)
    except Exception as exc:  # noqa: BLE001 - psycopg raises ProgrammingError, any is bad input
        raise InputError(N_("--db: not a PostgreSQL connection string ({exc})"), exc=exc) from None
    if params.get("password"):
        raise InputError(
            N_("--db: the DSN holds a password; put it in PGPASSWORD or ~/.pgpass instead")
        )
    return dsn


def _where(dsn: str) -> str:
    from psycopg import conninfo

    params = conninfo.conninfo_to_dict(dsn)
    host = params.get("host") or "localhost"
    return f"{params.get('dbname') or params.get('user') or 'postgres'} on {host}"


@contextmanager
def connect(dsn: str) -> Iterator[Any]:
    """A connection to ``dsn``; failures become one clear :class:`DatabaseError` line."""
    import psycopg

    check_dsn(dsn)
    try:
        conn = psycopg.connect(dsn, connect_timeout=10, application_name="avsec")
    except psycopg.Error as exc:
        first = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise DatabaseError(
            N_("database {dsn}: cannot connect ({first})"), dsn=_where(dsn), first=first
        ) from None
    try:
        yield conn
    except psycopg.Error as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DatabaseError(N_("database {dsn}: {first}"), dsn=_where(dsn), first=first) from None
    finally:
        conn.close()


def ensure_schema(conn: Any) -> int:
    """Create or migrate schema ``avsec`` to :data:`DB_SCHEMA_VERSION`; return the version.

    Raises
    ------
    DatabaseError
        The database holds a newer schema than this avsec writes.
    """
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_SCHEMA_LOCK,))
        exists = conn.execute("SELECT to_regclass('avsec.meta')").fetchone()[0]
        version = 0
        if exists is not None:
            row = conn.execute(
                "SELECT value FROM avsec.meta WHERE key = 'schema_version'"
            ).fetchone()
            version = int(row[0]) if row else 0
        if version > DB_SCHEMA_VERSION:
            raise DatabaseError(
                N_(
                    "the database schema avsec is version {version}; this avsec writes up to {DB_SCHEMA_VERSION}: update avsec"
                ),
                version=version,
                DB_SCHEMA_VERSION=DB_SCHEMA_VERSION,
            )
        if version == 0:
            for probe, create in _PREREQUISITES:
                found = conn.execute(probe).fetchone()
                if found is None or found[0] is None:
                    conn.execute(create)
            for statement in _DDL_V1:
                conn.execute(statement)
            version = 1
        while version < DB_SCHEMA_VERSION:
            for statement in _MIGRATIONS[version]:
                conn.execute(statement)
            version += 1
        conn.execute(
            "INSERT INTO avsec.meta VALUES ('schema_version', %s) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (str(version),),
        )
    return version


def _last_change(file: AvsecFile) -> dt.datetime | None:
    changes = file.changes()
    return dt.datetime.fromisoformat(changes[-1]["at"]) if changes else None


def _publish_one(conn: Any, path: Path, *, force: bool, with_photos: bool) -> Published:
    from psycopg.types.json import Jsonb

    with AvsecFile.open(path, migrate=False) as f:
        doc = f.document()
        last_change = _last_change(f)
        photo_bytes = {}
        if with_photos:
            photo_bytes = {a.id: (a, f.attachment_bytes(a.id)) for a in doc.attachments}
    header = doc.assessment
    area_of = {item.id: area.id for area in doc.checklist.areas for item in area.items}
    weight_of = {item.id: item.weight for item in doc.checklist.items()}
    scores = score_checklist(doc.checklist, doc.responses).to_json()
    with conn.transaction():
        # One publisher at a time per assessment: the second waits, then sees the first's rows.
        conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (header.id,))
        row = conn.execute(
            "SELECT last_change FROM avsec.assessments WHERE uuid = %s", (header.id,)
        ).fetchone()
        replaced = row is not None
        if replaced and not force and row[0] is not None and last_change is not None:
            if last_change < row[0]:
                raise OlderCopyError(
                    N_(
                        "{name}: the database holds a newer state of this assessment (changed {row}, this copy {last_change}); use --force to replace it"
                    ),
                    name=path.name,
                    row=row[0].isoformat(timespec="seconds"),
                    last_change=last_change.isoformat(timespec="seconds"),
                )
        conn.execute("DELETE FROM avsec.assessments WHERE uuid = %s", (header.id,))
        conn.execute(
            "INSERT INTO avsec.assessments (uuid, icao, airport_name, title, started, ended, "
            "previous_uuid, checklist_id, checklist_version, organisation, team, scores, "
            "last_change, geom) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, "
            "ST_SetSRID(ST_MakePoint(%s, %s), 4326))",
            (
                header.id,
                header.airport.icao,
                header.airport.name,
                header.title,
                header.started,
                header.ended,
                header.previous.id if header.previous else None,
                doc.checklist.id,
                doc.checklist.version,
                header.organisation,
                list(header.team),
                Jsonb(scores),
                last_change,
                header.airport.lon,
                header.airport.lat,
            ),
        )
        with conn.cursor() as cur:
            cur.executemany(
                "INSERT INTO avsec.responses VALUES (%s, %s, %s, %s, %s, %s, %s)",
                [
                    (
                        header.id,
                        r.item_id,
                        area_of.get(r.item_id, ""),
                        weight_of.get(r.item_id, 0),
                        str(r.status),
                        r.notes,
                        Jsonb(list(r.photos)),
                    )
                    for r in doc.responses.values()
                ],
            )
            cur.executemany(
                "INSERT INTO avsec.findings VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, "
                + _GEOM
                + ")",
                [
                    (
                        header.id,
                        i,
                        x.id,
                        x.rule,
                        x.severity,
                        x.zone,
                        x.value,
                        x.unit,
                        x.message.get(header.language) or x.message.get("en", ""),
                        list(x.items),
                        json.dumps(x.geometry),
                    )
                    for i, x in enumerate(doc.findings)
                ],
            )
            cur.executemany(
                "INSERT INTO avsec.features VALUES (%s, %s, %s, %s, %s, %s, " + _GEOM + ")",
                [
                    (
                        header.id,
                        x.id,
                        i,
                        x.kind,
                        x.name,
                        Jsonb(x.properties),
                        json.dumps(x.geometry),
                    )
                    for i, x in enumerate(doc.features)
                ],
            )
            cur.executemany(
                "INSERT INTO avsec.actions VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, "
                "%s, %s, %s)",
                [
                    (
                        header.id,
                        a.id,
                        i,
                        a.title,
                        a.description,
                        a.horizon,
                        a.priority,
                        a.owner,
                        a.due,
                        a.status,
                        a.followup,
                        a.evidence,
                        list(a.items),
                        PlanRow.of(a).open,
                    )
                    for i, a in enumerate(doc.actions)
                ],
            )
            cur.executemany(
                "INSERT INTO avsec.provisions VALUES (%s, %s, %s) ON CONFLICT DO NOTHING",
                [
                    (header.id, item.id, ref)
                    for item in doc.checklist.items()
                    for ref in item.references
                ],
            )
            cur.executemany(
                "INSERT INTO avsec.photos VALUES (%s, %s, %s, %s, %s)",
                [
                    (header.id, info.id, info.filename, info.mime, data)
                    for info, data in photo_bytes.values()
                    if data is not None
                ],
            )
    counts = {
        "responses": len(doc.responses),
        "findings": len(doc.findings),
        "features": len(doc.features),
        "actions": len(doc.actions),
        "photos": sum(1 for _, data in photo_bytes.values() if data is not None),
    }
    return Published(path, header.id, replaced, counts)


def publish(
    dsn: str, paths: Sequence[Path], *, force: bool = False, with_photos: bool = False
) -> list[Published]:
    """Publish each file in its own transaction, the schema created or migrated first.

    Every file is opened (and so checked) before the database is contacted.

    Raises
    ------
    DatabaseError, OlderCopyError, StoreError
        The first failure; files published before it stay published.
    """
    for path in paths:
        AvsecFile.open(Path(path), migrate=False).close()
    with connect(dsn) as conn:
        ensure_schema(conn)
        return [_publish_one(conn, Path(p), force=force, with_photos=with_photos) for p in paths]


def portfolio_of_database(dsn: str, today: dt.date | None = None) -> Portfolio:
    """The portfolio of every assessment published to ``dsn`` (the same as from the files)."""
    with connect(dsn) as conn:
        exists = conn.execute("SELECT to_regclass('avsec.assessments')").fetchone()[0]
        if exists is None:
            raise DatabaseError(
                N_("database {dsn}: nothing published yet (no schema avsec)"), dsn=_where(dsn)
            )
        statuses: dict[str, dict[str, str]] = {}
        for uuid, item_id, status in conn.execute(
            "SELECT assessment_uuid, item_id, status FROM avsec.responses"
        ):
            statuses.setdefault(uuid, {})[item_id] = status
        plans: dict[str, list[PlanRow]] = {}
        for uuid, aid, title, owner, due, is_open in conn.execute(
            "SELECT assessment_uuid, id, title, owner, due, is_open FROM avsec.actions "
            "ORDER BY assessment_uuid, position"
        ):
            plans.setdefault(uuid, []).append(PlanRow(aid, title, owner, due, is_open))
        records = [
            VisitRecord(
                uuid=uuid,
                date=started,
                icao=icao,
                name=name,
                scores=scores,
                statuses=statuses.get(uuid, {}),
                actions=tuple(plans.get(uuid, [])),
            )
            for uuid, started, icao, name, scores in conn.execute(
                "SELECT uuid, started, icao, airport_name, scores FROM avsec.assessments"
            )
        ]
    return build_portfolio(records, today or dt.date.today())
