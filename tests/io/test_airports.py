"""Airport metadata from airportsdata."""

from __future__ import annotations

import pytest

from avsec.core.errors import UnknownAirport
from avsec.io.airports import custom_airport, lookup_airport, search_airports


def test_lookup_by_icao_and_iata() -> None:
    airport = lookup_airport("mhtg")
    assert (airport.icao, airport.iata, airport.country, airport.tz) == (
        "MHTG",
        "TGU",
        "HN",
        "America/Tegucigalpa",
    )
    assert airport.city == "Tegucigalpa" and 13 < airport.lat < 15
    assert lookup_airport("TGU").icao == "MHTG"


def test_unknown_code_suggests_close_matches() -> None:
    with pytest.raises(UnknownAirport) as err:
        lookup_airport("MHTX")
    assert err.value.suggestions
    assert "did you mean" in str(err.value)


def test_search_by_city() -> None:
    found = search_airports("tegucigalpa")
    assert any(a.icao == "MHTG" for a in found)


def test_custom_airport() -> None:
    airport = custom_airport("Finca Norte", 14.5, -87.1)
    assert airport.custom and airport.icao == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [("paris", {"LFPG", "LFPO"}), ("london", {"EGLL", "EGKK", "EGLC"}), ("toncontin", {"MHTG"})],
)
def test_search_ranks_served_airports_of_the_city_first(text: str, expected: set[str]) -> None:
    found = [a.icao for a in search_airports(text, limit=8)]
    assert expected <= set(found), found


def test_one_letter_typo_suggests_the_airport() -> None:
    with pytest.raises(UnknownAirport) as err:
        lookup_airport("MHTX")
    assert any(s.startswith("MHTG") for s in err.value.suggestions)
