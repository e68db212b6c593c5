"""The command line speaks the language of ``--lang``: results and one-line errors in Spanish,
English without it. The expected Spanish is written out here, not read from the catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from avsec.cli import main
from avsec.core.errors import AvsecError, InputError, Phrase
from avsec.core.i18n import N_


def test_an_unknown_airport_is_one_spanish_line(run, tmp_path: Path):
    code, out, err = run("new", tmp_path / "a.avsec", "--airport", "QQQQ", "--lang", "es")
    assert code == 2 and out == ""
    assert err.startswith("avsec: error: código de aeropuerto desconocido 'QQQQ'")
    assert err.count("\n") == 1


def test_the_same_error_without_lang_is_english(run, tmp_path: Path):
    code, _, err = run("new", tmp_path / "a.avsec", "--airport", "QQQQ")
    assert code == 2
    assert err.startswith("avsec: error: unknown airport code 'QQQQ'")


def test_an_output_folder_that_does_not_exist_is_refused_in_spanish(run, mini_file, tmp_path):
    out = tmp_path / "missing" / "r.pdf"
    code, _, err = run("report", mini_file, "-o", out, "--lang", "es")
    assert code == 2
    assert err == f"avsec: error: {out}: la carpeta {out.parent} no existe\n"


def test_a_bad_date_argument_is_refused_in_spanish(mini_file, capsys):
    # argparse refuses the value while it parses: the language is read from the arguments first.
    with pytest.raises(SystemExit) as exit_:
        main(["edit", str(mini_file), "--started", "2026-13-01", "--lang", "es"])
    assert exit_.value.code == 2
    assert "'2026-13-01' no es una fecha como 2026-03-14" in capsys.readouterr().err


def test_results_and_table_headers_follow_lang(run, mini_file):
    code, out, _ = run("score", mini_file, "--lang", "es")
    assert code == 0
    assert out.splitlines()[0].split()[:3] == ["área", "cobertura", "EI"]
    code, out, _ = run("score", mini_file)
    assert out.splitlines()[0].split()[:3] == ["area", "coverage", "EI"]


def test_an_error_fills_its_fields_after_translating():
    error = InputError(N_("{name}: the file is empty"), name="capa.geojson")
    assert str(error) == "capa.geojson: the file is empty"
    assert error.in_language("es") == "capa.geojson: el archivo está vacío"
    assert error.in_language("en") == str(error)


def test_a_phrase_field_and_an_error_field_are_translated_with_the_message():
    hint = Phrase(N_(" (the file ends early: is it truncated?)"))
    error = InputError(
        N_("{name}: not valid JSON at line {lineno}, column {colno}: {msg}{hint}"),
        name="a.json",
        lineno=3,
        colno=1,
        msg="Expecting value",
        hint=hint,
    )
    assert error.in_language("es") == (
        "a.json: JSON no válido en la línea 3, columna 1: Expecting value"
        " (el archivo termina antes de tiempo: ¿está truncado?)"
    )
    outer = AvsecError(
        N_("{name}: {reason}"), name="x.pdf", reason=InputError(N_("invalid checklist"))
    )
    assert outer.in_language("es") == "x.pdf: lista de verificación no válida"


def test_an_untranslated_message_stays_english():
    assert InputError("no such msgid {x}", x=1).in_language("es") == "no such msgid 1"


def test_lang_before_the_verb_speaks_portuguese_and_french_for_any_verb(run, tmp_path: Path):
    # `info` has no --lang of its own: the one before the verb sets the language of the run.
    missing = tmp_path / "nada.avsec"
    code, out, err = run("--lang", "pt", "info", missing)
    assert code == 2 and out == ""
    assert err == f"avsec: error: {missing}: arquivo inexistente\n"
    code, _, err = run("--lang", "fr", "info", missing)
    assert err == f"avsec: error: {missing} : fichier introuvable\n"


def test_lang_before_the_verb_is_the_verbs_language_too(run, mini_file):
    code, out, _ = run("--lang", "fr", "score", mini_file)
    assert code == 0
    assert out.splitlines()[0].split()[:3] == ["secteur", "couverture", "EI"]


def test_a_stale_addition_is_refused_in_french():
    from avsec.store.stale import _STALE, StaleEdit

    error = StaleEdit(_STALE[True, False], name="a.avsec", what="response PER-02", more=0)
    assert str(error).startswith("a.avsec: the response PER-02 was added in another program")
    assert error.in_language("fr").startswith(
        "a.avsec : response PER-02 a été ajouté dans un autre programme"
    )
