"""Issue 15 item 2: parameters cannot break a file."""

from __future__ import annotations

import math

import pytest
from pydantic import ValidationError

from avsec.core.assessment import PARAMETER_RANGES, PATH_PARAMETER_RANGES, RuleParameters
from avsec.core.commands import SetAssessment
from avsec.core.errors import StoreError
from avsec.store import AvsecFile
from tests.hardening.conftest import digest, one_line


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "-1", "1e9", "1e309"])
def test_edit_refuses_a_bad_parameter_and_the_file_still_opens(cli, run, mini_file, value):
    before = digest(mini_file)
    done = cli("edit", mini_file, "--param", f"clear_zone_m={value}")
    assert done.returncode == 2
    assert "clear_zone_m" in one_line(done.stderr)
    assert digest(mini_file) == before
    code, out, err = run("info", mini_file)
    assert code == 0, err


@pytest.mark.parametrize("name", sorted(PARAMETER_RANGES))
def test_every_rule_parameter_has_a_finite_range(name):
    low, high = PARAMETER_RANGES[name]
    assert math.isfinite(low) and math.isfinite(high) and low < high
    RuleParameters(**{name: high})  # the bounds themselves are accepted
    for bad in (math.inf, math.nan, high + 1, low - 1):
        with pytest.raises(ValidationError):
            RuleParameters(**{name: bad})


def test_the_ranges_cover_every_parameter_and_the_help_lists_them(cli):
    assert set(PARAMETER_RANGES) | set(PATH_PARAMETER_RANGES) == set(RuleParameters.model_fields)
    assert {"response_time_s", "run_speed_mps", "delay_sd_fraction"} <= set(PATH_PARAMETER_RANGES)
    text = " ".join(cli("edit", "--help").stdout.split())
    # The documented ranges (README "Security" and `avsec edit --help`), written out here.
    documented = {
        "perimeter_join_tolerance_m": 100,
        "perimeter_offset_tolerance_m": 100,
        "min_barrier_height_m": 20,
        "crossing_access_radius_m": 500,
        "access_point_boundary_m": 1000,
        "clear_zone_m": 100,
        "track_buffer_m": 500,
    }
    for name, high in documented.items():
        assert f"{name} (default" in text and f"0 to {high})" in text
        assert PARAMETER_RANGES[name] == (0.0, float(high))


def test_a_value_that_skipped_validation_is_refused_before_commit(mini_file):
    # model_copy does not validate: the store reads the record back before committing.
    with AvsecFile.open(mini_file) as f:
        header = f.assessment
        broken = RuleParameters.model_construct(
            **{**header.parameters.model_dump(), "clear_zone_m": math.inf}
        )
        changed = header.model_copy(update={"parameters": broken})
        with pytest.raises(StoreError, match="not saved"):
            f.apply(SetAssessment(header, changed))
        journal = len(f.changes())
    with AvsecFile.open(mini_file) as f:
        assert f.assessment.parameters.clear_zone_m == 3.0
        assert len(f.changes()) == journal


def test_a_feature_with_a_non_finite_coordinate_is_refused(mini_file):
    from avsec.core.commands import add_feature
    from avsec.core.layout import Feature

    point = {"type": "Point", "coordinates": [math.nan, 14.0]}
    with AvsecFile.open(mini_file) as f:
        with pytest.raises(StoreError, match="not saved"):
            f.apply(
                add_feature(
                    Feature.model_construct(
                        id="f1", kind="access_point", geometry=point, properties={}
                    )
                )
            )
        assert f.features() == []
