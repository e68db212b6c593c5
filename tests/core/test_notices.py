"""Notices (warnings kept as msgid + fields) read English as a ``str`` and translate where
shown; the expected texts are written out by hand from the catalogues' wording."""

from __future__ import annotations

import json

import avsec.io  # noqa: F401 - installs the gettext catalogues
from avsec.core.errors import InputError, Phrase
from avsec.core.i18n import N_
from avsec.core.notices import Joined, Notice, Number, notice_text

SKIPPED = N_("{name}: skipped {count} feature, {tag}: {reason} ({places})")
SKIPPED_MANY = N_("{name}: skipped {count} features, {tag}: {reason} ({places})")


def _skipped(count: int) -> Notice:
    return Notice(
        SKIPPED,
        plural=SKIPPED_MANY,
        name="x.geojson",
        count=count,
        tag="aeroway=runway",
        reason=Notice(N_("a runway, inside the airside zone")),
        places=Joined([Notice(N_("feature {index}"), index=3)], more=count > 1),
    )


def test_a_notice_is_its_english_line() -> None:
    note = _skipped(2)
    assert isinstance(note, str)
    assert note == (
        "x.geojson: skipped 2 features, aeroway=runway: a runway, inside the airside zone "
        "(feature 3 …)"
    )
    # Stored or printed as JSON, it is the English text.
    assert json.loads(json.dumps({"w": note})) == {"w": str(note)}


def test_a_notice_and_its_fields_translate_together() -> None:
    assert _skipped(1).in_language("es") == (
        "x.geojson: se omitió 1 elemento, aeroway=runway: una pista, dentro de la zona de la "
        "parte aeronáutica (elemento 3)"
    )
    assert _skipped(2).in_language("fr") == (
        "x.geojson : 2 objets ignorés, aeroway=runway : une piste, à l'intérieur de la zone "
        "côté piste (objet 3 …)"
    )


def test_the_plural_follows_the_language_rule() -> None:
    # English says "0 features"; French and Brazilian Portuguese count 0 in the singular.
    assert _skipped(0).startswith("x.geojson: skipped 0 features")
    assert _skipped(0).in_language("fr").startswith("x.geojson : 0 objet ignoré,")
    assert _skipped(0).in_language("pt").startswith("x.geojson: 0 elemento ignorado,")
    assert _skipped(0).in_language("es").startswith("x.geojson: se omitieron 0 elementos,")


def test_numbers_are_written_as_the_language_writes_them() -> None:
    far = Notice(
        N_("{name}: layer centre is {km} km from the airport; check the file"),
        name="far.geojson",
        km=Number(1234.4),
    )
    assert far == "far.geojson: layer centre is 1,234 km from the airport; check the file"
    assert far.in_language("pt") == (
        "far.geojson: o centro da camada está a 1.234 km do aeroporto; verifique o arquivo"
    )
    # French groups with a narrow no-break space.
    assert far.in_language("fr") == (
        "far.geojson : le centre de la couche est à 1\u202f234 km de l'aéroport ; "
        "vérifiez le fichier"
    )


def test_an_error_translates_its_notice_fields() -> None:
    place = Notice(
        N_("{name}: {feature}"), name="a.geojson", feature=Notice(N_("feature {index}"), index=0)
    )
    error = InputError(N_("{place}: properties must be an object"), place=place)
    assert str(error) == "a.geojson: feature 0: properties must be an object"
    assert error.in_language("es").startswith("a.geojson: elemento 0: ")
    assert Phrase(N_("(any)")).in_language("es") == "(cualquiera)"


def test_plain_text_is_shown_as_it_is() -> None:
    assert notice_text("an old warning", "es") == "an old warning"
    assert notice_text(Notice(N_("no geometry")), "pt") == "sem geometria"
