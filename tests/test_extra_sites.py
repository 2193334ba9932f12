"""Named sites of the 2023-2025 fighting added to data/extra_places.csv resolve in the
gazetteer, keep their provenance, and lie in the state they claim."""

from __future__ import annotations

import pytest

from gazetteer.boundaries import distance_to_state_km
from gazetteer.places import Gazetteer, haversine_km

# canonical name -> (state, township, spellings news reports use for it)
SITES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "Muse 105-mile trade zone": ("Shan (North)", "Muse",
                                 ("105 Mile trade zone", "105th Mile trade zone")),
    "Kyin San Kyawt border gate": ("Shan (North)", "Muse",
                                   ("Kyin San Kyawt", "Kyin Sang Kyawt", "Kin San Kyawt")),
    "Gokteik Viaduct": ("Shan (North)", "Nawnghkio", ("Goteik Viaduct", "Gohteik Viaduct")),
    "Goketwin Bridge": ("Shan (North)", "Nawnghkio", ("Goke Twin Bridge",)),
    "Kunlong Bridge": ("Shan (North)", "Kunlong", ("Kunlong Salween bridge",)),
    "Myitsone": ("Kachin", "", ("Myit Sone", "Myitsone Dam")),
    "Alaw Bum": ("Kachin", "Momauk", ("Alaw Bum hill",)),
    "Lonekhin": ("Kachin", "Hpakant", ("Lone Khin", "Lonkin")),
    "Yaw Yung Bum": ("Kachin", "Momauk", ("Yaw Yon camp",)),
    "Je Yang camp": ("Kachin", "Waingmaw", ("Jeyang camp", "Jai Yang IDP camp")),
}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


@pytest.mark.parametrize("name", sorted(SITES))
def test_site_is_in_the_table_with_provenance(gaz: Gazetteer, name: str) -> None:
    place = gaz.get(name)
    assert place is not None, name
    state, township, _ = SITES[name]
    assert (place.state, place.township) == (state, township)
    assert place.coord_basis == "approximate"
    assert "http" in place.coord_source and "uncertainty" in place.coord_source
    # the same tolerance as tests/test_places_data.py: Natural Earth's border is coarse
    assert distance_to_state_km(place.lat, place.lon, place.state) < 3.0


@pytest.mark.parametrize(("name", "spelling"),
                         [(n, s) for n, (_, _, forms) in sorted(SITES.items()) for s in forms])
def test_news_spellings_resolve_to_the_site(gaz: Gazetteer, name: str, spelling: str) -> None:
    match = gaz.lookup(spelling)
    assert match is not None, spelling
    assert match.place.name == name
    assert match.match in ("exact", "alias", "variant")


def test_case_and_spacing_do_not_matter(gaz: Gazetteer) -> None:
    for query in ("kyin san kyawt", "KYINSANKYAWT", "muse 105-mile trade zone"):
        match = gaz.lookup(query)
        assert match is not None, query
        assert match.place.kind in ("border gate", "trade zone")


def test_gates_of_muse_are_separate_places_at_the_border_town(gaz: Gazetteer) -> None:
    muse = gaz.get("Muse")
    assert muse is not None
    for gate in ("Nandaw border gate", "Sin Phyu border gate", "Mang Weing border gate"):
        place = gaz.get(gate)
        assert place is not None and place.kind == "border gate"
        assert (place.lat, place.lon) == (muse.lat, muse.lon)
        assert place.coord_basis == "approximate"


def test_a_gate_alias_does_not_capture_the_villages_of_that_name(gaz: Gazetteer) -> None:
    match = gaz.lookup("Man Wein gate")
    assert match is not None and match.place.name == "Mang Weing border gate"
    plain = gaz.lookup("Man Wein", fuzzy=False)
    assert plain is None or plain.place.name != "Mang Weing border gate"


def test_doubtful_coordinate_says_so(gaz: Gazetteer) -> None:
    alaw = gaz.get("Alaw Bum")
    assert alaw is not None
    assert "doubtful" in alaw.coord_source and "25 km" in alaw.coord_source
    camp = gaz.get("Shang Htung Bum")
    assert camp is not None and (camp.lat, camp.lon) == (alaw.lat, alaw.lon)


