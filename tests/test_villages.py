"""Villages and wards (MIMU 9.6 via mm-geo-coder): the vendored table, its checked loader,
and resolution that answers only when the context settles which village is meant."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path

import pytest

from gazetteer.errors import DataFileError
from gazetteer.places import Gazetteer, haversine_km
from gazetteer.settings import DATA_DIR, VILLAGES_CSV
from gazetteer.villages import VILLAGE_COLUMNS, VillageIndex, load_villages, name_forms

HEADER = ",".join(VILLAGE_COLUMNS) + "\n"


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer(secondary=False)


@pytest.fixture(scope="module")
def table() -> tuple:
    return load_villages(VILLAGES_CSV)


# -- the vendored table -------------------------------------------------------------------

def test_table_checksum_is_the_one_recorded_in_sources_md() -> None:
    digest = hashlib.sha256(VILLAGES_CSV.read_bytes()).hexdigest()
    assert digest in (DATA_DIR / "SOURCES.md").read_text(encoding="utf-8")


def test_table_covers_the_states_the_product_maps(table) -> None:
    places, _ = table
    villages = Counter(p.state for p in places if p.kind == "village")
    # MIMU 9.6 village counts of the kept states (the package's own table).
    assert villages == {"Kachin": 3164, "Sagaing": 6563, "Mandalay": 4975,
                        "Shan (North)": 8528, "Shan (East)": 4460}
    assert sum(1 for p in places if p.kind == "ward") > 900


def test_unlocated_villages_are_approximate_and_say_why(table) -> None:
    places, parents = table
    approximate = [p for p in places if p.approximate]
    assert 9000 < len(approximate) < 10000  # MIMU leaves about a third unlocated
    for place, parent in zip(places, parents, strict=True):
        if place.approximate:
            assert "no coordinate" in place.coord_source
            assert ("village tract " + parent in place.coord_source
                    or re.search(r"MIMU town MMR\d{9}", place.coord_source)
                    or "township" in place.coord_source)
        else:
            assert place.coord_source.endswith(f"{place.kind} {place.pcode}")


def test_villages_lie_in_their_state(table) -> None:
    from gazetteer.boundaries import distance_to_state_km

    places, _ = table
    km = [distance_to_state_km(p.lat, p.lon, p.state) for p in places]
    assert max(km) < 50  # the build discards MIMU points far outside (wards abroad)
    assert sum(d > 5 for d in km) < len(places) // 100  # generalised borders: Ngazun


def test_points_far_outside_their_state_were_discarded(table) -> None:
    places, _ = table
    (ward,) = [p for p in places if p.pcode == "MMR015009703501"]  # a Manhlyoe ward
    assert ward.approximate and "far outside" in ward.coord_source
    assert "MMR015009703" in ward.coord_source and 23 < ward.lat < 25
    assert sum("far outside" in p.coord_source for p in places) == 10


def test_districts_are_filled_from_the_towns_of_the_township(gaz: Gazetteer) -> None:
    (place,) = [p for p in gaz.village_candidates("Lu Pi") if p.township == "Chipwi"]
    assert place.district == "Myitkyina"


# -- the checked loader -------------------------------------------------------------------

@pytest.mark.parametrize(("row", "problem"), [
    ("1,x,Aa,Bb,Cc,Kachin,25.0,97.0,mimu", "kind must be"),
    ("1,v,,Bb,Cc,Kachin,25.0,97.0,mimu", "empty name"),
    ("1,v,Aa,Bb,Cc,Kachin,north,97.0,mimu", "not numbers"),
    ("1,v,Aa,Bb,Cc,Kachin,95.0,97.0,mimu", "out of range"),
    ("1,v,Aa,Bb,Cc,Kachin,25.0,97.0,guess", "unknown basis"),
    ("1,v,Aa,Bb,Cc,Kachin,25.0,97.0,town:", "unknown basis"),
])
def test_loader_names_file_and_line(tmp_path: Path, row: str, problem: str) -> None:
    path = tmp_path / "villages.csv"
    path.write_text(HEADER + "2,v,Zz,Yy,Xx,Kachin,25.1,97.1,mimu\n" + row + "\n",
                    encoding="utf-8")
    with pytest.raises(DataFileError, match=problem) as err:
        load_villages(path)
    assert err.value.line == 3 and err.value.path == str(path)


def test_loader_refuses_a_pcode_twice_and_a_missing_column(tmp_path: Path) -> None:
    path = tmp_path / "villages.csv"
    path.write_text(HEADER + "7,v,Aa,Bb,Cc,Kachin,25,97,mimu\n7,w,Dd,Ee,Ff,Kachin,25,97,mimu\n",
                    encoding="utf-8")
    with pytest.raises(DataFileError, match="appears twice"):
        load_villages(path)
    path.write_text("pcode,name,lat,lon\n1,Aa,25,97\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="missing column"):
        load_villages(path)


def test_columns_in_another_order_or_extra_load_the_same(tmp_path: Path) -> None:
    plain = tmp_path / "plain.csv"
    plain.write_text(HEADER + "7,v,Aa,Bb,Cc,Kachin,25,97,mimu\n"
                     "8,w,Dd Ward,Ee,Ff,Kachin,25.5,97.5,tract\n", encoding="utf-8")
    shuffled = tmp_path / "shuffled.csv"
    shuffled.write_text("note,basis,lon,lat,state,township,parent,name,kind,pcode\n"
                        "x,mimu,97,25,Kachin,Cc,Bb,Aa,v,7\n"
                        "y,tract,97.5,25.5,Kachin,Ff,Ee,Dd Ward,w,8\n", encoding="utf-8")
    assert load_villages(shuffled) == load_villages(plain)
    index = VillageIndex.load(shuffled)
    assert index.resolve("Dd", tract="Ee").pcode == "8"
    assert "village tract Ee" in index.by_pcode("8").coord_source


def test_a_short_row_is_named_by_its_line(tmp_path: Path) -> None:
    path = tmp_path / "villages.csv"
    path.write_text(HEADER + "7,v,Aa,Bb,Cc,Kachin,25,97,mimu\n\n8,v,Dd,Ee,Ff\n",
                    encoding="utf-8")
    with pytest.raises(DataFileError, match="not numbers") as err:
        VillageIndex.load(path)
    assert err.value.line == 4 and err.value.path == str(path)


def test_the_table_checked_at_once_and_row_by_row_agree(gaz: Gazetteer) -> None:
    from gazetteer.villages import _checked_rows, _read_table

    districts = {p.township: p.district for p in gaz.places}
    rows, parents = _read_table(VILLAGES_CSV, districts)
    assert (rows, list(parents)) == _checked_rows(VILLAGES_CSV, districts)


# -- names and resolution -----------------------------------------------------------------

def test_name_forms_cover_parentheses_and_wards() -> None:
    assert name_forms("Nam Hpat Kar (Ma Ru)") == {"Nam Hpat Kar (Ma Ru)", "Nam Hpat Kar",
                                                 "Ma Ru"}
    assert "Ah Lel Yat" in name_forms("Ah Lel Yat Ward")


def test_villages_never_answer_a_town_lookup(gaz: Gazetteer) -> None:
    assert gaz.lookup("Hawng Par", fuzzy=False) is None
    for town in ("Mansi", "Kutkai", "Waingmaw", "Bhamo"):
        assert gaz.lookup(town).place.kind == "town"
    assert gaz.village_candidates("Mansi") == () or all(
        p.kind in ("village", "ward") for p in gaz.village_candidates("Mansi"))


def test_a_name_alone_settles_nothing(gaz: Gazetteer) -> None:
    assert len(gaz.village_candidates("Ywar Thit")) > 100
    assert gaz.resolve_village("Ywar Thit") is None
    assert gaz.resolve_village("Hawng Par") is None  # even a rare name needs context


def test_township_settles_a_name_and_spelling_variants_count(gaz: Gazetteer) -> None:
    for spelling in ("Tar Ma Hkan", "Tar Ma Khan", "Tarmakhan village"):
        place = gaz.resolve_village(spelling, township="Hpakant")
        assert place is not None and place.pcode == "166795", spelling
    assert gaz.resolve_village("Tar Ma Khan", township="Phakant").pcode == "166795"
    assert gaz.resolve_village("Tar Ma Khan", township="Waingmaw") is None


def test_two_villages_of_one_name_in_a_township_need_more_context(gaz: Gazetteer) -> None:
    # Mansi Township has a Man Wein in Kone Tein tract and another in Man Wein tract,
    # about 40 km apart.
    assert gaz.resolve_village("Man Wein", township="Mansi") is None
    by_tract = gaz.resolve_village("Man Wein", township="Mansi", tract="Man Wein")
    assert by_tract is not None and by_tract.lat < 23.9
    mansi = gaz.lookup("Mansi").place.point
    near_town = gaz.resolve_village("Man Wein", near=mansi, max_km=20)
    assert near_town is not None and haversine_km(near_town.point, mansi) < 20
    assert near_town != by_tract
    # Several reference points: it must lie near one of them.
    both = gaz.resolve_village("Man Wein", township="Mansi",
                               near=[(10.0, 95.0), by_tract.point], max_km=5)
    assert both == by_tract


def test_numbered_parts_of_one_village_count_as_one_place() -> None:
    rows = [("1", "v", "Ho Ka (1)", "Ho Ka", "Tt", "25.00000", "97.00000", "tract"),
            ("2", "v", "Ho Ka (2)", "Ho Ka", "Tt", "25.00000", "97.00000", "tract"),
            ("3", "v", "Ho Ka (Upper)", "Ho Ka", "Tt", "25.00100", "97.00100", "mimu"),
            ("4", "v", "Ho Ka", "Other", "Tt", "25.30000", "97.00000", "mimu")]
    places, parents = [], []
    for pcode, kind, name, parent, tsp, lat, lon, basis in rows:
        from gazetteer.villages import _row_place

        row = dict(zip(VILLAGE_COLUMNS, (pcode, kind, name, parent, tsp, "Kachin", lat, lon,
                                         basis), strict=True))
        place, par = _row_place(Path("t.csv"), 1, row, {})
        places.append(place)
        parents.append(par)
    index = VillageIndex(places, parents)
    assert index.resolve("Ho Ka", township="Tt") is None  # the one 33 km away remains
    settled = index.resolve("Ho Ka", township="Tt", tract="Ho Ka")
    assert settled is not None and settled.pcode == "3"  # MIMU's own point preferred


def test_wards_resolve_within_their_town(gaz: Gazetteer) -> None:
    ward = gaz.resolve_village("Ah Lel Yat Ward", tract="Bhamo Town")
    assert ward is not None and ward.kind == "ward" and ward.township == "Bhamo"
    assert gaz.resolve_village("Ah Lel Yat", township="Bhamo") == ward


def test_an_approximate_village_says_so(gaz: Gazetteer) -> None:
    place = gaz.resolve_village("Man Wein Kawng Hsar", township="Mansi")
    assert place is not None and place.approximate
    assert "village tract Pang Hkam" in place.coord_source


# -- "X Gyi": the main village of its tract ---------------------------------------------------

def _index(tmp_path: Path, rows: str) -> VillageIndex:
    path = tmp_path / "villages.csv"
    path.write_text(HEADER + rows, encoding="utf-8")
    return VillageIndex.load(path)


ROWS = ("1,v,Nam Hka,Nam Hka,Alpha,Kachin,24.10,97.50,mimu\n"
        "2,v,Nam Hka,Ho Pang,Alpha,Kachin,24.30,97.20,mimu\n"
        "3,v,Loi Mun,Ho Pang,Alpha,Kachin,24.31,97.21,mimu\n"
        "4,v,Loi Mun,Loi Mun,Beta,Kachin,23.00,98.00,mimu\n")


def test_a_big_village_the_table_lacks_is_the_one_naming_its_tract(tmp_path: Path) -> None:
    index = _index(tmp_path, ROWS)
    found = index.resolve("Nam Hka Gyi", township="Alpha")
    assert found is not None and found.pcode == "1"
    assert found.coord_basis == "approximate" and "Nam Hka Gyi" in found.coord_source
    assert index.resolve("Nam Hka Gyi village", township="Alpha").pcode == "1"


def test_the_big_village_rule_needs_context_and_a_tract_head(tmp_path: Path) -> None:
    index = _index(tmp_path, ROWS)
    assert index.resolve("Nam Hka Gyi") is None  # no context at all
    assert index.resolve("Loi Mun Gyi", township="Alpha") is None  # heads no tract there
    found = index.resolve("Loi Mun Gyi", township="Beta")
    assert found is not None and found.pcode == "4"


def test_a_big_village_the_table_has_is_itself(tmp_path: Path) -> None:
    index = _index(tmp_path, ROWS + "5,v,Nam Hka Gyi,Ho Pang,Alpha,Kachin,24.35,97.25,mimu\n")
    found = index.resolve("Nam Hka Gyi", township="Alpha")
    assert found is not None and found.pcode == "5" and found.coord_basis == "sourced"


# -- the other name a village tract gives its namesake village --------------------------------

TRACT_ROWS = ("1,v,Ho Lum,Ho Lum (Ho Lawm),Alpha,Kachin,24.10,97.50,mimu\n"
              "2,v,Ho Lon,Ho Lum (Ho Lawm),Alpha,Kachin,24.16,97.50,mimu\n"
              "3,v,Pa Ma,Pa Ma (a) Sin Hkaw,Alpha,Kachin,24.40,97.40,mimu\n"
              "4,v,Kat Ti,Kat Ti (North),Alpha,Kachin,24.50,97.30,mimu\n"
              "5,v,Nam Ya,Nam Ya (Loi Kham),Alpha,Kachin,24.60,97.20,mimu\n"
              "6,v,Nam Ya,Nam Ya (Pang Hsa),Alpha,Kachin,24.90,97.60,mimu\n")


@pytest.mark.parametrize("written, pcode", [
    ("Ho Lawm", "1"),  # the tract's other name, not its spelling-twin "Ho Lon" beside it
    ("Ho Lawm village", "1"),
    ("Ho Lon", "2"),  # written as the table writes it: that one
    ("Sin Hkaw", "3"),  # "(a)": also known as
])
def test_a_tract_gives_its_namesake_village_another_name(tmp_path: Path, written: str,
                                                          pcode: str) -> None:
    found = _index(tmp_path, TRACT_ROWS).resolve(written, township="Alpha")
    assert found is not None and found.pcode == pcode


@pytest.mark.parametrize("written", [
    "North",  # "(North)" qualifies the tract's name
    "Loi Kham",  # two "Nam Ya" tracts: the parenthesis tells them apart
    "Pang Hsa",
])
def test_a_parenthesis_that_qualifies_a_tract_names_no_village(tmp_path: Path,
                                                               written: str) -> None:
    assert _index(tmp_path, TRACT_ROWS).resolve(written, township="Alpha") is None


def test_the_real_table_knows_a_tract_s_other_name(gaz: Gazetteer) -> None:
    found = gaz.resolve_village("Nawng Kawn", township="Momauk")
    assert found is not None and found.name == "Nawng Kun" and not found.approximate


# -- a final "t" the writer drops -------------------------------------------------------------

CLIP_ROWS = ("1,v,Nar Hpawt,Hpawt Tract,Alpha,Kachin,24.10,97.50,mimu\n"
             "2,v,Loi Sut,Loi Tract,Alpha,Kachin,24.20,97.40,mimu\n"
             "3,v,Loi Su,Loi Tract,Beta,Kachin,23.20,98.40,mimu\n"
             "4,v,Man Kat,Man Tract,Alpha,Kachin,24.30,97.30,mimu\n"
             "5,v,Man Kat,Man Tract,Alpha,Kachin,24.70,97.90,mimu\n")


@pytest.mark.parametrize("written", ["Nahpaw", "Na Hpaw", "Nar Hpaw village"])
def test_a_village_written_without_its_final_t_is_found_approximate(tmp_path: Path,
                                                                     written: str) -> None:
    found = _index(tmp_path, CLIP_ROWS).resolve(written, township="Alpha")
    assert found is not None and found.pcode == "1"
    assert found.coord_basis == "approximate" and "final 't'" in found.coord_source


def test_the_dropped_t_reading_is_the_last_resort(tmp_path: Path) -> None:
    index = _index(tmp_path, CLIP_ROWS)
    assert index.resolve("Nahpaw") is None  # no context: nothing, as for any village
    assert index.resolve("Loi Su", township="Beta").pcode == "3"  # written as the table has it
    assert index.resolve("Loi Su", township="Alpha").pcode == "2"  # only "Loi Sut" there
    assert index.resolve("Man Ka", township="Alpha") is None  # two 70 km apart: unsettled


def test_a_lone_village_is_settled_by_a_township_the_article_names() -> None:
    from support.extraction import run
    text = ("Troops raided a village in Hpakant township on Sunday. Residents fled. The KIA "
            "captured Tar Ma Hkan village on Tuesday.")
    got = [e for e in run(text) if e.place == "Tar Ma Hkan"]
    assert got and got[0].event_type == "capture"

