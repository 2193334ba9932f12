"""What a phrase's place is (issue 11): bases in towns, townships, references, relative
clauses and lists, each rule on sentences of our own in several phrasings."""

from __future__ import annotations

import pytest
from support.extraction import run

from gazetteer.events import Event


def changes(text: str) -> set[tuple[str, str]]:
    return {(e.event_type, e.place) for e in run(text)
            if e.event_type in ("capture", "assault")}


def at(text: str, place: str) -> Event:
    return next(e for e in run(text) if e.place == place)


# -- a base taken in a town is a place of its own --------------------------------------------

@pytest.mark.parametrize("text, site, town", [
    ("The TNLA seized the police station in Kyaukme on 2 December.",
     "police station in Kyaukme", "Kyaukme"),
    ("KIA fighters captured two junta outposts from the regime in Shwegu Township on "
     "Monday.", "outpost in Shwegu Township", "Shwegu"),
    ("Resistance forces overran the army's battalion headquarters at Sinbo on Dec. 3.",
     "headquarters at Sinbo", "Sinbo"),
])
def test_base_taken_in_a_town_is_not_the_town(text: str, site: str, town: str) -> None:
    got = changes(text)
    assert ("capture", site) in got
    assert ("capture", town) not in got and ("assault", town) not in got
    event = at(text, site)
    assert event.place_approximate
    assert (event.lat, event.lon) == (at(f"The KIA seized {town} on Dec. 1.", town).lat,
                                      at(f"The KIA seized {town} on Dec. 1.", town).lon)


@pytest.mark.parametrize("text", [
    "The KIA captured the last junta bases in Mansi on Wednesday.",
    "Kachin troops took all the military camps in Mansi town on 4 December.",
    "The army's last remaining base in the town of Mansi was overrun by the KIA... "
    "The KIA seized the final outposts in Mansi on Dec. 4.",
])
def test_the_last_base_of_a_town_falling_is_the_town_falling(text: str) -> None:
    assert ("capture", "Mansi") in changes(text)


def test_attacks_on_bases_in_a_town_contest_the_town() -> None:
    got = changes("The KIA launched attacks on the junta's bases in Bhamo on Monday.")
    assert got == {("assault", "Bhamo")}


# -- "X Township" as the town ----------------------------------------------------------------

@pytest.mark.parametrize("text, town", [
    ("The KIA seized Mansi Township on Jan. 8.", "Mansi"),
    ("Regime troops retook Momauk Township on 2 December.", "Momauk"),
    ("Martial law was declared in Mongmit and Mabein townships, which were seized by the "
     "KIA last month.", "Mabein"),
])
def test_township_taken_is_its_town(text: str, town: str) -> None:
    assert ("capture", town) in changes(text)


def test_township_as_a_locative_is_not_taken() -> None:
    assert not changes("Heavy fighting broke out in Momauk and Shwegu townships on Dec. 2.")
    assert not changes("The KIA captured positions across Bhamo Township last week.")


def test_village_qualified_by_its_township_is_not_the_township() -> None:
    got = changes("The KIA seized the outpost in Hka Ra Village, Sumprabum Township, on "
                  "Dec. 3.")
    assert ("capture", "Sumprabum") not in got


# -- references --------------------------------------------------------------------------------

@pytest.mark.parametrize("text, event_type, place", [
    ("Kachin fighters surrounded Shwegu on Dec. 1. Two days later the town fell.",
     "capture", "Shwegu"),
    ("The TNLA pushed into Hsipaw last month. It captured the city on 3 December.",
     "capture", "Hsipaw"),
    ("The KIA took Sinbo on Dec. 2. The junta has been shelling it since.", None, None),
    ("Lashio is a garrison town. Alliance troops have surrounded the city since Monday.",
     "assault", "Lashio"),
    ("The KIA seized an outpost near Waingmaw on Dec. 1. The outpost was retaken by the "
     "army on Dec. 5.", "capture", "outpost near Waingmaw"),
])
def test_reference_to_the_last_compatible_place(text: str, event_type: str | None,
                                                place: str | None) -> None:
    if event_type is None:
        assert ("capture", "Sinbo") in changes(text)
        return
    assert (event_type, place) in changes(text)


def test_the_town_never_stands_for_a_place_named_as_a_reference_point() -> None:
    text = "Refugees fled from Bhamo to Myitkyina. The KIA captured the town on Monday."
    assert ("capture", "Bhamo") not in changes(text)