# second round: canonical name -> (state, township, basis, spellings news reports use)
SITES_2: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "Se Zin": ("Kachin", "Hpakant", "sourced", ("Sel Zin", "Selzin")),
    "Hpawng Hseng": ("Shan (North)", "Muse", "sourced", ("Hpawng Seng",)),
    "Sakhamthar": ("Shan (North)", "Kyaukme", "sourced", ("Sakhan Tha hill",)),
    "Nam Hpat Kar": ("Shan (North)", "Kutkai", "approximate", ("Namhpatkar", "Namphakka")),
    "Kyinthi Bridge": ("Shan (North)", "Hsipaw", "approximate", ("Kyin Thi Bridge",)),
    "Bumre Bum": ("Kachin", "Waingmaw", "approximate", ("Bum Re Bum", "Bum Ye Bum")),
    "Mobye": ("Shan (South)", "Pekon", "approximate", ("Moebye", "Moe Bye")),
    "Ka Thine Hill": ("Kachin", "Hpakant", "approximate", ("Kathine Hill",)),
}


def test_sourced_villages_sit_on_their_mimu_village_point(gaz: Gazetteer) -> None:
    """A site that is a MIMU village is at that village's coordinate, which the village
    table resolves once the township is known."""
    for name, township in (("Se Zin", "Hpakant"), ("Sa Khan Thar", "Kyaukme")):
        village = gaz.resolve_village(name, township=township)
        assert village is not None, name
        site = gaz.get("Sakhamthar" if name == "Sa Khan Thar" else name)
        assert site is not None and (site.lat, site.lon) == (village.lat, village.lon)
    # MIMU lists two Hpawng Hseng villages 0.7 km apart; the site is the Kachin one
    site = gaz.get("Hpawng Hseng")
    assert site is not None
    points = {(v.lat, v.lon) for v in gaz.village_candidates("Hpawng Hseng")
              if v.township == "Muse"}
    assert (site.lat, site.lon) in points and len(points) == 2


def test_hpawng_hseng_village_is_not_the_town_of_pang_hseng(gaz: Gazetteer) -> None:
    village, town = gaz.lookup("Hpawng Hseng"), gaz.lookup("Pang Hseng")
    assert village is not None and town is not None
    assert village.place.name == "Hpawng Hseng" and town.place.name == "Pang Hseng"
    assert village.place.kind == "village" and town.place.kind == "town"
    assert abs(village.place.lon - town.place.lon) > 0.3  # about 37 km apart


def test_sakhamthar_does_not_claim_the_other_sa_khan_thar_villages(gaz: Gazetteer) -> None:
    assert gaz.lookup("Sa Khan Thar", fuzzy=False) is None
    other = gaz.resolve_village("Sa Khan Thar", township="Ye-U")
    assert other is not None and other.state == "Sagaing"


# third round: canonical name -> (state, township, basis, spellings news reports use)
SITES_3: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "Numlang": ("Kachin", "Momauk", "approximate", ("Num Lang", "Numlang camp")),
    "Nawng Kawn": ("Kachin", "Momauk", "sourced", ("Nawngkawn",)),
    "Seinlone": ("Kachin", "Momauk", "approximate", ("Sein Lone", "Hsin Lone", "Sein Long base")),
    "Bhamo Airport": ("Kachin", "Bhamo", "sourced", ("Banmaw Airport", "Bhamo airfield")),
    "Seikmu": ("Kachin", "Hpakant", "sourced", ("Seik Mu",)),
    "Huay Hkar": ("Kachin", "Hpakant", "sourced", ("Hwehka", "Whaykha", "Wai Khar")),
    "Bawgyo": ("Shan (North)", "Hsipaw", "approximate", ("Baw Gyo", "Bawgyo Pagoda")),
    "Sakhan Thit hill": ("Shan (North)", "Namhkan", "approximate",
                         ("Sakhan Thit", "Sakhan Thit camp")),
    "Ka Thine Hill": ("Kachin", "Hpakant", "approximate", ("Kasen hill", "Kathaing hill")),
}


