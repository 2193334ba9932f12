"""Integrity of the gazetteer's data: data/places.csv and the tables it is built from."""

from __future__ import annotations

import csv
import subprocess
import sys
from collections import defaultdict

import pytest

from gazetteer.boundaries import distance_to_state_km
from gazetteer.places import load_places, normalize
from gazetteer.settings import DATA_DIR, PLACES_CSV, ROOT_DIR, SEEDS_DIR

MIMU_CSV = DATA_DIR / "mimu_towns_9.6.csv"
COLUMNS = ["name", "aliases", "lat", "lon", "kind", "township", "district", "state", "pcode",
           "coord_basis", "coord_source"]

# canonical name -> (state, spellings that must be among its aliases)
REQUIRED_ALIASES: dict[str, tuple[str, tuple[str, ...]]] = {
    "Bhamo": ("Kachin", ("Banmaw", "Bhamo Town")),
    "Tanai": ("Kachin", ("Danai",)),
    "Tsawlaw": ("Kachin", ("Hsawlaw", "Sawlaw")),
    "Lweje": ("Kachin", ("Lwegel", "Lwe Je")),
    "Kan Paik Ti": ("Kachin", ("Kanpaikti", "Kan Pike Tee", "Kan Paik Ti Town")),
    "Pangwa": ("Kachin", ("Pang War",)),
    "Hpakant": ("Kachin", ("Hpakan", "Phakant")),
    "Chipwi": ("Kachin", ("Chiphwe", "Chibwe")),
    "Sumprabum": ("Kachin", ("Sumprabon",)),
    "Putao": ("Kachin", ("Puta-O", "Puta-O Town")),
    "Naungmon": ("Kachin", ("Nawngmun", "Nogmung")),
    "Namti": ("Kachin", ("Nammatee",)),
    "Waingmaw": ("Kachin", ("Waimaw",)),
    "Mohnyin": ("Kachin", ("Mohnyin Town",)),
    "Myitkyina": ("Kachin", ("Myitkyinar",)),
    "Momauk": ("Kachin", ("Moemauk",)),
    "Mansi": ("Kachin", ("Manse",)),
    "Shwegu": ("Kachin", ("Shwegu Town",)),
    "Sadung": ("Kachin", ("Sadon",)),
    "Injangyang": ("Kachin", ("Injanyang",)),
    "Khaunglanhpu": ("Kachin", ("Khaunglanhku", "Kaunglanhpu")),
    "Machanbaw": ("Kachin", ("Machambaw",)),
    "Pannandin": ("Kachin", ("Panandin",)),
    "Dawthponeyan": ("Kachin", ("Dotphoneyan", "Dawphumyang")),
    "Sinbo": ("Kachin", ("Sinbo Town",)),
    "Hopin": ("Kachin", ("Hopin Town",)),
    "Kamaing": ("Kachin", ("Kamaine",)),
    "Mogaung": ("Kachin", ("Mogaung Town",)),
    "Shin Bway Yang": ("Kachin", ("Shinbwiyang",)),
    "Laiza": ("Kachin", ()),
    "Mai Ja Yang": ("Kachin", ("Maijayang",)),
    "Namhkam": ("Shan (North)", ("Namhkan",)),
    "Lashio": ("Shan (North)", ("Lashio Town",)),
    "Muse": ("Shan (North)", ("Muse Town",)),
    "Kutkai": ("Shan (North)", ("Kutkai Town",)),
    "Namhsan": ("Shan (North)", ("Namhsan Town",)),
    "Kyaukme": ("Shan (North)", ("Kyaukme Town",)),
    "Hsipaw": ("Shan (North)", ("Hsipaw Town",)),
    "Mongmit": ("Shan (North)", ("Momeik",)),
    "Mogok": ("Mandalay", ("Mogoke Town",)),
    "Katha": ("Sagaing", ("Katha Town",)),
    "Indaw": ("Sagaing", ("Indaw Town",)),
    "Homalin": ("Sagaing", ("Homalin Town",)),
}

