"""``avsec photo add FILE ITEM PHOTO...``: photos with EXIF attached from the command line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from avsec.store import AvsecFile
from tests.app.conftest import make_photo


def test_photo_add_stores_exif_and_makes_one_edit_per_photo(
    mini_file: Path, tmp_path: Path, run
) -> None:
    # Pillow writes the EXIF: 14.0615 N, 87.2172 W (near MHTG), taken 2025-03-12 10:14:59.
    north = make_photo(tmp_path / "north.jpg", lon=-87.2172, lat=14.0615)
    south = make_photo(tmp_path / "south.jpg", lon=-87.2, lat=14.05, colour="blue")
    with AvsecFile.open(mini_file) as f:
        journal = len(f.changes())
    code, out, err = run("photo", "add", mini_file, "PER-01", north, south)
    assert code == 0, err
    assert "north.jpg: attached to PER-01, 2025-03-12T10:14:59, taken at lon -87.217200" in out
    with AvsecFile.open(mini_file) as f:
        photos = {a.filename: a for a in f.attachments()}
        assert photos["north.jpg"].lon == pytest.approx(-87.2172, abs=1e-6)
        assert photos["north.jpg"].lat == pytest.approx(14.0615, abs=1e-6)
        assert photos["north.jpg"].taken == dt.datetime(2025, 3, 12, 10, 14, 59)
        response = f.response("PER-01")
        assert response is not None
        assert response.photos == [photos["north.jpg"].id, photos["south.jpg"].id]
        whats = [c["what"] for c in f.changes()[journal:]]
        # Each photo: its bytes, then one undoable link to the item.
        assert whats.count("response:PER-01") == 2
        assert sum(w.startswith("attachment:") for w in whats) == 2
        last = f.changes()[-1]
        assert last["before"]["photos"] == [photos["north.jpg"].id]

    code, out, _ = run("photo", "add", mini_file, "PER-01", north, "--json")
    assert code == 0
    report = json.loads(out)
    assert report["photos"][0]["attached"] is False and report["photos"][0]["lat"] == (
        pytest.approx(14.0615, abs=1e-6)
    )


@pytest.mark.parametrize(
    ("item", "photo", "message"),
    [
        ("PER-01", "broken.jpg", "broken.jpg"),
        ("NOPE-99", "fine.jpg", "NOPE-99: not an item"),
        ("PER-01", "missing.jpg", "missing.jpg: cannot be read"),
    ],
)
def test_photo_add_refuses_with_one_line_and_stores_nothing(
    mini_file: Path, tmp_path: Path, run, item, photo, message
) -> None:
    make_photo(tmp_path / "fine.jpg", lon=-87.2, lat=14.05)
    (tmp_path / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    before = mini_file.read_bytes()
    code, _, err = run("photo", "add", mini_file, item, tmp_path / "fine.jpg", tmp_path / photo)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert mini_file.read_bytes() == before