def test_third_round_villages_sit_on_their_mimu_points(gaz: Gazetteer) -> None:
    """Sites named after a MIMU village take that village's point (the camp of Seinlone
    is put at its village), found through the village table with the township."""
    for site, village, township in (("Nawng Kawn", "Nawng Kun", "Momauk"),
                                    ("Seikmu", "Seik Mu", "Hpakant"),
                                    ("Huay Hkar", "Hway Hkar", "Hpakant"),
                                    ("Seinlone", "Sein Long", "Momauk")):
        mimu = gaz.resolve_village(village, township=township)
        place = gaz.get(site)
        assert mimu is not None and place is not None, site
        assert (place.lat, place.lon) == (mimu.lat, mimu.lon), site


def test_numlang_lies_five_miles_east_of_nawng_kawn(gaz: Gazetteer) -> None:
    """The only published location: the Nawng Kawn base about five miles west of Numlang."""
    numlang, nawng_kawn = gaz.get("Numlang"), gaz.get("Nawng Kawn")
    assert numlang is not None and nawng_kawn is not None
    assert numlang.lat == nawng_kawn.lat and numlang.lon > nawng_kawn.lon
    assert 7.5 < haversine_km((numlang.lat, numlang.lon),
                              (nawng_kawn.lat, nawng_kawn.lon)) < 8.5


def test_bhamo_airport_is_beside_the_town(gaz: Gazetteer) -> None:
    airport, town = gaz.get("Bhamo Airport"), gaz.get("Bhamo")
    assert airport is not None and town is not None
    assert airport.kind == "airport" and airport.coord_basis == "sourced"
    assert haversine_km((airport.lat, airport.lon), (town.lat, town.lon)) < 4.0


def test_the_two_sakhan_hills_stay_apart(gaz: Gazetteer) -> None:
    namhkam, kyaukme = gaz.lookup("Sakhan Thit hill"), gaz.lookup("Sakhan Tha hill")
    assert namhkam is not None and kyaukme is not None
    assert namhkam.place.name == "Sakhan Thit hill" and kyaukme.place.name == "Sakhamthar"
    assert haversine_km((namhkam.place.lat, namhkam.place.lon),
                        (kyaukme.place.lat, kyaukme.place.lon)) > 100


# battalions added with these sites: spelling -> (unit, where its base is put)
UNITS_3: dict[str, tuple[str, str]] = {
    "LIB 438": ("LIB 438", "Numlang"),
    "Light Infantry Battalion 438": ("LIB 438", "Numlang"),
    "Light Infantry Battalion 616": ("LIB 616", "Numlang"),
    "IB 237": ("IB 237", "Momauk"),
    "366th Artillery Battalion": ("AB 366", "Bhamo"),
    "Tank Battalion 5014": ("TB 5014", "Bhamo"),
    "Armoured Battalion No. 7006": ("Armored Battalion 7006", "Bhamo"),
    "130th Infantry Battalion": ("IB 130", "Manton"),
    "IB 46": ("IB 46", "Putao"),
}


# fourth round: canonical name -> (state, township, basis, spellings news reports use)
SITES_4: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "Namya": ("Kachin", "Hpakant", "sourced", ("Nam Ya", "Namya camp")),
    "Nam Tein camp": ("Kachin", "Hpakant", "sourced", ("Namtein camp", "Nam Tein military camp")),
    "Taungkham": ("Shan (North)", "Nawnghkio", "sourced", ("Taunghkam", "Tawng Hkam")),
    "Dasai": ("Kachin", "Momauk", "approximate", ("Da Sai", "Dasai village")),
    "Maaupin": ("Kachin", "Hpakant", "approximate", ("Ma Au Pin", "Maaupin village")),
    "Japan Cave hill": ("Sagaing", "Indaw", "approximate", ("Japan Cave", "Sittat Hill")),
}


def test_fourth_round_villages_sit_on_their_mimu_points(gaz: Gazetteer) -> None:
    """The Hpakant-road camps and Taungkham take their MIMU village's point."""
    for site, village, township in (("Namya", "Nam Ya", "Hpakant"),
                                    ("Nam Tein camp", "Nam Tein", "Hpakant"),
                                    ("Taungkham", "Tawng Hkam", "Nawnghkio")):
        mimu = gaz.resolve_village(village, township=township)
        place = gaz.get(site)
        assert mimu is not None and place is not None, site
        assert (place.lat, place.lon) == (mimu.lat, mimu.lon), site


