"""The README's database setup for an authority works as it says: owner, publishers, readers."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import psycopg
import pytest
from visits import airport, make_visit

from avsec.app.publish import DatabaseError, portfolio_of_database, publish

README = Path(__file__).parents[2] / "README.md"


def _setup_sql() -> str:
    section = README.read_text(encoding="utf-8").split("## For a national authority", 1)[1]
    return re.search(r"```sql\n(.*?)```", section, re.S).group(1)


def _as(dsn: str, user: str) -> str:
    return dsn.replace("user=postgres", f"user={user}")


def test_readme_roles(dsn: str, tmp_path: Path) -> None:
    with psycopg.connect(dsn, autocommit=True) as conn:
        conn.execute(_setup_sql())
    first = make_visit(tmp_path / "a.avsec", {"PER-01": "compliant"})
    second = make_visit(
        tmp_path / "b.avsec",
        {"PER-01": "not_compliant"},
        where=airport("ZZTB"),
        started=dt.date(2025, 6, 1),
    )
    publish(_as(dsn, "avsec_owner"), [first])
    publish(_as(dsn, "ana"), [second])
    with psycopg.connect(dsn) as conn:
        rows = conn.execute(
            "SELECT icao, published_by FROM avsec.assessments ORDER BY icao"
        ).fetchall()
    assert rows == [("ZZTA", "avsec_owner"), ("ZZTB", "ana")]
    reader = _as(dsn, "dashboard")
    data = portfolio_of_database(reader, today=dt.date(2026, 1, 1)).to_json()
    assert [a["icao"] for a in data["airports"]] == ["ZZTA", "ZZTB"]
    with pytest.raises(DatabaseError, match="permission denied"):
        publish(reader, [first])
    with psycopg.connect(reader) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("DELETE FROM avsec.findings")
