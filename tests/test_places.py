"""Lookup rules of the offline gazetteer, on a small fixture table and on the real one."""

from __future__ import annotations

from pathlib import Path

import pytest
from geopy.location import Location

from gazetteer.errors import AmbiguousPlace, DataFileError
from gazetteer.places import Gazetteer, load_places, normalize

FIXTURE = Path(__file__).parent / "fixtures" / "places_small.csv"
HEADER = ("name,aliases,lat,lon,kind,township,district,state,pcode,coord_basis,"
          "coord_source\n")


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer(FIXTURE, secondary=False)


@pytest.mark.parametrize(("text", "key"), [
    ("Hpākān", "hpakan"),
    ("  KAN-PAIK-TI  Town ", "kan paik ti"),
    ("Myitkyina township", "myitkyina"),
    ("the Bhamo", "bhamo"),
    ("Puta-O", "puta o"),
    ("N'Ban", "n ban"),
    ("Town", "town"),
])
def test_normalize(text: str, key: str) -> None:
    assert normalize(text) == key


@pytest.mark.parametrize(("query", "name", "kind"), [
    ("Bhamo", "Bhamo", "exact"),
    ("bhamo", "Bhamo", "exact"),
    ("BHAMO TOWN", "Bhamo", "exact"),
    ("Banmaw", "Bhamo", "alias"),
    ("Hpākān", "Hpakant", "alias"),
    ("Hpakant township", "Hpakant", "exact"),
    ("Kanpaikti", "Kan Paik Ti", "alias"),
    ("Kan-Paik-Ti", "Kan Paik Ti", "exact"),
    ("Kan Paik Ti village", "Kan Paik Ti", "exact"),
    ("Myitkina", "Myitkyina", "fuzzy"),
    ("Myitkyinaa", "Myitkyina", "variant"),
    ("Banmau", "Bhamo", "variant"),
    ("Myitkyinna", "Myitkyina", "variant"),
    ("Bhamaw", "Bhamo", "variant"),
])
def test_lookup_rules(gaz: Gazetteer, query: str, name: str, kind: str) -> None:
    match = gaz.lookup(query)
    assert match is not None
    assert (match.place.name, match.match) == (name, kind)


@pytest.mark.parametrize(("query", "far_town"), [
    ("Hseng Taung", "Kengtung"),     # a Hpakant village, not the eastern Shan capital
    ("Nyaung Pyin", "Paungbyin"),
    ("Tilaung", "Pinlaung"),
])
def test_fuzzy_keeps_the_first_sound(query: str, far_town: str) -> None:
    """Letters alike are not enough: a misspelling keeps the name's first sound, so a
    village the table lacks is not read as a town hundreds of kilometres away."""
    match = Gazetteer.default().lookup(query)
    assert match is None or match.place.name != far_town


@pytest.mark.parametrize("query", ["Zzyzx", "Mandalayy Palace Road", "", "   ", "Bh"])
def test_unknown_is_none(gaz: Gazetteer, query: str) -> None:
    assert gaz.lookup(query) is None
    assert gaz.geocode(query) is None


def test_geocode_returns_geopy_location(gaz: Gazetteer) -> None:
    loc = gaz.geocode("Banmaw")
    assert isinstance(loc, Location)
    assert (loc.latitude, loc.longitude) == pytest.approx((24.25493, 97.23441))
    assert loc.raw["name"] == "Bhamo"
    assert loc.raw["pcode"] == "MMR001010701"
    assert loc.raw["match"] == "alias"
    assert "Bhamo" in loc.address


def test_ambiguity_is_reported_not_guessed(gaz: Gazetteer) -> None:
    with pytest.raises(AmbiguousPlace) as info:
        gaz.geocode("Myo Hla")
    assert {p.state for p in info.value.candidates} == {"Kachin", "Bago (East)"}
    assert "Shwegu" in str(info.value)
    assert isinstance(info.value, LookupError)


@pytest.mark.parametrize("hint", [
    {"state": "Kachin"}, {"state": "kachin state"}, {"township": "Shwegu"},
    {"near": (24.3, 96.8)},
])
def test_region_hint_settles_ambiguity(gaz: Gazetteer, hint: dict) -> None:
    loc = gaz.geocode("Myo Hla", **hint)
    assert loc.raw["township"] == "Shwegu"


def test_exactly_one_false_lists_candidates(gaz: Gazetteer) -> None:
    locs = gaz.geocode("Myo Hla", exactly_one=False)
    assert len(locs) == 2


def test_reverse_finds_nearest(gaz: Gazetteer) -> None:
    loc = gaz.reverse((25.39, 97.40))
    assert loc.raw["name"] == "Myitkyina"
    assert gaz.reverse((10.0, 100.0)) is None


def test_approximate_flag(gaz: Gazetteer) -> None:
    assert gaz.get("Laiza").approximate
    assert not gaz.get("Bhamo").approximate
    assert gaz.get("Bhamo").key == "MMR001010701"


def test_surface_forms_cover_names_and_aliases(gaz: Gazetteer) -> None:
    forms = gaz.surface_forms()
    assert forms["Banmaw"][0].name == "Bhamo"
    assert len(forms["Myo Hla"]) == 2


def test_suggestions(gaz: Gazetteer) -> None:
    assert gaz.suggest("Bhamoo Road")[0] == "Bhamo"


# -- bad data -------------------------------------------------------------------------
ROW_OK = 'Bhamo,Banmaw,24.25,97.23,town,Bhamo,Bhamo,Kachin,,sourced,"MIMU"\n'


@pytest.mark.parametrize(("rows", "line", "problem"), [
    ('Bhamo,,,97.23,town,Bhamo,Bhamo,Kachin,,sourced,x\n', 2, "missing lat"),
    ('Bhamo,,95.5,97.23,town,Bhamo,Bhamo,Kachin,,sourced,x\n', 2, "out of range"),
    ('Bhamo,,24.2,197.23,town,Bhamo,Bhamo,Kachin,,sourced,x\n', 2, "lon 197.23 is out"),
    ('Bhamo,,abc,97.23,town,Bhamo,Bhamo,Kachin,,sourced,x\n', 2, "not a number"),
    (ROW_OK + 'Bhamo,,24.3,97.2,town,Bhamo,Bhamo,Kachin,,sourced,x\n', 3, "appears twice"),
    (ROW_OK + 'Sinkan,Banmaw,24.3,97.2,village,Bhamo,Bhamo,Kachin,,sourced,x\n', 3,
     "also names 'Bhamo'"),
    ('Bhamo,,24.2,97.2,town,Bhamo,Bhamo,Kachin,,guess,x\n', 2, "coord_basis"),
    ('Bhamo,,24.2,97.2,town,Bhamo,Bhamo,Kachin,,sourced,\n', 2, "coord_source is empty"),
])
def test_bad_rows_name_file_and_line(tmp_path: Path, rows: str, line: int,
                                     problem: str) -> None:
    path = tmp_path / "places.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_places(path)
    assert info.value.line == line
    assert f"{path}:{line}:" in str(info.value)
    assert problem in str(info.value)


def test_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "places.csv"
    path.write_text("name,lat,lon\nBhamo,24,97\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="missing column"):
        load_places(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read"):
        load_places(tmp_path / "nope.csv")


def test_same_name_in_two_townships_is_allowed(tmp_path: Path) -> None:
    path = tmp_path / "places.csv"
    path.write_text(HEADER + ROW_OK
                    + 'Bhamo,,20.0,96.0,village,Yamethin,Yamethin,Mandalay,,sourced,x\n',
                    encoding="utf-8")
    assert len(load_places(path)) == 2
