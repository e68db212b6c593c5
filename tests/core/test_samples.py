"""Samples (avsec.core.samples): the Response fields, the suggestion rule and its sentence."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from avsec.core.assessment import MAX_SAMPLE_SIZE, Response
from avsec.core.checklist import ChecklistItem
from avsec.core.samples import failed_text, sample_line, sample_suggestion, worse


def _item(weight: int, sample: str | None = "badges") -> ChecklistItem:
    return ChecklistItem(id="IDS-01", question={"en": "Q"}, weight=weight, sample=sample)


def test_a_response_without_a_sample_still_loads() -> None:
    # A response as older files hold it: no sample fields at all.
    old = Response.model_validate_json('{"item_id": "IDS-01", "status": "compliant"}')
    assert old.sample_size is None and old.failures is None and not old.has_sample()


@pytest.mark.parametrize(
    ("size", "failures"),
    [(10, 11), (None, 0), (10, None), (0, 0), (10, -1), (MAX_SAMPLE_SIZE + 1, 0), (10.0, 2)],
)
def test_a_sample_out_of_range_is_refused(size: object, failures: object) -> None:
    with pytest.raises(ValidationError):
        Response.model_validate({"item_id": "IDS-01", "sample_size": size, "failures": failures})


@pytest.mark.parametrize(("size", "failures"), [(1, 0), (10, 10), (MAX_SAMPLE_SIZE, 3)])
def test_a_sample_in_range_is_kept(size: int, failures: int) -> None:
    response = Response(item_id="IDS-01", sample_size=size, failures=failures)
    assert (response.sample_size, response.failures) == (size, failures)


@pytest.mark.parametrize(
    ("weight", "size", "failures", "expected"),
    [
        (3, 10, 0, "compliant"),
        (2, 10, 0, "compliant"),
        (3, 10, 1, "not_compliant"),
        (3, 10, 10, "not_compliant"),
        (2, 10, 3, "partially_compliant"),
        (1, 20, 20, "partially_compliant"),
    ],
)
def test_the_documented_rule(weight: int, size: int, failures: int, expected: str) -> None:
    response = Response(item_id="IDS-01", sample_size=size, failures=failures)
    assert sample_suggestion(_item(weight), response) == expected


def test_no_sample_suggests_nothing() -> None:
    assert sample_suggestion(_item(3), None) is None
    assert sample_suggestion(_item(3), Response(item_id="IDS-01", status="compliant")) is None


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (None, None, None),
        ("compliant", None, "compliant"),
        (None, "partially_compliant", "partially_compliant"),
        ("compliant", "not_compliant", "not_compliant"),
        ("partially_compliant", "compliant", "partially_compliant"),
    ],
)
def test_the_worse_suggestion_wins(first: str | None, second: str | None, expected: str) -> None:
    assert worse(first, second) == expected


@pytest.mark.parametrize(
    ("lang", "failures", "size", "expected"),
    [
        ("en", 3, 10, "3 of 10 failed"),
        ("en", 1, 10, "1 of 10 failed"),
        ("es", 1, 10, "1 de 10 falló"),
        ("es", 3, 10, "3 de 10 fallaron"),
        ("pt", 1, 10, "1 de 10 falhou"),
        ("pt", 3, 10, "3 de 10 falharam"),
        ("fr", 1, 10, "1 sur 10 a échoué"),
        ("fr", 0, 10, "0 sur 10 a échoué"),
        ("fr", 3, 10, "3 sur 10 ont échoué"),
        ("en", 3, 1200, "3 of 1,200 failed"),
    ],
)
def test_failed_text_takes_each_languages_plural(
    lang: str, failures: int, size: int, expected: str
) -> None:
    assert failed_text(failures, size, lang) == expected


def test_sample_line_names_what_was_sampled() -> None:
    response = Response(item_id="IDS-01", sample_size=20, failures=2)
    assert sample_line(_item(2), response, "en") == "ID cards: 2 of 20 failed"
    assert sample_line(_item(2), response, "es") == ("Tarjetas de identificación: 2 de 20 fallaron")
    assert sample_line(_item(2), Response(item_id="IDS-01"), "en") == ""
