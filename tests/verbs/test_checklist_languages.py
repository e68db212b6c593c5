"""``checklist validate``: bundled checklists carry every language, a user's may carry fewer."""

from __future__ import annotations

from pathlib import Path

import pytest

from avsec.core.i18n import LANGUAGES
from avsec.core.validation import carried_languages, checklist_problems, provision_problems
from avsec.io import checklists
from avsec.io.checklists import get_checklist, load_catalogue, load_checklist_file
from tests.languages import COMPLETE_LANGUAGES

NO_FRENCH = Path(__file__).parents[1] / "fixtures" / "no-french-checklist.yaml"


def test_the_fixture_carries_three_languages() -> None:
    checklist = load_checklist_file(NO_FRENCH)  # a user's checklist loads
    assert carried_languages(checklist) == ("en", "es", "pt")


def test_a_user_checklist_lacking_french_is_valid_and_told_so(run) -> None:
    code, out, err = run("checklist", "validate", str(NO_FRENCH))
    assert code == 0, err
    assert "no-french-checklist.yaml: ok (no-french v1, 2 items)" in out
    assert "no text in fr" in out and "pt" not in out.split("no text in")[1].split("(")[0]


def test_a_bundled_checklist_lacking_french_is_refused(run, monkeypatch) -> None:
    """The bundled files are validated with every language: the fixture stands in for them."""
    monkeypatch.setattr(checklists, "_bundled_files", lambda: [NO_FRENCH])
    code, out, err = run("checklist", "validate")
    assert code == 1
    ours = [line for line in err.splitlines() if line.startswith("no-french-checklist.yaml")]
    # The missing language is one line, not one per text; the languages it has pass.
    assert len(ours) == 1 and "checklist no-french: language fr: missing" in ours[0], ours
    assert "ok (no-french" not in out


def test_all_languages_flag_checks_a_file_as_bundled(run) -> None:
    code, _, err = run("checklist", "validate", "--all-languages", str(NO_FRENCH))
    assert code == 1 and "no-french-checklist.yaml: checklist no-french: language fr" in err


def test_a_language_carried_in_part_is_an_error_for_every_checklist(run, tmp_path) -> None:
    text = NO_FRENCH.read_text(encoding="utf-8")
    # Drop the Portuguese of one item's guidance: half a language is never complete.
    broken = text.replace(', pt: "Percorra a cerca."', "", 1)
    assert broken != text
    path = tmp_path / "half.yaml"
    path.write_text(broken, encoding="utf-8")
    code, _, err = run("checklist", "validate", str(path))
    assert code == 1 and "item PER-01: field guidance.pt: missing" in err


def test_the_bundled_checklist_is_complete_in_each_complete_language() -> None:
    bundled = get_checklist()
    assert checklist_problems("bundled", bundled, load_catalogue(), COMPLETE_LANGUAGES) == []


def test_the_provision_summaries_are_complete_in_each_complete_language() -> None:
    assert provision_problems("provisions.yaml", load_catalogue(), COMPLETE_LANGUAGES) == []


def test_validate_of_the_bundled_files_requires_the_four_languages(run) -> None:
    """Passes with every language once the texts are in; until then names what is missing."""
    code, out, err = run("checklist", "validate")
    missing = [lang for lang in LANGUAGES if lang not in COMPLETE_LANGUAGES]
    if not missing:
        assert code == 0 and "ok (icao-a17-access-control" in out, err
    else:
        assert code == 1
        for lang in missing:
            assert (
                f"icao-a17-access-control.yaml: checklist icao-a17-access-control: language {lang}: missing"
                in err
            )
            assert f"provisions.yaml: language {lang}: missing" in err


@pytest.mark.parametrize("lang", ["pt", "fr"])
def test_a_provision_lacking_one_summary_is_named(lang) -> None:
    catalogue = load_catalogue()
    first = catalogue.provisions[0]
    without = {k: v for k, v in first.summary.items() if k != lang}
    filled = catalogue.model_copy(
        update={
            "provisions": [
                p.model_copy(
                    update={
                        "title": {**p.title, lang: "x"},
                        "summary": {**p.summary, lang: "x"} if p.summary.get("en") else p.summary,
                    }
                )
                for p in catalogue.provisions
            ]
        }
    )
    assert provision_problems("p", filled, ["en", lang]) == []
    gap = filled.model_copy(
        update={
            "provisions": [
                filled.provisions[0].model_copy(update={"summary": without}),
                *filled.provisions[1:],
            ]
        }
    )
    assert provision_problems("p", gap, ["en", lang]) == [
        f"p: provision {first.id}: field summary.{lang}: missing"
    ]
