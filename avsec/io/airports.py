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


def _suggest(key: str, pool: list[str], limit: int = 5) -> list[str]:
    """Codes close to ``key``: one or two letters off first (a typo), then difflib's matches.

    Among equally close codes, airports with an IATA code (scheduled service) come first.
    """
    by_icao = _by_icao()

    def has_iata(code: str) -> bool:
        row = by_icao.get(code) or _by_iata().get(code)
        return bool(row and row.get("iata"))

    close = []
    for code in pool:
        if len(code) == len(key):
            distance = sum(a != b for a, b in zip(code, key, strict=True))
            if distance <= 2:
                close.append((distance, not has_iata(code), code))
    ranked = [code for _, _, code in sorted(close)]
    for code in difflib.get_close_matches(key, pool, n=limit, cutoff=0.6):
        if code not in ranked:
            ranked.append(code)
    return ranked[:limit]


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
    suggestions = _suggest(key, pool)
    described = [f"{s} ({(_by_icao().get(s) or _by_iata()[s])['name']})" for s in suggestions]
    raise UnknownAirport(code, described)


@lru_cache(maxsize=1)
def _search_index() -> list[tuple[str, str, str, str, tuple[str, ...], dict[str, Any]]]:
    index = []
    for row in _by_icao().values():
        name = row["name"].lower()
        city = (row.get("city") or "").lower()
        words = tuple(w for w in (name + " " + city).replace("-", " ").split() if w)
        index.append((row["icao"].lower(), (row.get("iata") or "").lower(), name, city, words, row))
    return index


def search_airports(text: str, limit: int = 20) -> list[Airport]:
    """Find airports by ICAO, IATA, name or city, best matches first.

    Exact codes come first, then airports in the city named ``text``, then those whose city,
    then name, starts with ``text``, then
    those with a word starting with it, then other substring matches; within each, airports with an IATA code (scheduled
    service) before private strips and heliports.
    """
    needle = text.strip().lower()
    if not needle:
        return []
    scored = []
    for icao, iata, name, city, words, row in _search_index():
        if needle in (icao, iata):
            rank = 0
        elif city == needle:
            rank = 1
        elif city.startswith(needle):
            rank = 2
        elif name.startswith(needle):
            rank = 3
        elif any(word.startswith(needle) for word in words):
            rank = 4
        elif needle in name or needle in city:
            rank = 5
        else:
            continue
        scored.append((rank, not iata, not icao.isalpha(), row["name"], row))
    scored.sort(key=lambda entry: entry[:4])
    return [_to_airport(entry[4]) for entry in scored[:limit]]


def custom_airport(
    name: str, lat: float, lon: float, icao: str = "", city: str = "", country: str = ""
) -> Airport:
    """Return an airport entered by hand (not in the database)."""
    return Airport(
        icao=icao.upper(), name=name, lat=lat, lon=lon, city=city, country=country, custom=True
    )
