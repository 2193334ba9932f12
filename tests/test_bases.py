"""The sourced table of military bases: designations by rule, each base at the town or
village a cited source names, and a loader that refuses unsourced or unplaceable rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from gazetteer.bases import BASE_COLUMNS, load_bases, unit_forms
from gazetteer.errors import DataFileError
from gazetteer.places import Gazetteer, haversine_km

HEADER = ",".join(BASE_COLUMNS) + "\n"
CITE = "Some outlet, https://example.org/report (says where it is)"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer(secondary=False)


def test_designations_are_spelled_out_by_rule() -> None:
    forms = unit_forms("IB 142")
    for spelling in ("IB-142", "IB No. 142", "Infantry Battalion 142",
                     "Infantry Battalion (IB) 142", "142nd Infantry Battalion"):
        assert spelling in forms
    assert "Battalion 142" not in forms  # KIA battalions are numbered too
    assert "Light Infantry Battalion No. 13" in unit_forms("LIB 13")
    assert "13 LIB" in unit_forms("LIB 13")  # "took the 13 LIB", number first
    assert "11th Light Infantry Battalion" in unit_forms("LIB 11")
    assert "Military Operations Command 21" in unit_forms("MOC-21")
    assert "Battalion 1002" in unit_forms("BGF 1002")
    assert unit_forms("Northern Command") == ["Northern Command"]


@pytest.mark.parametrize(("spelling", "unit", "town"), [
    ("IB 142", "IB 142", "Dawthponeyan"),
    ("infantry battalion (IB) 142", "IB 142", "Dawthponeyan"),
    ("the 142nd Infantry Battalion", "IB 142", "Dawthponeyan"),
    ("MOC-21", "MOC-21", "Bhamo"),
    ("Military Operations Command (MOC) 21", "MOC-21", "Bhamo"),
    ("Sa Ka Kha 21", "MOC-21", "Bhamo"),
    ("LIB-324", "LIB 324", "Namtu"),
    ("Light Infantry Battalion No. 437", "LIB 437", "Momauk"),
    ("Northeast Military Command", "Northeastern Command", "Lashio"),
    ("Northeastern Regional Military Command", "Northeastern Command", "Lashio"),
    ("the Northeastern RMC", "Northeastern Command", "Lashio"),
    ("the North-East Command", "Northeastern Command", "Lashio"),
    ("Northern Regional Command", "Northern Command", "Myitkyina"),
    ("Military Operations Command 1", "MOC-1", "Kyaukme"),
    ("Sa Ka Kha 1", "MOC-1", "Kyaukme"),
    ("the 503rd Light Infantry Battalion", "LIB 503", "Hsipaw"),
    ("Infantry Battalion (IB) 23", "IB 23", "Hsipaw"),
    ("IB-148", "IB 148", "Mogok"),
    ("Artillery Battalion (AB) 352", "AB 352", "Kyaukme"),
    ("No. 68 Light Infantry Regiment", "IB 68", "Lashio"),
    ("Light Infantry Battalion No. 309", "LIB 309", "Katha"),
    ("Danai Regional Operations Command", "Tanai Regional Operations Command", "Tanai"),
])
def test_spellings_find_the_base_at_its_town(gaz: Gazetteer, spelling: str, unit: str,
                                             town: str) -> None:
    spelling = spelling.removeprefix("the ")
    base = gaz.resolve_base(spelling)
    assert base is not None and base.name == unit
    anchor = gaz.lookup(town).place
    assert base.point == anchor.point and base.township == anchor.township
    assert base.kind == "military base" and base.approximate


def test_bases_at_villages_take_the_village_point(gaz: Gazetteer) -> None:
    bgf = gaz.resolve_base("BGF Battalion 1002")
    assert bgf is not None and "Lu Pi" in bgf.coord_source
    pangwa = gaz.lookup("Pangwa").place
    assert 5 < haversine_km(bgf.point, pangwa.point) < 20  # "about 10 km from Pangwa"
    assert gaz.resolve_base("IB 123").township == "Kutkai"
    aoc = gaz.resolve_base("Artillery Operations Command 902")
    assert aoc is not None and "Tawng Hkam" in aoc.coord_source
    nawnghkio = gaz.lookup("Nawnghkio").place
    assert 20 < haversine_km(aoc.point, nawnghkio.point) < 40  # "about 20 miles south"
    assert aoc.point[0] < nawnghkio.point[0]
    assert gaz.resolve_base("Light Infantry Battalion 143").township == "Kunlong"


def test_new_bases_carry_their_source_and_stay_apart(gaz: Gazetteer) -> None:
    mogok = gaz.resolve_base("148th Infantry Battalion")
    assert mogok is not None and "bnionline.net/en/node/105610" in mogok.coord_source
    assert mogok.state == "Mandalay" and mogok.approximate
    katha = gaz.resolve_base("LIB 309")
    assert katha is not None and katha.state == "Sagaing"
    assert "kachinnews.com" in katha.coord_source
    assert gaz.resolve_base("Sa Ka Kha 16").name == "MOC-16"  # not MOC-1
    assert gaz.resolve_base("IB 23") != gaz.resolve_base("LIB 503")


def test_unknown_or_bare_numbers_find_nothing(gaz: Gazetteer) -> None:
    for name in ("Battalion 142", "IB 9999", "LIB 13", "142", ""):
        assert gaz.resolve_base(name) is None


def test_every_base_cites_its_source_and_anchor(gaz: Gazetteer) -> None:
    bases = gaz.bases()
    assert len(bases) >= 45
    for base in bases:
        assert "http" in base.coord_source and "placed at" in base.coord_source
        assert base.state in ("Kachin", "Shan (North)", "Mandalay", "Sagaing")
        assert gaz.resolve_base(base.name) == base


def test_bases_never_answer_a_town_lookup(gaz: Gazetteer) -> None:
    assert gaz.lookup("MOC-21", fuzzy=False) is None


def _load(tmp_path: Path, *rows: str):
    path = tmp_path / "bases.csv"
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    gaz = Gazetteer(secondary=False)
    return path, lambda: load_bases(path, resolve_at=gaz._base_anchor)


@pytest.mark.parametrize(("row", "problem"), [
    (f'IB 7,,battalion,Nowhere Town,in town,"{CITE}"', "no gazetteer place"),
    ("IB 7,,battalion,Bhamo,in town,a friend told me", "must cite"),
    (f'IB 7,,battalion,Bhamo,somewhere,"{CITE}"', "basis must be"),
    (f'IB 7,,battalion,village:166341,in town,"{CITE}"', "goes with at=village"),
    (f'IB 7,,battalion,village:1,at village,"{CITE}"', "no gazetteer place"),
    (f',,battalion,Bhamo,in town,"{CITE}"', "empty name"),
    (f'IB 8,IB-7,battalion,Bhamo,in town,"{CITE}"', "also names IB 7"),
])
def test_loader_refuses_bad_rows_naming_the_line(tmp_path: Path, row: str,
                                                 problem: str) -> None:
    first = f'IB 7,,battalion,Bhamo,in town,"{CITE}"'
    rows = (first, row) if "IB-7" in row else (f'IB 6,,battalion,Mansi,in town,"{CITE}"', row)
    path, load = _load(tmp_path, *rows)
    with pytest.raises(DataFileError, match=problem) as err:
        load()
    assert err.value.line == 3 and err.value.path == str(path)


def test_loader_accepts_a_good_row(tmp_path: Path) -> None:
    _, load = _load(tmp_path, f'LIB 77,IB 77,light infantry battalion,Mansi,near town,"{CITE}"')
    (base,) = load()
    assert base.name == "LIB 77" and "IB 77" in base.aliases
    assert "near town" in base.coord_source and base.township == "Mansi"


@pytest.mark.parametrize("name, written", [
    ("AB 352", "352nd Artillery Battalion"),
    ("AB 352", "Artillery Battalion (AB) No. 352"),
    ("AOC 902", "Artillery Operation Command 902"),
    ("AOC 902", "AOC-902"),
    ("IB 68", "LIR 68"),  # an alias of the row, then spelled out by rule below
])
def test_artillery_and_regiment_designations_are_spelled_out_by_rule(name: str,
                                                                     written: str) -> None:
    base = Gazetteer.default().resolve_base(written)
    assert base is not None and base.name == name


def test_regiment_prefix_forms() -> None:
    assert "Light Infantry Regiment No. 68" in unit_forms("LIR 68")
    assert "68th Light Infantry Regiment" in unit_forms("LIR 68")
