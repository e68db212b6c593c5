"""Issue 16, item 3: ``avsec demo --lang L --no-gui`` writes a report with no English left.

The text of the demo report in each complete language (tests/languages.py) is compared line
by line with the English report: fewer than 3 % of its lines with letters may be identical,
ids and numbers aside (tests/report_lines.py). Portuguese and French join when their texts do.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from avsec.cli import main
from tests.languages import TRANSLATED_LANGUAGES
from tests.report_lines import MAX_SHARED_SHARE, compare, lines_with_letters, normalise, pdf_text


def _demo_report(folder: Path, lang: str) -> str:
    code = main(["demo", "--lang", lang, "--no-gui", "--out", str(folder)])
    assert code == 0
    return pdf_text(folder / "report.pdf")


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> str:
    return _demo_report(tmp_path_factory.mktemp("demo-en"), "en")


@pytest.mark.parametrize("lang", TRANSLATED_LANGUAGES)
def test_the_demo_report_has_no_english_left(
    english: str, lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    translated = _demo_report(tmp_path, lang)
    capsys.readouterr()
    result = compare(english, translated)
    assert result.lines > 1000  # the whole report, not a page of it
    assert result.share < MAX_SHARED_SHARE, (
        f"{len(result.shared)} of {result.lines} lines of the {lang} report are English:\n"
        + "\n".join(result.shared[:40])
    )


def test_ids_and_numbers_are_set_aside() -> None:
    assert normalise("PER-03  A17:4.2.1 perimeter_gap 1.234,5 m 52 %") == "# # # # m #"
    assert normalise("ZZEJ — EI 75 %") == "# — # #"
    assert lines_with_letters("12\n2025-03-01\nPER-03\nPage 3 of 9\n") == ["Page # of #"]


def test_an_untranslated_report_is_caught() -> None:
    english = "Executive summary\nFindings by area\nPER-03 Fence height 2.1 m\nPage 1 of 2\n"
    french = "Synthèse\nFindings by area\nPER-03 Hauteur de clôture 2,1 m\nPage 1 sur 2\n"
    result = compare(english, french)
    assert result.lines == 4 and result.shared == ["Findings by area"]
    assert result.share == 0.25 > MAX_SHARED_SHARE
    translated = (
        "Synthèse\nConstatations par domaine\nPER-03 Hauteur de clôture 2,1 m\nPage 1 sur 2\n"
    )
    assert compare(english, translated).share == 0