def test_hpakant_road_camps_lie_east_of_hpakant_in_order(gaz: Gazetteer) -> None:
    """Nam Tein, then Namya ('about 20 miles east of Hpakant'), then Kamaing."""
    hpakant, nam_tein, namya, kamaing = (gaz.get(n) for n in
                                         ("Hpakant", "Nam Tein camp", "Namya", "Kamaing"))
    assert hpakant and nam_tein and namya and kamaing
    assert hpakant.lon < nam_tein.lon < namya.lon < kamaing.lon
    miles = haversine_km((hpakant.lat, hpakant.lon), (namya.lat, namya.lon)) / 1.609
    assert 14 < miles < 22


def test_taungkham_is_about_twenty_miles_south_of_nawnghkio(gaz: Gazetteer) -> None:
    village, town = gaz.get("Taungkham"), gaz.get("Nawnghkio")
    assert village is not None and town is not None
    assert village.lat < town.lat
    assert 15 < haversine_km((village.lat, village.lon), (town.lat, town.lon)) / 1.609 < 22


def test_placed_at_their_town_when_no_distance_is_given(gaz: Gazetteer) -> None:
    for site, town in (("Dasai", "Momauk"), ("Maaupin", "Kamaing"), ("Japan Cave hill", "Indaw")):
        place, anchor = gaz.get(site), gaz.get(town)
        assert place is not None and anchor is not None
        assert (place.lat, place.lon) == (anchor.lat, anchor.lon)
        assert f"placed at {town} town" in place.coord_source, site


# battalions added with the fourth round: spelling -> (unit, where its base is put)
UNITS_4: dict[str, tuple[str, str]] = {
    "IB 129": ("LIB 129", "Chinshwehaw"),
    "Light Infantry Battalion 129": ("LIB 129", "Chinshwehaw"),
}



# fifth round: canonical name -> (state, township, basis, spellings news reports use)
SITES_5: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "Tar Ma Hkan": ("Kachin", "Hpakant", "sourced", ("Tamakhan", "Tar Ma Khan")),
    "Panya": ("Mandalay", "Madaya", "sourced", ("Pan Ya", "Panye")),
    "Thayetkone camp": ("Shan (North)", "Nawnghkio", "sourced", ("Tha Yet Kone camp",)),
    "Nyaung Bin camp": ("Kachin", "Mohnyin", "sourced", ("Nyaungbin camp",)),
    "Chaung Wa camp": ("Kachin", "Mohnyin", "sourced", ("Chaungwa PMF camp",)),
    "Hpunpyen Bum": ("Kachin", "Waingmaw", "approximate", ("Hpun Pyen Bum", "Hpunpyen")),
}


@pytest.mark.parametrize(("site", "village", "township"),
                         (("Tar Ma Hkan", "Tar Ma Hkan", "Hpakant"),
                          ("Panya", "Pan Ya", "Madaya"),
                          ("Thayetkone camp", "Tha Yet Kone", "Nawnghkio"),
                          ("Nyaung Bin camp", "Nyaung Pin", "Mohnyin"),
                          ("Chaung Wa camp", "Chaung Wa", "Mohnyin")))
def test_fifth_round_sites_sit_on_their_mimu_village(gaz: Gazetteer, site: str,
                                                    village: str, township: str) -> None:
    """Each sourced row is at a MIMU village point of its township (Nawnghkio has two Tha
    Yet Kone villages: the row is at one of them)."""
    place = gaz.get(site)
    assert place is not None
    points = {(v.lat, v.lon) for v in gaz.village_candidates(village) if v.township == township}
    assert (place.lat, place.lon) in points, site


def test_thayetkone_is_the_village_beside_zarli_nearer_pyin_oo_lwin(gaz: Gazetteer) -> None:
    """The fought-over Tha Yet Kone lies by Zarli on the way to Pyin Oo Lwin, not the
    Nawnghkio village of that name 46 km from the town."""
    camp, town = gaz.get("Thayetkone camp"), gaz.get("Pyinoolwin")
    zarli = gaz.resolve_village("Zar Li", township="Nawnghkio")
    assert camp is not None and town is not None and zarli is not None
    assert haversine_km((camp.lat, camp.lon), (zarli.lat, zarli.lon)) < 3.0
    assert haversine_km((camp.lat, camp.lon), (town.lat, town.lon)) < 25.0