def test_camps_in_the_township_are_in_its_town() -> None:
    text = ("Namhsan lies in the hills. The TNLA started attacking the army's camps in the "
            "township on 10 December.")
    assert ("assault", "Namhsan") in changes(text)


# -- relative clauses and lists ----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Kunlong, where the Lashio district office is based, fell on 12 November.",
    "Kunlong, which sits on the Salween near Laukkaing, fell on 12 November.",
    "Kunlong – long a junta stronghold – fell on 12 November.",
])
def test_subject_before_a_relative_clause(text: str) -> None:
    got = {(e.event_type, e.place, e.date) for e in run(text)}
    assert ("capture", "Kunlong", "2024-11-12") in got
    assert not {p for t, p, _ in got if t == "capture" and p != "Kunlong"}


@pytest.mark.parametrize("text, places", [
    ("The TNLA took Kyaukme, Hsipaw in northern Shan State, and Mogok in Mandalay Region.",
     {"Kyaukme", "Hsipaw", "Mogok"}),
    ("The junta lost Kunlong – a border town – and Laukkaing to the MNDAA.",
     {"Kunlong", "Laukkaing"}),
    ("The KIA seized Sadung, Zaw Hkung Yang and Sinbo in October.",
     {"Sadung", "Sinbo"}),
    ("The KIA seized the highway in March, and Sinbo in November.", {"Sinbo"}),
    ("The KIA captured Sadung town, where a tactical command was based, and Sinbo.",
     {"Sadung", "Sinbo"}),
])
def test_lists_run_past_names_dates_regions_and_asides(text: str, places: set[str]) -> None:
    assert {p for t, p in changes(text) if t == "capture"} == places




@pytest.mark.parametrize("text, places", [
    ("The KIA took Sinbo, 40 km from Bhamo, and Shwegu on Monday.", {"Sinbo", "Shwegu"}),
    ("Rebels overran Namhsan (a hill town north of Namtu) and Manton.",
     {"Namhsan", "Manton"}),
    ("Kachin troops captured Sadung, some 30 miles east of Myitkyina, Sinbo and Shwegu.",
     {"Sadung", "Sinbo", "Shwegu"}),
])
def test_a_list_runs_on_past_an_aside_locating_an_item(text: str, places: set[str]) -> None:
    assert {p for t, p in changes(text) if t == "capture"} == places


@pytest.mark.parametrize("text, places", [
    ("Rebels took Hseni on the highway and Kutkai in the hills on Monday.",
     {"Hseni", "Kutkai"}),
    ("On Monday the KIA captured Sinbo on the river bank, Shwegu near the border, and "
     "Momauk.", {"Sinbo", "Shwegu", "Momauk"}),
    ("The alliance seized Namtu along the railway or Manton by the dam, reports said.",
     {"Namtu", "Manton"}),
])
def test_a_list_runs_on_past_an_aside_that_names_no_place(text: str, places: set[str]
                                                          ) -> None:
    assert {p for t, p in changes(text) if t == "capture"} == places


@pytest.mark.parametrize("text, places", [
    ("On Tuesday the KIA seized camps in Shwegu, Sinbo and Momauk.",
     {"camp in Shwegu", "camp in Sinbo", "camp in Momauk"}),
    ("Rebels took bases and outposts in Tanai, Sumprabum and Waingmaw on 7 March.",
     {"outpost in Tanai", "outpost in Sumprabum", "outpost in Waingmaw"}),
    ("Army positions at Namtu and Manton were overrun by the TNLA on Tuesday, it said.",
     {"position at Namtu", "position at Manton"}),
])
def test_plural_sites_before_a_list_stand_in_every_place_of_it(text: str, places: set[str]
                                                                ) -> None:
    assert {p for t, p in changes(text) if t == "capture"} == places


@pytest.mark.parametrize("text, places", [
    ("On Tuesday the KIA seized the camp in Shwegu and Sinbo town.", {"camp in Shwegu",
                                                                       "Sinbo"}),
    ("On Tuesday the KIA captured an outpost in Shwegu and Sinbo town.",
     {"outpost in Shwegu", "Sinbo"}),
])
def test_one_site_before_a_list_stays_with_its_own_place(text: str, places: set[str]
                                                          ) -> None:
    assert {p for t, p in changes(text) if t == "capture"} == places


@pytest.mark.parametrize("text", [
    "Rebels took Hseni on the highway and then shelled Kutkai on Monday.",
    "Rebels took Hseni on the highway, and Kutkai residents fled on Monday.",
])
def test_a_placeless_aside_does_not_make_a_new_clause_an_item(text: str) -> None:
    assert {p for t, p in changes(text) if t == "capture"} == {"Hseni"}


