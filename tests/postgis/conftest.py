"""A private PostgreSQL + PostGIS server for the publish tests, started and stopped here.

The server runs as the ``postgres`` user (tests run as root in CI; PostgreSQL refuses to run
as root), listens on a unix socket in a fresh temporary folder and on no TCP port. .ci/run
installs the Debian packages postgresql and postgis; without them the fixture fails, it never
skips.
"""

from __future__ import annotations

import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_counter = itertools.count()


def _bindir() -> Path:
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if not versions:
        pytest.fail(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): "
            "apt-get install postgresql postgis, as .ci/run does"
        )
    bindir = versions[-1].parent
    share = Path("/usr/share/postgresql") / bindir.parent.name / "extension" / "postgis.control"
    if not share.exists():
        pytest.fail(f"PostGIS is not installed ({share} missing): apt-get install postgis")
    return bindir


def _as_postgres(args: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *args]
    return args


@pytest.fixture(scope="session")
def pg_server() -> Iterator[dict[str, str]]:
    """Start the server; yield its socket folder and a template database with PostGIS."""
    bindir = _bindir()
    root = Path(tempfile.mkdtemp(prefix="avsec-pg-"))
    data, sockets = root / "data", root / "sock"
    sockets.mkdir()
    if os.geteuid() == 0:
        owner = pwd.getpwnam("postgres")
        for path in (root, sockets):
            os.chown(path, owner.pw_uid, owner.pw_gid)
    os.chmod(root, 0o755)
    os.chmod(sockets, 0o755)

    def run(args: list[str]) -> None:
        done = subprocess.run(_as_postgres(args), capture_output=True, text=True, check=False)
        if done.returncode != 0:
            pytest.fail(f"{' '.join(args[:2])} failed: {done.stderr.strip() or done.stdout}")

    run([str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "--no-sync"])
    options = f"-c listen_addresses='' -k {sockets} -c fsync=off -c max_connections=20"
    run(
        [
            str(bindir / "pg_ctl"),
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(root / "log"),
            "-w",
            "start",
        ]
    )
    try:
        psql = [str(bindir / "psql"), "-h", str(sockets), "-U", "postgres", "-v", "ON_ERROR_STOP=1"]
        run([*psql, "-d", "postgres", "-c", "CREATE DATABASE template_avsec"])
        run([*psql, "-d", "template_avsec", "-c", "CREATE EXTENSION postgis"])
        yield {"socket": str(sockets), "psql": " ".join(psql)}
    finally:
        subprocess.run(
            _as_postgres([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
            capture_output=True,
            check=False,
        )
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def dsn(pg_server: dict[str, str]) -> str:
    """A fresh database (PostGIS installed, nothing published) for one test."""
    import psycopg

    name = f"avsec_t{os.getpid()}_{next(_counter)}"
    admin = f"host={pg_server['socket']} dbname=postgres user=postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE template_avsec")
    return f"host={pg_server['socket']} dbname={name} user=postgres"