def test_indawgyi_camps_lie_north_of_nam_mun_in_mohnyin(gaz: Gazetteer) -> None:
    nam_mun = gaz.get("Nam Mun")
    assert nam_mun is not None
    for name in ("Nyaung Bin camp", "Chaung Wa camp"):
        place = gaz.get(name)
        assert place is not None and place.township == "Mohnyin" and place.lat > nam_mun.lat
        assert 20 < haversine_km((place.lat, place.lon), (nam_mun.lat, nam_mun.lon)) < 40


# -- every round after the first, read by the same tests --------------------------------------

# sixth round: canonical name -> (state, township, basis, spellings news reports use)
SITES_6: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "Hseng Taung": ("Kachin", "Hpakant", "sourced", ("Hsengtaung", "Seng Taung")),
    "Lanse": ("Kachin", "Tsawlaw", "sourced", ("Lang Sel", "Laching")),
    "Namhkam pagoda camp": ("Shan (North)", "Namhkan", "approximate",
                            ("Namkham pagoda camp", "Namkham Myo Lae pagoda")),
    "Sedawgyi Dam": ("Mandalay", "Madaya", "approximate", ("Sedawgyi", "Sedawgyi dam base")),
}

# the unit added with the sixth round sits at a MIMU village, so it is read by its own test
UNIT_6_SPELLINGS = ("No. 1014 Air Defence Battalion", "1014 Air Defense Battalion",
                    "Air Defence Battalion No. 1014")


def test_sixth_round_villages_sit_on_their_mimu_points(gaz: Gazetteer) -> None:
    """Hseng Taung (Seik Mu tract) and Lanse (officially Laching, MIMU Lar Chin) take their
    MIMU village's point, found through the village table with the township."""
    for site, village, township in (("Hseng Taung", "Hseng Taung (Ywar Haung)", "Hpakant"),
                                    ("Lanse", "Lar Chin", "Tsawlaw")):
        mimu = gaz.resolve_village(village, township=township)
        place = gaz.get(site)
        assert mimu is not None and place is not None, site
        assert (place.lat, place.lon) == (mimu.lat, mimu.lon), site


def test_hseng_taung_is_beside_seikmu(gaz: Gazetteer) -> None:
    seikmu, hseng_taung = gaz.get("Seikmu"), gaz.get("Hseng Taung")
    assert seikmu is not None and hseng_taung is not None
    assert haversine_km((seikmu.lat, seikmu.lon), (hseng_taung.lat, hseng_taung.lon)) < 3.0


def test_namhkam_pagoda_camp_is_in_the_town_not_on_the_hill(gaz: Gazetteer) -> None:
    camp, town, hill = (gaz.get(n) for n in ("Namhkam pagoda camp", "Namhkam",
                                              "Sakhan Thit hill"))
    assert camp is not None and town is not None and hill is not None
    assert (camp.lat, camp.lon) == (town.lat, town.lon)
    assert "placed at Namhkam town" in camp.coord_source
    assert gaz.lookup("Myo Lae pagoda", fuzzy=False) is None  # many towns have one


@pytest.mark.parametrize("spelling", UNIT_6_SPELLINGS)
def test_madaya_air_defence_base_is_beside_sedawgyi_east_of_madaya(gaz: Gazetteer,
                                                                   spelling: str) -> None:
    """The Irrawaddy puts the 1014 Air Defence Battalion in Ingyin Myaing village, Madaya
    Township, the MIMU In Gyin Myaing of the Sa Lay tract beside Se Taw Gyi."""
    base = gaz.resolve_base(spelling)
    dam, town = gaz.get("Sedawgyi Dam"), gaz.get("Madaya")
    village = gaz.resolve_village("In Gyin Myaing", township="Madaya")
    assert base is not None and dam is not None and town is not None and village is not None
    assert base.name == "Air Defence Battalion 1014" and base.coord_basis == "approximate"
    assert (base.lat, base.lon) == (village.lat, village.lon) and "http" in base.coord_source
    assert base.township == "Madaya" and base.lon > town.lon and dam.lon > town.lon
    assert haversine_km((base.lat, base.lon), (dam.lat, dam.lon)) < 3.0