@pytest.mark.parametrize("text", [
    "The KIA took Sinbo, and Myitkyina residents fled.",
    "The KIA took Sinbo, 40 km from Bhamo, and Myitkyina locals fled by boat.",
    "The KIA took Sinbo and Myitkyina villagers hid in the forest.",
])
def test_a_place_naming_its_people_is_no_list_item(text: str) -> None:
    assert {p for t, p in changes(text) if t == "capture"} == {"Sinbo"}


@pytest.mark.parametrize("text, places", [
    ("The KIA is trying to capture Muse, Namhkam and Hopang.", {"Muse", "Namhkam", "Hopang"}),
    ("Ta'ang fighters are moving to seize Kutkai, Namtu, and Manton this week.",
     {"Kutkai", "Namtu", "Manton"}),
    ("The alliance has been attempting to take Lashio, Hsenwi and Kunlong since June.",
     {"Lashio", "Hseni", "Kunlong"}),
])
def test_a_list_after_an_attempt_is_every_place_attacked(text: str, places: set[str]) -> None:
    # the "to" of "trying to capture" is no "fled to X": the list runs on past its first item
    assert {p for t, p in changes(text) if t == "assault"} == places


@pytest.mark.parametrize("text", [
    "KIA troops attacked a junta base on a hill in Muse Township on Thursday.",
    "On Thursday the KIA attacked the junta's main hill base in Muse Township.",
    "Kachin fighters launched an offensive on the military camps and bases in Muse.",
])
def test_a_group_owning_the_attacked_base_is_no_object_of_its_own(text: str) -> None:
    # "a junta base": the base is attacked, in the place named after it
    assert ("assault", "Muse") in changes(text)


def test_fighting_a_group_s_troops_in_a_place_still_names_where_not_whom() -> None:
    assert not changes("The KIA has been fighting against junta troops in Muse for a week.")


@pytest.mark.parametrize("text, place", [
    ("Soldiers who fled the KIA's attack escaped to Myitkyina, Waingmaw residents said.",
     "Myitkyina"),
    ("The KIA captured Sadung, 40 km from Myitkyina, on Monday.", "Sadung"),
])
def test_a_place_after_a_reference_word_in_a_list_stays_a_reference(text: str,
                                                                    place: str) -> None:
    assert "Myitkyina" not in {p for _, p in changes(text)}
def test_the_place_of_a_later_phrase_is_not_the_earlier_ones() -> None:
    text = ("The TNLA began attacking the camps on 1 December and seized Namhsan town on "
            "5 December.")
    events = {(e.event_type, e.place, e.date) for e in run(text)}
    assert ("capture", "Namhsan", "2024-12-05") in events
    assert ("assault", "Namhsan", "2024-12-05") not in events


# -- named sites the article locates elsewhere in the sentence ----------------------------------

def test_named_outpost_located_by_its_sentences_township() -> None:
    text = ("Fighting raged in Hpakant Township, where the KIA retook the Nam Lin Hkawng "
            "hilltop outpost near Pa Kahtawng Village on 4 August.")
    events = [e for e in run(text) if e.event_type == "capture"]
    assert [(e.place, e.date) for e in events] == [("Nam Lin Hkawng outpost", "2024-08-04")]
    hpakant = at("The KIA seized Hpakant on Dec. 1.", "Hpakant")
    assert (events[0].lat, events[0].lon) == (hpakant.lat, hpakant.lon)
    assert events[0].place_approximate


def test_named_village_keeps_the_place_of_its_first_mention() -> None:
    text = ("Clashes hit Ja Htu Village in Hpakant Township on Sunday. A junta column "
            "raided Ja Htu Village on Monday.")
    got = {(e.event_type, e.place) for e in run(text)}
    assert ("assault", "Ja Htu Village") in got


def test_list_after_a_header_and_across_numbered_asides() -> None:
    text = ("The army has lost control of six towns in northern Shan State – Kunlong, "
            "Laukkaing, Kutkai and Muse – two in Kachin State – Sinbo and Shwegu – and "
            "Mogok in Mandalay Region.")
    assert {p for t, p in changes(text) if t == "capture"} == {
        "Kunlong", "Laukkaing", "Kutkai", "Muse", "Sinbo", "Shwegu", "Mogok"}


