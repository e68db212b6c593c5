"""Airport metadata from the airportsdata package (offline)."""

from __future__ import annotations

import difflib
from functools import lru_cache
from typing import Any

import airportsdata

from avsec.core.assessment import Airport
from avsec.core.errors import UnknownAirport


@lru_cache(maxsize=1)
def _by_icao() -> dict[str, dict[str, Any]]:
    table: dict[str, dict[str, Any]] = airportsdata.load("ICAO")  # type: ignore[assignment]
    return table


@lru_cache(maxsize=1)
def _by_iata() -> dict[str, dict[str, Any]]:
    return {row["iata"]: row for row in _by_icao().values() if row.get("iata")}


def _to_airport(row: dict[str, Any]) -> Airport:
    return Airport(
        icao=row["icao"],
        iata=row.get("iata") or "",
        name=row["name"],
        city=row.get("city") or "",
        country=row.get("country") or "",
        lat=float(row["lat"]),
        lon=float(row["lon"]),
        tz=row.get("tz") or "",
    )


def lookup_airport(code: str) -> Airport:
    """Return the airport with ICAO (4 letters) or IATA (3 letters) ``code``.

    Raises
    ------
    UnknownAirport
        With up to five close codes as suggestions.
    """
    key = code.strip().upper()
    row = _by_icao().get(key) or (_by_iata().get(key) if len(key) == 3 else None)
    if row is not None:
        return _to_airport(row)
    pool = list(_by_icao()) if len(key) != 3 else list(_by_iata())
    suggestions = difflib.get_close_matches(key, pool, n=5, cutoff=0.5)
    described = [f"{s} ({(_by_icao().get(s) or _by_iata()[s])['name']})" for s in suggestions]
    raise UnknownAirport(code, described)


def search_airports(text: str, limit: int = 20) -> list[Airport]:
    """Find airports whose ICAO, IATA, name or city contains ``text`` (codes first)."""
    needle = text.strip().lower()
    if not needle:
        return []
    exact: list[Airport] = []
    partial: list[Airport] = []
    for row in _by_icao().values():
        codes = (row["icao"].lower(), (row.get("iata") or "").lower())
        if needle in codes:
            exact.append(_to_airport(row))
        elif needle in row["name"].lower() or needle in (row.get("city") or "").lower():
            partial.append(_to_airport(row))
        if len(exact) + len(partial) >= limit * 4:
            break
    return (exact + partial)[:limit]


def custom_airport(
    name: str, lat: float, lon: float, icao: str = "", city: str = "", country: str = ""
) -> Airport:
    """Return an airport entered by hand (not in the database)."""
    return Airport(
        icao=icao.upper(), name=name, lat=lat, lon=lon, city=city, country=country, custom=True
    )
