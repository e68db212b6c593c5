"""The default handling marking comes from the catalogues and reads as before in every language
(the expected texts are written out here)."""

from __future__ import annotations

import avsec.io  # noqa: F401 - installs the catalogues, as the app and the command line do
from avsec.core.assessment import DEFAULT_MARKING, Airport, Assessment

ENGLISH = "RESTRICTED — AVIATION SECURITY SENSITIVE INFORMATION"
SPANISH = "RESTRINGIDO — INFORMACIÓN SENSIBLE DE SEGURIDAD DE LA AVIACIÓN"
PORTUGUESE = "RESERVADO — INFORMAÇÃO SENSÍVEL DE SEGURANÇA DA AVIAÇÃO"
FRENCH = "DIFFUSION RESTREINTE — INFORMATION SENSIBLE DE SÛRETÉ DE L'AVIATION"
EVERY = {"en": ENGLISH, "es": SPANISH, "pt": PORTUGUESE, "fr": FRENCH}


def test_the_default_marking_in_every_language():
    assert dict(DEFAULT_MARKING) == EVERY


def test_a_new_assessment_stores_every_marking():
    airport = Airport(name="Test Field", lat=10.0, lon=-80.0, custom=True)
    assessment = Assessment(title="t", airport=airport, checklist_id="c", checklist_version=1)
    assert assessment.handling_marking == EVERY
    assert assessment.marking("es") == SPANISH
    assert assessment.marking("fr") == FRENCH
    assert assessment.marking("de") == ENGLISH