# seventh round: canonical name -> (state, township, basis, spellings news reports use)
SITES_7: dict[str, tuple[str, str, str, tuple[str, ...]]] = {
    "Kone San camp": ("Mandalay", "Mogoke", "approximate", ("Konesan camp", "Kone San base")),
    "Thanbo camp": ("Shan (North)", "Nawnghkio", "sourced", ("Than Bo camp", "Thanbo base")),
}

# the unit added with the seventh round: spelling -> (unit, where its base is put)
UNITS_7: dict[str, tuple[str, str]] = {
    "IB 141": ("IB 141", "Sinbo"),
    "141st Infantry Battalion": ("IB 141", "Sinbo"),
    "LIB 141": ("IB 141", "Sinbo"),
}


def test_seventh_round_camps_sit_on_a_mimu_village_of_their_name(gaz: Gazetteer) -> None:
    """Thanbo camp is at Nawnghkio's only Than Bo; Kone San camp at one of Mogoke's two Kone
    San villages (the one nearer the 16 km a source gives from Mogok town)."""
    thanbo = gaz.get("Thanbo camp")
    village = gaz.resolve_village("Than Bo", township="Nawnghkio")
    assert thanbo is not None and village is not None
    assert (thanbo.lat, thanbo.lon) == (village.lat, village.lon)
    kone_san, mogok = gaz.get("Kone San camp"), gaz.get("Mogok")
    assert kone_san is not None and mogok is not None
    points = {(v.lat, v.lon) for v in gaz.village_candidates("Kone San")
              if v.township == "Mogoke"}
    assert len(points) == 2 and (kone_san.lat, kone_san.lon) in points
    here = haversine_km((kone_san.lat, kone_san.lon), (mogok.lat, mogok.lon))
    assert here == max(haversine_km(p, (mogok.lat, mogok.lon)) for p in points)
    assert "13 km" in kone_san.coord_source


def test_thanbo_camp_lies_between_pyin_oo_lwin_and_nawnghkio(gaz: Gazetteer) -> None:
    """'About 24 km from Pyin Oo Lwin': the village is 30 km away in a straight line."""
    camp, town = gaz.get("Thanbo camp"), gaz.get("Pyinoolwin")
    assert camp is not None and town is not None and camp.lat > town.lat
    assert 20 < haversine_km((camp.lat, camp.lon), (town.lat, town.lon)) < 35


#: (round, canonical name) -> (state, township, basis, spellings news reports use)
ROUND_SITES: dict[tuple[int, str], tuple[str, str, str, tuple[str, ...]]] = {
    (n, name): spec for n, table in ((2, SITES_2), (3, SITES_3), (4, SITES_4), (5, SITES_5),
                                     (6, SITES_6), (7, SITES_7))
    for name, spec in table.items()}
#: spelling -> (unit, where its base is put), the units added with rounds three, four, seven
ROUND_UNITS: dict[str, tuple[str, str]] = {**UNITS_3, **UNITS_4, **UNITS_7}


@pytest.mark.parametrize(("round_no", "name"), sorted(ROUND_SITES))
def test_site_of_each_round_keeps_its_basis_and_state(gaz: Gazetteer, round_no: int,
                                                      name: str) -> None:
    place = gaz.get(name)
    assert place is not None, name
    state, township, basis, _ = ROUND_SITES[round_no, name]
    assert (place.state, place.township, place.coord_basis) == (state, township, basis)
    assert "http" in place.coord_source
    if basis == "approximate":
        assert "uncertainty" in place.coord_source
        assert round_no == 2 or "placed" in place.coord_source
    assert distance_to_state_km(place.lat, place.lon, place.state) < 3.0


@pytest.mark.parametrize(("name", "spelling"),
                         [(name, s) for (_, name), (*_, forms) in sorted(ROUND_SITES.items())
                          for s in forms])
def test_spellings_of_each_round_resolve(gaz: Gazetteer, name: str, spelling: str) -> None:
    match = gaz.lookup(spelling)
    assert match is not None, spelling
    assert match.place.name == name
    assert match.match in ("exact", "alias", "variant")