# Kachin State's 18 townships (MIMU spellings): each must have its seat in the table.
KACHIN_TOWNSHIPS = {
    "Bhamo", "Chipwi", "Hpakant", "Injangyang", "Khaunglanhpu", "Machanbaw", "Mansi",
    "Mogaung", "Mohnyin", "Momauk", "Myitkyina", "Nawngmun", "Puta-O", "Shwegu",
    "Sumprabum", "Tanai", "Tsawlaw", "Waingmaw",
}

# Place names as the seed articles write them; each must be a name or alias in the table.
SEED_FORMS = (
    "Myitkyina", "Kan Paik Ti", "Bhamo", "Mansi", "Waingmaw", "Chipwi", "Tsawlaw",
    "Pang War", "Pangwa", "Lweje", "Lashio", "Putao", "La He Si Bum", "Khaunglanhpu",
    "Sawlaw", "Phimaw", "Sumprabum", "Machanbaw", "Naungmon", "Pannandin", "Kunming",
    "Mandalay", "Hpakant", "Mung Lai Hkyet", "Laiza", "Lal Long Aungja", "Momauk", "Aungja",
)

# Points whose MIMU coordinates Natural Earth's 2013-era 10m polygons put farther than
# BORDER_TOLERANCE_KM outside the stated state/region: generalisation, not data errors.
BORDER_TOLERANCE_KM = 3.0
KNOWN_OUTSIDE = {
    "MMR013032701": "Cocokyun (Coco Islands): the islands are not in Natural Earth's Yangon",
    "MMR010021701": "Ngazun: Natural Earth draws the Mandalay/Sagaing line ~20 km too far "
                    "east here",
    "MMR008003702": "Oakshitpin: Natural Earth's Bago/Magway line is ~8 km off here",
}


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with PLACES_CSV.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == COLUMNS
        return list(reader)


@pytest.fixture(scope="module")
def mimu() -> list[dict[str, str]]:
    with MIMU_CSV.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _aliases(row: dict[str, str]) -> list[str]:
    return [a for a in row["aliases"].split("|") if a]