def test_relative_clause_after_a_region_qualifier() -> None:
    text = ("The army declared martial law in Momauk and Shwegu townships in Kachin State on "
            "Monday, which were seized by the KIA in November.")
    got = {(e.event_type, e.place, e.date, e.actor) for e in run(text)}
    assert {("capture", "Momauk", "2024-11", "KIA"), ("capture", "Shwegu", "2024-11", "KIA")} \
        <= got


def test_second_of_two_coordinated_phrases_shares_the_subject() -> None:
    text = "Sinbo was attacked on 2 December and was finally captured on 6 December."
    got = {(e.event_type, e.place, e.date) for e in run(text)}
    assert {("assault", "Sinbo", "2024-12-02"), ("capture", "Sinbo", "2024-12-06")} <= got


@pytest.mark.parametrize("text, place", [
    ("The KIA attacked Bhamo on 1 December. The MNDAA withdrew from Lashio on 3 December, "
     "handing the city to the junta.", "Lashio"),
    ("Fighting went on near Bhamo on 1 December. On 3 December the TNLA pulled out of "
     "Mogok and the army retook the town.", "Mogok"),
    ("The KIA besieged Bhamo on 1 December. Troops retreated from Hsipaw on 3 December "
     "and the TNLA seized the town.", "Hsipaw"),
])
def test_the_town_is_first_the_one_its_own_sentence_names(text: str, place: str) -> None:
    assert ("capture", place) in changes(text)
    assert ("capture", "Bhamo") not in changes(text)


@pytest.mark.parametrize("text, site", [
    ("Kachin fighters overran the army's last two outposts around Bhamo on 3 December.",
     "outpost around Bhamo"),
    ("The KIA took the last junta positions outside Bhamo on 3 December.",
     "position outside Bhamo"),
])
def test_the_last_posts_around_a_town_are_not_the_town(text: str, site: str) -> None:
    got = changes(text)
    assert ("capture", site) in got and ("capture", "Bhamo") not in got, got


@pytest.mark.parametrize("text", [
    "The KIA captured the last two bases in Mansi on 3 December.",
    "On 3 December the KIA seized the last junta base inside Mansi.",
])
def test_the_last_bases_in_a_town_are_the_town(text: str) -> None:
    assert ("capture", "Mansi") in changes(text)


@pytest.mark.parametrize("text", [
    "KIA troops overran an outpost on 3 November, a Bhamo resident said.",
    "Fighters seized a hilltop camp, two Bhamo residents told reporters.",
    "The KIA captured a junta post on Sunday, a Bhamo-based journalist said.",
])
def test_a_town_named_as_where_a_witness_lives_is_not_the_object(text: str) -> None:
    assert ("capture", "Bhamo") not in changes(text)


@pytest.mark.parametrize("text", [
    "The army seized rice shipments bound for Laiza on 3 December.",
    "The KIA seized an army convoy heading to Bhamo on 3 December.",
    "Troops captured fuel trucks en route to Laiza on 3 December.",
    "Rebels captured the Bhamo district administrator on 3 December.",
    "The TNLA captured 50 soldiers in Kyaukme on 3 December.",
])
def test_goods_people_and_convoys_taken_are_no_place_taken(text: str) -> None:
    assert not [p for t, p in changes(text) if t == "capture"]


@pytest.mark.parametrize("text", [
    "The TNLA took control of the last army base in the northern Shan State town of "
    "Namhkam on Tuesday.",
    "TNLA seizes last junta base in northern Shan State town of Namhkam on Tuesday",
    "The KIA took the last base in the Kachin State town of Namhkam on Tuesday.",
    "On Tuesday the TNLA overran the final army camp inside the border town of Namhkam.",
])
def test_the_last_base_in_a_described_town_is_the_town_falling(text: str) -> None:
    got = [e for e in run(text) if e.event_type in ("capture", "assault")]
    assert [(e.event_type, e.place, e.date) for e in got] == [
        ("capture", "Namhkam", "2024-12-10")]


def test_some_outposts_in_a_described_town_are_no_town_falling() -> None:
    got = {e.place for e in run("The KIA took three hilltop outposts of the junta in the "
                                "Kachin State town of Momauk on Tuesday.")
           if e.event_type == "capture"}
    assert "Momauk" not in got


@pytest.mark.parametrize("text, place", [
    ("After the truce broke down, the TNLA launched attacks on Mandalay's Mogok Township "
     "on 3 December.", "Mogok"),
    ("On 3 December the junta attacked Sagaing’s Indaw town.", "Indaw"),
])
def test_a_region_s_possessive_points_to_the_place_after_it(text: str, place: str) -> None:
    got = [e for e in run(text) if e.event_type == "assault"]
    assert [e.place for e in got] == [place]