@pytest.mark.parametrize("spelling", sorted(ROUND_UNITS))
def test_units_sit_where_their_source_puts_them(gaz: Gazetteer, spelling: str) -> None:
    unit, at = ROUND_UNITS[spelling]
    base = gaz.resolve_base(spelling)
    anchor = gaz.get(at)
    assert base is not None and anchor is not None, spelling
    assert base.name == unit and base.coord_basis == "approximate"
    assert haversine_km((base.lat, base.lon), (anchor.lat, anchor.lon)) < 0.5
    assert "http" in base.coord_source


#: News spellings that, before a round's rows, matched a far town or village: query ->
#: (the row it names now, its state). Round 2: 'Bawgyo' was Bago, 'Whaykha' Hakha (Chin);
#: 4: 'Dasai' Tanai, 'Ma Au Pin' Maubin (Ayeyarwady), 'Taungkham' Taungtha, 'Namya' Nam
#: Mar; 5: 'Panya' Pangwa, 'Tamakhan' Namhkam; 6: 'Hseng Taung' Kengtung, 'Lanse' Mansi.
FAR_NAMES_FIXED: dict[str, tuple[str, str]] = {
    "Bawgyo": ("Bawgyo", "Shan (North)"), "Whaykha": ("Huay Hkar", "Kachin"),
    "Dasai": ("Dasai", "Kachin"), "Ma Au Pin": ("Maaupin", "Kachin"),
    "Taungkham": ("Taungkham", "Shan (North)"), "Namya": ("Namya", "Kachin"),
    "Panya": ("Panya", "Mandalay"), "Tamakhan": ("Tar Ma Hkan", "Kachin"),
    "Hseng Taung": ("Hseng Taung", "Kachin"), "Lanse": ("Lanse", "Kachin"),
}


@pytest.mark.parametrize("query", FAR_NAMES_FIXED)
def test_news_names_no_longer_land_on_far_places(gaz: Gazetteer, query: str) -> None:
    name, state = FAR_NAMES_FIXED[query]
    match = gaz.lookup(query)
    assert match is not None and match.place.name == name and match.place.state == state


#: Names MIMU gives many villages: (bare spellings, the rows they must not name, and one of
#: those names with a township that picks a village of it, and that village's state).
LEFT_TO_THE_VILLAGE_TABLE: tuple[tuple[tuple[str, ...], frozenset[str], str, str, str],
                                 ...] = (
    # eight villages called Nawng Kun
    (("Nawng Kun",), frozenset({"Nawng Kawn"}), "Nawng Kun", "Kyaukme", "Shan (North)"),
    # Nam Tein villages in Hpakant, Momauk and Mongyang
    (("Nam Tein",), frozenset({"Nam Tein camp"}), "Nam Tein", "Momauk", "Kachin"),
    # fifth round: Nyaung Pin, Chaung Wa and Tha Yet Kone name many villages
    (("Nyaung Pin", "Nyaung Bin", "Chaung Wa", "Tha Yet Kone", "Thayetkone"),
     frozenset({"Nyaung Bin camp", "Chaung Wa camp", "Thayetkone camp"}), "Chaung Wa",
     "Katha", "Sagaing"),
    # seventh round: Than Bo names 13 villages, Kone San two in Mogoke alone
    (("Kone San", "Than Bo", "Thanbo"), frozenset({"Kone San camp", "Thanbo camp"}),
     "Than Bo", "Indaw", "Sagaing"),
)


@pytest.mark.parametrize(("bare", "rows", "village", "township", "state"),
                         LEFT_TO_THE_VILLAGE_TABLE)
def test_repeated_names_are_left_to_the_village_table(gaz: Gazetteer, bare: tuple[str, ...],
                                                      rows: frozenset[str], village: str,
                                                      township: str, state: str) -> None:
    """Only the camp forms name the rows; the bare name names none of them, and the
    township picks a village."""
    for name in bare:
        plain = gaz.lookup(name, fuzzy=False)
        assert plain is None or plain.place.name not in rows, name
    other = gaz.resolve_village(village, township=township)
    assert other is not None and other.township == township and other.state == state
