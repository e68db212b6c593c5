"""Issue 15 item 3: long text stays fast (capped at every entry point, split for reportlab)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

from avsec.core.actions import Action
from avsec.core.assessment import Response
from avsec.core.commands import SetResponse
from avsec.core.errors import StoreError
from avsec.core.textlimits import MAX_FIELD_CHARS, MAX_NOTES_CHARS
from avsec.report.longtext import MAX_BLOCK_CHARS, note_paragraphs, printed_excerpt, split_blocks
from avsec.store import AvsecFile
from tests.conftest import raw_sql
from tests.hardening.conftest import one_line


def test_the_model_caps_notes_and_fields():
    Response(item_id="X", notes="n" * MAX_NOTES_CHARS)
    with pytest.raises(ValidationError, match="longer than 65,536"):
        Response(item_id="X", notes="n" * (MAX_NOTES_CHARS + 1))
    with pytest.raises(ValidationError):
        Action(title="t", owner="o" * (MAX_FIELD_CHARS + 1))


def test_the_store_refuses_an_over_long_note_written_around_the_model(mini_file):
    long = Response.model_construct(
        item_id="PER-02",
        status="compliant",
        notes="n" * (MAX_NOTES_CHARS + 1),
        photos=[],
        updated=None,
        updated_by="",
    )
    with AvsecFile.open(mini_file) as f:
        with pytest.raises(StoreError, match="not saved"):
            f.apply(SetResponse("PER-02", None, long))
        assert "PER-02" not in f.responses()


def test_a_stored_longer_note_still_opens(mini_file):
    # A file written before the limit: reading never refuses it.
    with AvsecFile.open(mini_file) as f:
        raw_sql(f, "UPDATE responses SET notes = ? WHERE item_id = 'PER-01'", ("y" * 200_000,))
    with AvsecFile.open(mini_file) as f:
        assert len(f.responses()["PER-01"].notes) == 200_000


def test_csv_import_refuses_an_over_long_note(run, mini_file, tmp_path):
    csv = tmp_path / "long.csv"
    csv.write_text(f"item_id,status,notes\nPER-02,compliant,{'z' * (MAX_NOTES_CHARS + 1)}\n")
    code, _, err = run("responses", "import", mini_file, csv)
    assert code == 2 and "line 2" in one_line(err) and "65,536" in err


def test_cli_fields_are_capped(run, mini_file):
    code, _, err = run("edit", mini_file, "--title", "t" * (MAX_FIELD_CHARS + 1))
    assert code == 2 and "title" in one_line(err)


def test_long_text_is_split_in_order_without_losing_a_character():
    words = [f"w{i}" for i in range(30_000)]
    text = " ".join(words)
    blocks = split_blocks(text)
    assert all(len(b) <= MAX_BLOCK_CHARS for b in blocks)
    assert " ".join(blocks).split() == words  # same words, same order


def test_a_word_longer_than_a_block_is_cut_hard():
    blocks = split_blocks("x" * 5_000)
    assert [len(b) for b in blocks] == [1_200, 1_200, 1_200, 1_200, 200]


def test_the_report_prints_an_excerpt_and_says_how_much_is_left_out():
    text = "abc " * 2_500  # 10,000 characters
    shown, left_out = printed_excerpt(text)
    # By hand: 9,999 characters once stripped; the first 3,000 end with the "a" of a word,
    # so the cut falls at the space before it: 2,999 shown, 7,000 left out.
    assert len(shown) == 2_999 and shown.endswith("abc") and left_out == 7_000
    out = note_paragraphs(text, lambda b: b, lambda n: f"CUT {n}")
    assert out[-1] == f"CUT {left_out}"


def test_a_short_note_prints_whole():
    assert printed_excerpt("fence cut near gate 3") == ("fence cut near gate 3", 0)


def test_report_of_notes_at_the_limit_is_short(run, mini_file, tmp_path):
    # Every item with a 64 KB note: the report prints an excerpt of each (a few pages), not
    # the ~150 pages of full text; the time goes to benchmarks, the page count is checked here.
    from pypdf import PdfReader

    note = ("patrol gate fence badge " * 3_000)[:MAX_NOTES_CHARS]
    with AvsecFile.open(mini_file) as f:
        now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        for item in f.checklist.item_ids():
            before = f.response(item)
            f.apply(
                SetResponse(
                    item,
                    before,
                    Response(item_id=item, status="not_compliant", notes=note, updated=now),
                )
            )
    out = tmp_path / "r.pdf"
    code, _, err = run("report", mini_file, "-o", out)
    assert code == 0, err
    pages = len(PdfReader(out).pages)
    assert pages < 40


def test_a_checklist_text_at_the_cap_still_prints(run, tmp_path):
    # A recommendation of 65,000 characters in the summary's table of top gaps: the row
    # continues on the next page instead of failing the report with reportlab's LayoutError.
    from tests.hardening.conftest import MINI

    text = Path(MINI).read_text(encoding="utf-8")
    long = ("word " * 13_000).strip()
    assert '"Close every gap in the fence."' in text
    checklist = tmp_path / "long.yaml"
    checklist.write_text(text.replace('"Close every gap in the fence."', f'"{long}"'))
    path = tmp_path / "long.avsec"
    assert run("new", path, "--airport", "MHTG", "--checklist", checklist)[0] == 0
    answers = tmp_path / "answers.csv"
    answers.write_text("item_id,status,notes\nPER-01,not_compliant,gap\n", encoding="utf-8")
    assert run("responses", "import", path, answers)[0] == 0
    code, out, err = run("report", path, "-o", tmp_path / "long.pdf")
    assert code == 0, err
    assert (tmp_path / "long.pdf").read_bytes().startswith(b"%PDF")