def test_committed_table_matches_a_fresh_build() -> None:
    script = DATA_DIR / "build" / "build_places.py"
    result = subprocess.run([sys.executable, str(script), "--check"], cwd=ROOT_DIR,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_vendored_mimu_file_is_the_documented_release(mimu) -> None:
    import hashlib

    digest = hashlib.sha256(MIMU_CSV.read_bytes()).hexdigest()
    assert digest == "25e936d5329734bd0b4822edf83c9dff00884c7ce6f6ff9dff9e99caa13506b2"
    assert len(mimu) == 536


def test_the_loader_accepts_the_table(rows) -> None:
    assert len(load_places(PLACES_CSV)) == len(rows)


def test_every_mimu_town_present_with_its_pcode_and_official_spelling(rows, mimu) -> None:
    by_pcode = {row["pcode"]: row for row in rows if row["pcode"]}
    missing, unspelled, moved = [], [], []
    for town in mimu:
        row = by_pcode.get(town["Town_Pcode"])
        if row is None:
            missing.append(town["Town_Pcode"])
            continue
        if town["Town_Name_Eng"] not in (row["name"], *_aliases(row)):
            unspelled.append(f"{row['name']} lacks {town['Town_Name_Eng']!r}")
        if (row["state"], row["township"]) != (town["SR_Name_Eng"], town["Township_Name_Eng"]):
            moved.append(row["name"])
        if town["Latitude"]:
            assert (row["lat"], row["lon"]) == (town["Latitude"], town["Longitude"])
            assert row["coord_source"] == f"MIMU Place Codes 9.6, town {town['Town_Pcode']}"
    assert not missing, f"MIMU towns missing: {missing}"
    assert not unspelled, "\n".join(unspelled)
    assert not moved, f"state/township differ from MIMU: {moved}"
    assert len(by_pcode) == 536


@pytest.mark.parametrize("name", sorted(REQUIRED_ALIASES))
def test_required_aliases(rows, name: str) -> None:
    state, wanted = REQUIRED_ALIASES[name]
    matches = [r for r in rows if r["name"] == name and r["state"] == state]
    assert len(matches) == 1, f"{name} ({state}): {len(matches)} rows"
    missing = [a for a in wanted if a not in _aliases(matches[0])]
    assert not missing, f"{name} lacks aliases {missing}"


def test_kachin_township_seats_present(rows) -> None:
    kachin = {r["township"] for r in rows if r["state"] == "Kachin" and r["pcode"]}
    assert kachin >= KACHIN_TOWNSHIPS, KACHIN_TOWNSHIPS - kachin


@pytest.mark.parametrize("form", SEED_FORMS)
def test_seed_place_names_are_in_the_table(rows, form: str) -> None:
    seed_text = "\n".join(p.read_text(encoding="utf-8") for p in SEEDS_DIR.glob("*.txt"))
    assert form in seed_text, f"{form!r} is not in the seeds: fix the test"
    known = {normalize(f) for r in rows for f in (r["name"], *_aliases(r))}
    assert normalize(form) in known


def test_every_row_has_a_source_and_a_valid_basis(rows) -> None:
    bad = [r["name"] for r in rows
           if r["coord_basis"] not in ("sourced", "approximate") or not r["coord_source"].strip()]
    assert not bad, bad


def test_approximate_rows_explain_their_reasoning(rows) -> None:
    for row in rows:
        if row["coord_basis"] == "approximate":
            reason = row["coord_source"]
            assert len(reason) >= 80 and " " in reason, f"{row['name']}: {reason!r}"
            assert any(w in reason for w in ("placed", "given")), (
                f"{row['name']}: say how the point was placed")


def test_sourced_extra_places_cite_a_reference(rows) -> None:
    for row in rows:
        if row["coord_basis"] == "sourced" and not row["pcode"]:
            source = row["coord_source"]
            assert source.startswith(("http", "GeoNames ")), f"{row['name']}: {source!r}"


def test_aliases_never_repeat_the_name(rows) -> None:
    bad = [r["name"] for r in rows if r["name"].casefold() in
           {a.casefold() for a in _aliases(r)}]
    assert not bad, bad


def test_no_name_or_alias_names_two_places_in_one_township(rows) -> None:
    owners: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for r in rows:
        for form in (r["name"], *_aliases(r)):
            owners[(normalize(form), r["township"], r["state"])].add(r["name"])
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert not clashes, clashes


def test_every_place_lies_in_its_state(rows) -> None:
    offenders = []
    for r in rows:
        km = distance_to_state_km(float(r["lat"]), float(r["lon"]), r["state"])
        if km > BORDER_TOLERANCE_KM and r["pcode"] not in KNOWN_OUTSIDE:
            offenders.append(f"{r['name']} ({r['township']}, {r['state']}) at "
                             f"{r['lat']},{r['lon']}: {km:.1f} km outside")
    assert not offenders, "places outside their state/region:\n" + "\n".join(offenders)


def test_known_outside_list_is_still_needed(rows) -> None:
    by_pcode = {r["pcode"]: r for r in rows if r["pcode"]}
    for pcode, why in KNOWN_OUTSIDE.items():
        r = by_pcode[pcode]
        km = distance_to_state_km(float(r["lat"]), float(r["lon"]), r["state"])
        assert km > BORDER_TOLERANCE_KM, f"drop {pcode} from KNOWN_OUTSIDE ({why})"


def test_extra_places_lie_within_a_few_km_of_their_township_region(rows) -> None:
    """Non-MIMU places sit near the MIMU towns of the township they name."""
    towns = defaultdict(list)
    for r in rows:
        if r["pcode"]:
            towns[(r["township"], r["state"])].append((float(r["lat"]), float(r["lon"])))
    for r in rows:
        if r["pcode"] or not r["township"]:
            continue
        anchors = towns[(r["township"], r["state"])]
        assert anchors, f"{r['name']}: no MIMU town in {r['township']} ({r['state']})"
        lat, lon = float(r["lat"]), float(r["lon"])
        nearest = min(((lat - a) ** 2 + (lon - b) ** 2) ** 0.5 for a, b in anchors)
        assert nearest < 1.0, f"{r['name']} is {nearest:.2f} deg from any {r['township']} town"
