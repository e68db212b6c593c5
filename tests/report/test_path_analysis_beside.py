"""The report's path analysis run in a forked child: the same result, and a safe fallback."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
from pypdf import PdfReader

from avsec.core.errors import PathAnalysisError
from avsec.report import path_analysis
from avsec.report.path_analysis import PathAnalysis, analyse, decode, encode
from avsec.report.pdf import build_report
from tests.report.pdfcheck import page_texts
from tests.report.test_paths_section import _layout


def test_the_child_answers_what_the_analysis_gives_here(make_doc) -> None:
    doc = make_doc(features=_layout())
    here = analyse(doc)
    beside = PathAnalysis.in_background(doc)
    # A child was forked (Linux, and no other thread that a child could inherit a lock from).
    child = beside._child
    assert child is not None, [t.name for t in threading.enumerate()]
    got = beside.result()
    assert got.targets == here.targets  # every route element, figure and upgrade
    assert got.params == here.params
    assert got.weakest is not None and got.weakest.target == "cp"
    x, y = got.weakest.route[0].xy
    assert got.projection.point_to_lonlat(x, y) == here.projection.point_to_lonlat(x, y)
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)  # the child was reaped: no zombie left
    assert beside.result() is got  # asked again: the same answer, not a second analysis


def test_the_json_keeps_every_digit(make_doc) -> None:
    result = analyse(make_doc(features=_layout()))
    again = decode(encode(result))
    floats = [e.delay_s for t in result.targets for e in t.route]
    assert [e.delay_s for t in again.targets for e in t.route] == floats
    assert all(isinstance(e.xy, tuple) or e.xy is None for t in again.targets for e in t.route)


def test_a_refused_layout_is_refused_in_the_parent(make_doc) -> None:
    """The child answers nothing; the parent analyses again and raises the typed error."""
    doc = make_doc(features=[f for f in _layout() if f.kind != "airside"])
    beside = PathAnalysis.in_background(doc)
    with pytest.raises(PathAnalysisError, match="no airside zone"):
        beside.result()


def test_a_garbled_answer_is_analysed_again(make_doc, monkeypatch) -> None:
    doc = make_doc(features=_layout())
    monkeypatch.setattr(path_analysis, "encode", lambda result: b'{"targets": [')
    beside = PathAnalysis.in_background(doc)
    assert beside._child is not None
    assert beside.result().targets == analyse(doc).targets


def test_a_report_that_ends_early_leaves_no_child(make_doc) -> None:
    beside = PathAnalysis.in_background(make_doc(features=_layout()))
    child = beside._child
    beside.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(child or -1, os.WNOHANG)


def test_the_report_reads_the_same_with_the_analysis_beside(make_doc, tmp_path: Path) -> None:
    doc = make_doc(features=_layout())
    here = build_report(doc, tmp_path / "here.pdf", lang="en", photo_loader=lambda _: None)
    beside = build_report(
        doc,
        tmp_path / "beside.pdf",
        lang="en",
        photo_loader=lambda _: None,
        path_analysis=PathAnalysis.in_background(doc),
    )
    assert page_texts(PdfReader(beside)) == page_texts(PdfReader(here))
    assert "Weakest route: Vault" in " ".join(page_texts(PdfReader(beside)))


def test_the_parent_takes_the_childs_answer(make_doc, monkeypatch) -> None:
    """Once the child is started, the parent cannot analyse (patched to fail): the result it
    gives is the child's."""
    doc = make_doc(features=_layout())
    expected = analyse(doc).targets
    beside = PathAnalysis.in_background(doc)
    assert beside._child is not None

    def refuse(_doc: object) -> None:
        raise AssertionError("analysed in the parent")

    monkeypatch.setattr(path_analysis, "analyse", refuse)
    assert beside.result().targets == expected


def test_a_report_that_fails_first_does_not_wait_for_the_analysis(make_doc) -> None:
    """close() before the answer was asked ends the child at once (SIGTERM)."""
    beside = PathAnalysis.in_background(make_doc(features=_layout()))
    child = beside._child
    assert child is not None
    beside.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(child, os.WNOHANG)
