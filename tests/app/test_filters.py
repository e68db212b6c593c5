"""The walker's filter criteria (avsec.app.filters), without a widget."""

from __future__ import annotations

from avsec.app.filters import FilterCriteria


def test_every_set_criterion_must_match(mini_checklist) -> None:
    item = mini_checklist.item("PER-01")
    area = next(a.id for a in mini_checklist.areas if any(i.id == "PER-01" for i in a.items))
    assert not FilterCriteria().active and FilterCriteria().matches(item, area, "", "", "en")
    assert FilterCriteria(status="compliant").matches(item, area, "compliant", "", "en")
    assert not FilterCriteria(status="compliant").matches(item, area, "not_compliant", "", "en")
    assert not FilterCriteria(area="elsewhere").matches(item, area, "", "", "en")
    assert FilterCriteria(weight=item.weight).matches(item, area, "", "", "en")
    assert not FilterCriteria(weight=item.weight % 3 + 1).matches(item, area, "", "", "en")
    assert FilterCriteria(text="  per-01 ").matches(item, area, "", "", "en")
    assert FilterCriteria(text="HOLE in").matches(item, area, "", "a hole in the fence", "es")
    assert not FilterCriteria(text="hole", status="compliant").matches(
        item, area, "not_compliant", "a hole", "en"
    )


def test_text_matches_the_shown_language_and_english(mini_checklist) -> None:
    item = mini_checklist.item("PER-01")  # "Is the fence continuous?" / "¿Es continua la cerca?"
    assert FilterCriteria(text="cerca").matches(item, "", "", "", "es")
    assert not FilterCriteria(text="cerca").matches(item, "", "", "", "en")
    assert FilterCriteria(text="continuous").matches(item, "", "", "", "es")
    assert FilterCriteria(text="patrol logs").matches(item, "", "", "", "en")
