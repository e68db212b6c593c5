"""Publishing to a real PostgreSQL + PostGIS server (started by conftest.py)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import threading
from pathlib import Path

import psycopg
import pytest
from visits import airport, fence, make_visit

from avsec.app.portfolio import portfolio_of_files
from avsec.app.publish import DB_SCHEMA_VERSION, OlderCopyError, portfolio_of_database, publish
from avsec.cli import main
from avsec.core.actions import Action
from avsec.core.findings import Finding
from avsec.store import AvsecFile

TODAY = dt.date(2026, 6, 1)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]):
    def _run(*args: object) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


def _finding() -> Finding:
    # A self-intersecting ring (a bow tie): PostGIS must store it made valid.
    bow_tie = [[-80.0, 10.0], [-79.999, 10.001], [-79.999, 10.0], [-80.0, 10.001], [-80.0, 10.0]]
    return Finding(
        rule="perimeter_gap",
        severity="major",
        value=3.0,
        unit="m",
        location=(-80.0, 10.0),
        geometry={"type": "Polygon", "coordinates": [bow_tie]},
        items=["PER-01"],
        message={"en": "a gap"},
        zone="airside",
    )


@pytest.fixture
def visit(tmp_path: Path) -> Path:
    path = make_visit(
        tmp_path / "one.avsec",
        {"PER-01": "not_compliant", "PER-02": "compliant", "ACP-01": "partially_compliant"},
        features=[fence("f1"), fence("f2")],
        actions=[Action(id="a-1", title="Fix", due=dt.date(2025, 5, 1))],
    )
    with AvsecFile.open(path) as f:
        f.set_findings([_finding()])
        f.add_attachment(b"\xff\xd8photo", filename="p.jpg")
    return path


def _rows(dsn: str, sql: str, params: tuple = ()) -> list[tuple]:
    with psycopg.connect(dsn) as conn:
        return conn.execute(sql, params).fetchall()


def test_publish_writes_every_table_with_valid_indexed_geometry(dsn: str, visit: Path) -> None:
    [done] = publish(dsn, [visit])
    assert not done.replaced
    uuid = done.uuid
    count = "SELECT count(*) FROM avsec.{} WHERE assessment_uuid = %s"
    for table, expected in (("responses", 3), ("features", 2), ("findings", 1), ("actions", 1)):
        assert _rows(dsn, count.format(table), (uuid,)) == [(expected,)], table
    # mini checklist: every item names at least one provision
    assert _rows(dsn, count.format("provisions"), (uuid,))[0][0] >= 5
    assert _rows(dsn, count.format("photos"), (uuid,)) == [(0,)]  # not without --with-photos
    assert _rows(dsn, "SELECT value FROM avsec.meta WHERE key = 'schema_version'") == [
        (str(DB_SCHEMA_VERSION),)
    ]
    for table in ("findings", "features"):
        [(valid, srid, n)] = _rows(
            dsn,
            f"SELECT bool_and(ST_IsValid(geom)), min(ST_SRID(geom)), count(*) FROM avsec.{table}",
        )
        assert (valid, srid) == (True, 4326), table
        [(indexdef,)] = _rows(
            dsn,
            "SELECT indexdef FROM pg_indexes WHERE schemaname = 'avsec' AND tablename = %s "
            "AND indexdef ILIKE '%%gist%%'",
            (table,),
        )
        assert "(geom)" in indexdef
    # The bow tie was made valid, not dropped: its area is two triangles of the 0.001° box.
    [(area,)] = _rows(dsn, "SELECT ST_Area(geom) FROM avsec.findings")
    assert area == pytest.approx(0.001 * 0.001 / 2)
    [(lon, lat)] = _rows(dsn, "SELECT ST_X(geom), ST_Y(geom) FROM avsec.assessments")
    assert (lon, lat) == (-80.0, 10.0)


def test_with_photos_publishes_the_bytes(dsn: str, visit: Path) -> None:
    publish(dsn, [visit], with_photos=True)
    assert _rows(dsn, "SELECT data FROM avsec.photos") == [(b"\xff\xd8photo",)]


def test_republish_replaces_never_duplicates(dsn: str, visit: Path, run) -> None:
    code, out, err = run("publish", visit, "--db", dsn)
    assert code == 0, err and out.startswith("published one.avsec")
    with AvsecFile.open(visit) as f:
        f.set_findings([])
    code, out, err = run("publish", visit, "--db", dsn)
    assert code == 0, err
    assert out.startswith("replaced one.avsec")
    assert _rows(dsn, "SELECT count(*) FROM avsec.assessments") == [(1,)]
    assert _rows(dsn, "SELECT count(*) FROM avsec.responses") == [(3,)]
    assert _rows(dsn, "SELECT count(*) FROM avsec.findings") == [(0,)]


def test_two_publishers_at_once(dsn: str, visit: Path, tmp_path: Path) -> None:
    other = make_visit(tmp_path / "two.avsec", {"PER-01": "compliant"}, where=airport("ZZTB"))
    errors: list[BaseException] = []
    start = threading.Barrier(4)

    def worker(path: Path) -> None:
        start.wait()
        try:
            publish(dsn, [path])
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(p,)) for p in (visit, visit, other, other)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert _rows(dsn, "SELECT count(*) FROM avsec.assessments") == [(2,)]
    assert _rows(dsn, "SELECT count(*) FROM avsec.responses") == [(4,)]
    assert _rows(dsn, "SELECT count(*) FROM avsec.features") == [(2,)]


def test_an_older_copy_is_refused_unless_forced(dsn: str, visit: Path, tmp_path: Path, run) -> None:
    older = tmp_path / "older.avsec"
    shutil.copy(visit, older)
    with AvsecFile.open(visit) as f:
        # A later edit of the original (the journal's clock, set far ahead to stay exact).
        f._conn.execute(
            "INSERT INTO changes (at, who, what) VALUES ('2099-01-01T00:00:00+00:00', 't', 'x')"
        )
    publish(dsn, [visit])
    with pytest.raises(OlderCopyError, match="newer state"):
        publish(dsn, [older])
    code, _, err = run("publish", older, "--db", dsn)
    assert code != 0 and err.count("\n") == 1 and "--force" in err
    code, out, err = run("publish", older, "--db", dsn, "--force")
    assert code == 0, err
    [(when,)] = _rows(dsn, "SELECT last_change FROM avsec.assessments")
    assert when.year < 2099


def test_a_database_that_is_down_is_one_clear_line(visit: Path, tmp_path: Path, run) -> None:
    down = f"host={tmp_path} dbname=avsec user=postgres"  # no server listens there
    code, out, err = run("publish", visit, "--db", down)
    assert code == 2 and out == ""
    assert err.startswith("avsec: error: database avsec on ") and "cannot connect" in err
    assert err.count("\n") == 1
    code, _, err = run("portfolio", "--db", down, "--json")
    assert code == 2 and err.count("\n") == 1


def test_a_password_on_the_command_line_is_refused(visit: Path, run) -> None:
    code, _, err = run("publish", visit, "--db", "host=/nowhere dbname=x password=secret")
    assert code == 2 and "PGPASSWORD" in err and "secret" not in err


def test_portfolio_from_database_equals_portfolio_from_files(
    dsn: str, visit: Path, tmp_path: Path, run
) -> None:
    folder = tmp_path / "visits"
    folder.mkdir()
    shutil.move(visit, folder / "one.avsec")
    make_visit(
        folder / "b1.avsec",
        {"PER-01": "compliant", "PER-02": "not_compliant"},
        where=airport("ZZTB", "Bravo"),
        started=dt.date(2024, 1, 5),
    )
    make_visit(
        folder / "b2.avsec",
        {"PER-01": "not_compliant", "ACP-02": "compliant"},
        where=airport("ZZTB", "Bravo"),
        started=dt.date(2025, 1, 5),
        actions=[Action(id="a-9", title="x", due=dt.date(2025, 2, 1))],
    )
    files = sorted(folder.glob("*.avsec"))
    publish(dsn, files)
    from_files = portfolio_of_files([folder], today=TODAY).to_json()
    from_db = portfolio_of_database(dsn, today=TODAY).to_json()
    assert from_db == from_files
    assert [a["icao"] for a in from_db["airports"]] == ["ZZTA", "ZZTB"]
    code, out_db, err = run("portfolio", "--db", dsn, "--json")
    assert code == 0, err
    code, out_files, err = run("portfolio", folder, "--json")
    assert code == 0, err
    assert json.loads(out_db) == json.loads(out_files)


def test_gis_tools_read_the_findings_layer(dsn: str, visit: Path) -> None:
    """GDAL's PostGIS driver (the one QGIS uses) sees the layer, its SRS and its feature."""
    import subprocess

    publish(dsn, [visit])
    done = subprocess.run(
        ["ogrinfo", "-ro", "-so", f"PG:{dsn}", "avsec.findings"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Feature Count: 1" in done.stdout
    assert 'ID["EPSG",4326]' in done.stdout


def test_only_publish_and_portfolio_db_load_the_database_client(visit: Path) -> None:
    import subprocess
    import sys

    code = (
        "import sys; from avsec.cli import main; "
        f"main(['portfolio', {str(visit)!r}, '--json']); main(['info', {str(visit)!r}]); "
        "main(['score', {0!r}]); "
        "sys.exit(3 if 'psycopg' in sys.modules else 0)"
    ).replace("{0!r}", repr(str(visit)))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
