"""The debrief PDF: marking on every page, page x of y, every section, odd cases."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from workshop_helpers import MINI_KEY, MINI_RATIONALES

from avsec.core.errors import InputError
from avsec.workshop.compare import compare_files
from avsec.workshop.debrief import build_debrief, heat_map, team_scores_chart

PERFECT = {i: s for i, s in MINI_KEY.items() if s != "not_assessed"}


def _pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def test_debrief_sections_and_marking(key_file: Path, make_teams, tmp_path: Path) -> None:
    paths = make_teams({"Andes": PERFECT, "Caribe": {"PER-01": "compliant", "PER-02": "compliant"}})
    stray = tmp_path / "stray.avsec"
    stray.write_text("hello")
    comparison = compare_files(key_file, [*paths, stray])
    out = build_debrief(comparison, tmp_path / "debrief.pdf")
    pages = _pages(out)
    for number, text in enumerate(pages, start=1):
        assert text.count("RESTRICTED — AVIATION SECURITY SENSITIVE INFORMATION") == 2
        assert f"Page {number} of {len(pages)}" in text
    text = " ".join(pages)
    for heading in (
        "1 Team scores",
        "2 Answers of each team",
        "3 Agreement between teams",
        "4 Most disputed items",
        "5 Consolidated improvement outline",
    ):
        assert heading in text
    assert "stray.avsec" in text  # refused files are named on the first page
    assert MINI_RATIONALES["PER-01"][:40] in text.replace("\n", " ")
    assert not list(tmp_path.glob(".*partial"))


def test_one_perfect_team(key_file: Path, make_teams, tmp_path: Path) -> None:
    comparison = compare_files(key_file, make_teams({"Andes": PERFECT}))
    text = " ".join(_pages(build_debrief(comparison, tmp_path / "d.pdf", lang="es")))
    assert "no está disponible" in text  # kappa needs two teams
    assert "Todos los equipos dieron la respuesta de la clave" in text


def test_figures_have_one_row_per_team(key_file: Path, make_teams) -> None:
    comparison = compare_files(key_file, make_teams({"A": PERFECT, "B": {}, "C": {}}))
    heat = heat_map(comparison, "en")
    axis = heat.axes[0]
    assert [t.get_text() for t in axis.get_yticklabels()] == ["Answer key", "A", "B", "C"]
    assert len(axis.get_xticklabels()) == 5
    chart = team_scores_chart(comparison, "en")
    assert len(chart.axes[0].patches) == 3 * (1 + len(comparison.checklist.areas))


def test_output_folder_must_exist(key_file: Path, make_teams, tmp_path: Path) -> None:
    comparison = compare_files(key_file, make_teams({"A": PERFECT}))
    with pytest.raises(InputError, match="does not exist"):
        build_debrief(comparison, tmp_path / "nowhere" / "d.pdf")


def test_spanish_debrief_headers_words_and_metadata(
    key_file: Path, make_teams, tmp_path: Path
) -> None:
    from avsec.core.commands import replace_outline
    from avsec.core.outline import generate_outline
    from avsec.store import AvsecFile

    paths = make_teams({"Andes": PERFECT, "Caribe": {"PER-01": "compliant", "PER-02": "compliant"}})
    # Andes saved its outline in English: the Spanish debrief shows it in Spanish.
    with AvsecFile.open(paths[0]) as f:
        doc = f.document()
        outline = generate_outline(doc.checklist, doc.responses, lang="en")
        f.apply(replace_outline(doc, outline, "outline"))
    comparison = compare_files(key_file, paths)
    out = build_debrief(comparison, tmp_path / "d.pdf", lang="es")
    pages = _pages(out)
    words = " ".join(pages).split()
    # No header word is cut in two by a too narrow column.
    assert "Concordancia" in words and "Concordan" not in words
    text = " ".join(words)
    assert "Cierre toda abertura de la cerca" in text
    assert "Close every gap" not in text
    assert "3,00" in text  # priorities with the Spanish decimal comma
    meta = PdfReader(out).metadata
    assert "Anexo 17 de la OACI" in str(meta.get("/Keywords"))
    assert meta.title.startswith("Informe de cierre del taller")
    assert "RESTRINGIDO" in meta.subject


def test_fit_columns_keeps_header_words_whole() -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from avsec.report import styles as st

    titles = ["Ítem", "Concordancia", "Fundamento de la clave"]
    widths = st.fit_columns(titles, [200.0, 40.0, 300.0], st.FONT_BOLD, 8, 12)
    assert widths[1] >= stringWidth("Concordancia", st.FONT_BOLD, 8) + 12
    assert sum(widths) == pytest.approx(540.0)  # the room came from the other columns
    assert widths[0] < 200.0 and widths[2] < 300.0
    # Columns that already fit are left alone.
    assert st.fit_columns(["a", "b"], [50.0, 60.0]) == [50.0, 60.0]


def test_debrief_draws_the_palette_colours(key_file: Path, make_teams) -> None:
    """The colours the debrief's figures draw are the app's palette (read from the figures)."""
    from matplotlib.colors import to_hex

    from avsec.core import palette
    from avsec.workshop.compare import CATEGORIES

    comparison = compare_files(key_file, make_teams({"A": PERFECT, "B": {}}))
    heat = heat_map(comparison, "en")
    image = heat.axes[0].images[0]
    drawn = image.to_rgba(image.get_array())
    items = [item.id for item in comparison.items]
    # The key's row: each cell is painted in its status's colour.
    for column, item_id in enumerate(items):
        assert to_hex(drawn[0][column]) == palette.STATUS_CELL_COLOURS[MINI_KEY[item_id]]
    # Team B answered nothing: its whole row is the blank-answer grey.
    assert {to_hex(c) for c in drawn[2]} == {palette.STATUS_CELL_COLOURS["not_assessed"]}
    legend = [to_hex(p.get_facecolor()) for p in heat.legends[0].get_patches()]
    assert legend == [palette.STATUS_CELL_COLOURS[s] for s in CATEGORIES]
    # The chart's first series (overall) is the palette's first series colour.
    chart = team_scores_chart(comparison, "en")
    first_bars = chart.axes[0].patches[: len(comparison.teams)]
    assert {to_hex(b.get_facecolor()) for b in first_bars} == {palette.SERIES_COLOURS[0]}