@pytest.mark.parametrize("text", [
    "The KIA captured towns such as Sinbo, Momauk and Shwegu on 3 December.",
    "On 3 December the KIA seized several towns, namely Sinbo, Momauk and Shwegu.",
    "The KIA took three towns like Sinbo, Momauk and Shwegu on 3 December.",
])
def test_a_list_introduced_by_such_as_or_namely(text: str) -> None:
    got = {e.place for e in run(text) if e.event_type == "capture"
           and e.date == "2024-12-03"}
    assert got == {"Sinbo", "Momauk", "Shwegu"}


@pytest.mark.parametrize("text", [
    "The regime's last outpost in Mansi fell on 3 December.",
    "On 3 December the final junta base inside Mansi was overrun by the KIA.",
])
def test_the_last_base_in_a_town_falling_as_subject_is_the_town(text: str) -> None:
    assert ("capture", "Mansi", "2024-12-03") in {
        (e.event_type, e.place, e.date) for e in run(text)}


def test_an_outpost_in_a_town_falling_is_only_the_outpost() -> None:
    got = {e.place for e in run("A junta outpost in Mansi fell on 3 December.")
           if e.event_type == "capture"}
    assert got == {"outpost in Mansi"}


@pytest.mark.parametrize("text, place", [
    ("KIA fighters have captured the strategic Lweje border town, the group said on "
     "3 December.", "Lweje"),
    ("The TNLA captured the Muse border town on 3 December.", "Muse"),
])
def test_a_border_town_is_the_town_not_an_area(text: str, place: str) -> None:
    assert {e.place for e in run(text) if e.event_type == "capture"} == {place}


@pytest.mark.parametrize("text, places", [
    ("The Sagaing towns of Kawlin and Shwe Pyi Aye have already fallen to resistance "
     "forces.", {"Kawlin", "Shwe Pyi Aye"}),
    ("The KIA seized the Sagaing town of Kawlin on Monday.", {"Kawlin"}),
    ("On Monday the resistance took the Sagaing township of Kawlin.", {"Kawlin"}),
])
def test_a_place_that_only_locates_the_town_named_next_is_no_object(
        text: str, places: set[str]) -> None:
    assert {e.place for e in run(text) if e.event_type == "capture"} == places


def test_a_township_of_a_district_is_still_the_object() -> None:
    assert [e.place for e in run("The KIA attacked Mansi Township of Bhamo District on "
                                 "Monday.") if e.event_type == "assault"] == ["Mansi"]


@pytest.mark.parametrize("text", [
    "The fighters took 20 soldiers prisoner and seized more than 30 weapons, a member of "
    "the Thabeikkyin defence team said.",
    "The KIA seized 30 rifles at Mansi on Monday.",
    "On Monday the TNLA captured dozens of weapons and vehicles near Kyaukme.",
])
def test_goods_taken_near_a_place_are_no_capture_of_it(text: str) -> None:
    assert not [e for e in run(text) if e.event_type == "capture"]


@pytest.mark.parametrize("text, place", [
    ("The KIA seized 30 rifles and the army camp in Mansi.", "Mansi"),
    ("The KIA seized Mansi and 30 weapons on Monday.", "Mansi"),
])
def test_a_place_taken_with_goods_is_still_taken(text: str, place: str) -> None:
    assert any(place in e.place for e in run(text) if e.event_type == "capture")


@pytest.mark.parametrize("text", [
    "The alliance renewed its offensive along the highway connecting the second city, "
    "Mandalay, to the border.",
    "Rebels attacked convoys on the road linking Mandalay and Lashio on Monday.",
])
def test_the_towns_a_road_joins_are_not_attacked(text: str) -> None:
    assert not [e for e in run(text) if e.event_type == "assault"
                and e.place in ("Mandalay", "Lashio")]


@pytest.mark.parametrize("text", [
    "Over 300 soldiers who fled Kanpiketi after the KIA seized it were handed back to the "
    "junta by China on Friday.",
    "Refugees who had left Lweje were returned to the military on Friday.",
])
def test_people_handed_back_are_no_place_handed_back(text: str) -> None:
    assert not [e for e in run(text) if e.event_type == "capture" and e.actor == "junta"]


def test_a_place_handed_back_is_still_taken() -> None:
    assert [(e.place, e.actor) for e in run("Kanpiketi was handed back to the junta on "
                                            "Friday.") if e.event_type == "capture"] == [
        ("Kan Paik Ti", "junta")]
