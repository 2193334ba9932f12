"""General rules for failure classes of real reporting (issue 11), each on sentences of our
own in several phrasings: plans and forecasts are not events; assaults stated as battles,
attempts or fights for control; list dates; actors of appositives and of the regime's
recaptures; bases in villages; relative weekdays.
"""

from __future__ import annotations

import datetime as dt

import pytest
from support.extraction import run

from gazetteer.extract.sentences import hard_wrapped


def control(text: str) -> set[tuple[str, str, str, str]]:
    return {(e.event_type, e.place, e.date, e.actor) for e in run(text)
            if e.event_type in ("capture", "assault")}


@pytest.mark.parametrize("text", [
    "Analysts say the army is preparing an offensive to retake Hsipaw from the TNLA.",
    "Observers think the army is preparing an offensive to also retake Hsipaw.",
    "The junta is preparing a major push to recapture Kyaukme.",
    "The junta plans a fresh push to recapture Kyaukme.",
    "One officer said the army will halt its campaign after retaking Mogok.",
    "The KIA would withdraw once it captures Bhamo, a commander said.",
    "The insurgents are now focused on taking Lashio, a resident said.",
    "Fighters are now focusing on capturing the Bhamo airport.",
    "The TNLA aims to seize Kyaukme before the rains.",
    "The MNDAA is expected to take Lashio within weeks.",
])
def test_plans_and_forecasts_are_no_event(text: str) -> None:
    assert control(text) == set()


@pytest.mark.parametrize("text, place, date, actor", [
    ("The KIA captured Mansi on 3 December and will now move on Bhamo.", "Mansi",
     "2024-12-03", "KIA"),
    ("Resistance fighters are focusing their assault on army positions in Kyaukme.",
     "Kyaukme", None, "PDF"),
    ("The KIA launched an offensive to capture Bhamo on 4 December.", "Bhamo", "2024-12-04",
     "KIA"),
])
def test_reports_beside_plans_stay(text: str, place: str, date: str | None, actor: str
                                   ) -> None:
    got = {(t, p, d) for t, p, d, _ in control(text)}
    assert any(p == place and (date is None or d == date) for _, p, d in got), got


@pytest.mark.parametrize("text, places, date", [
    ("The KIA has fought town-capture battles in Bhamo, Mansi and Shwegu since 4 December.",
     ("Bhamo", "Mansi", "Shwegu"), "2024-12-04"),
    ("TNLA troops began capture operations against Kyaukme and Hsipaw on 2 December.",
     ("Kyaukme", "Hsipaw"), "2024-12-02"),
    ("PDF fighters attacked security posts in Madaya and Singu on 2 December.",
     ("Madaya", "Singu"), "2024-12-02"),
    ("Fighting for control of Bhamo began on 4 December.", ("Bhamo",), "2024-12-04"),
    ("The battle for full control over Mansi started on 3 December.", ("Mansi",),
     "2024-12-03"),
])
def test_battles_and_fights_for_control_are_dated_assaults(text: str, places: tuple[str, ...],
                                                            date: str) -> None:
    got = {(p, d) for t, p, d, _ in control(text) if t == "assault"}
    for place in places:
        assert (place, date) in got, got


def test_list_items_with_their_own_dates_keep_them() -> None:
    got = {(p, d) for t, p, d, _ in control(
        "The KIA took Sinbo on 29 November, Shwegu on 3 December and Mansi.")
        if t == "capture"}
    assert ("Sinbo", "2024-11-29") in got
    assert ("Shwegu", "2024-12-03") in got


@pytest.mark.parametrize("text, places", [
    ("The TNLA attacked the Kyaukme area on 2 December.", ("Kyaukme",)),
    ("Alliance fighters launched attacks on the Hsipaw and Kyaukme areas on 2 December.",
     ("Hsipaw", "Kyaukme")),
])
def test_an_area_attacked_contests_its_town(text: str, places: tuple[str, ...]) -> None:
    got = {p for t, p, d, _ in control(text) if t == "assault" and d == "2024-12-02"}
    assert set(places) <= got


@pytest.mark.parametrize("text", [
    "The KIA seized the Bhamo area on 2 December.",
    "Clashes broke out in the Mansi area on 2 December.",
])
def test_an_area_is_no_town_taken(text: str) -> None:
    assert not {p for t, p, _, _ in control(text) if t == "capture"}


@pytest.mark.parametrize("text, place, actor", [
    ("The MNDAA, a TNLA ally, has seized the town of Lashio.", "Lashio", "MNDAA"),
    ("The KIA, a close AA partner, captured Bhamo on 3 December.", "Bhamo", "KIA"),
    ("The Kachin Independence Army, another Brotherhood partner, took Mansi on 3 December.",
     "Mansi", "KIA"),
    ("In Kachin, a KIA unit seized Mansi on 3 December.", "Mansi", "KIA"),
])
def test_an_appositive_group_is_not_the_actor(text: str, place: str, actor: str) -> None:
    assert {(p, a) for t, p, _, a in control(text) if t == "capture"} == {(place, actor)}


@pytest.mark.parametrize("text, place", [
    ("Myanmar’s junta has launched an offensive against the Kachin Independence Army "
     "(KIA)-controlled Bhamo Township since Tuesday, after it recaptured the adjacent town "
     "of Shwegu.", "Shwegu"),
    ("The army has attacked KIA-held Bhamo since Tuesday, after its troops had retaken "
     "Shwegu.", "Shwegu"),
    ("The KIA briefly held Mongmit in November, but the town was retaken by the regime.",
     "Mongmit"),
    ("Lashio was handed back to the regime on 1 December.", "Lashio"),
    ("The regime had retaken Hsipaw on 1 December.", "Hsipaw"),
])
def test_the_regime_retaking_a_town_is_the_junta(text: str, place: str) -> None:
    assert (place, "junta") in {(p, a) for t, p, _, a in control(text) if t == "capture"}


def test_a_capture_before_a_period_since_does_not_take_its_start() -> None:
    got = {(p, d) for t, p, d, _ in control(
        "The army has attacked Bhamo since Tuesday, after it recaptured Shwegu.")}
    assert ("Bhamo", "2024-12-10") in got
    assert ("Shwegu", "2024-12-10") not in got


@pytest.mark.parametrize("text", [
    "The KIA has seized Sadung, Sinbo and Lweje since March 7, a spokesman said.",
    "Since 7 March the KIA has captured more than 50 posts, among them Sadung.",
    "Kachin forces have overrun Sadung and several camps near it since 7 March.",
])
def test_a_capture_within_a_period_since_a_day_is_not_that_day(text: str) -> None:
    # taken some time after 7 March: the period's first day is no capture date
    got = {(p, d) for t, p, d, _ in control(text) if t == "capture"}
    assert ("Sadung", "2024-03-07") not in got and any(p == "Sadung" for p, _ in got)


@pytest.mark.parametrize("text", [
    "The KIA has seized Sadung, Sinbo and Lweje since March 7, a spokesman said.",
    "Since 7 March the KIA has captured more than 50 posts, among them Sadung.",
    "Kachin forces have overrun Sadung since the offensive began on 7 March.",
])
def test_a_capture_within_a_period_inside_the_month_of_publication_is_of_that_month(
        text: str) -> None:
    # from 7 March to publication on 28 March: taken in March, the day unknown
    got = {(e.place, e.date, e.date_precision) for e in run(text, dt.date(2024, 3, 28))
           if e.event_type == "capture"}
    assert ("Sadung", "2024-03", "month") in got, got
    # published in April, the period spans two months: no month is stated
    later = {(e.place, e.date) for e in run(text, dt.date(2024, 4, 10))
             if e.event_type == "capture"}
    assert ("Sadung", "") in later, later


@pytest.mark.parametrize("text", [
    "The KIA has occupied Sadung since March 7.",
    "Sadung has been under KIA control since 7 March.",
])
def test_a_holding_since_a_day_still_begins_that_day(text: str) -> None:
    assert ("Sadung", "2024-03-07") in {(p, d) for t, p, d, _ in control(text)
                                        if t == "capture"}


@pytest.mark.parametrize("text", [
    "The KIA already controls to the north of Momauk town.",
    "Kachin fighters now hold the hills to the south of Momauk.",
])
def test_land_to_the_north_of_a_town_is_no_part_of_it(text: str) -> None:
    assert "Momauk" not in {p for t, p, _, _ in control(text) if t == "capture"}


@pytest.mark.parametrize("text, place, actor", [
    ("The TNLA proudly declared the liberation of Namhsan on 3 December.", "Namhsan", "TNLA"),
    ("On 3 December the MNDAA released photos of the capture of Laukkaing.", "Laukkaing",
     "MNDAA"),
    ("The KIA announced the seizure of Sadung on 3 December.", "Sadung", "KIA"),
    ("On 3 December the MNDAA put out photos showing the capture of Laukkaing.", "Laukkaing",
     "MNDAA"),
    ("The TNLA issued a statement confirming the seizure of Namhsan on 3 December.",
     "Namhsan", "TNLA"),
    ("The KIA shared footage documenting the capture of Sadung on 3 December.", "Sadung",
     "KIA"),
    ("The junta admitted the fall of Lashio on 3 December.", "Lashio", ""),
    ("The junta bombed Mansi on 3 December after the capture of Bhamo.", "Bhamo", ""),
])
def test_the_group_announcing_a_capture_took_it(text: str, place: str, actor: str) -> None:
    got = {(p, a) for t, p, _, a in control(text) if t == "capture"}
    assert (place, actor) in got, got


@pytest.mark.parametrize("text, lat, lon", [
    # MIMU's Da Lu (Tanai Township) lies ~50 km west of Tanai town: the township settles it
    ("The KIA captured the army base in Dalu village, Tanai Township, on 1 December.",
     26.35324, 96.20946),
    ("On 1 December KIA troops overran the junta base in Da Lu Village in Tanai Township.",
     26.35324, 96.20946),
    ("The KIA seized the Mali Yang camp in Sumprabum Township on 1 December.", 26.5772,
     97.69014),
    ("On 1 December the KIA took the Mali Yang army camp from junta troops in Sumprabum "
     "Township.", 26.5772, 97.69014),
    ("The KIA overran the Mali Yang outpost, Sumprabum Township, on 1 December.", 26.5772,
     97.69014),
])
def test_a_base_in_a_village_is_at_the_village_not_the_township_seat(
        text: str, lat: float, lon: float) -> None:
    events = [e for e in run(text) if e.event_type == "capture"]
    assert events, text
    for e in events:
        assert e.place not in ("Tanai", "Sumprabum")
        assert (round(e.lat, 4), round(e.lon, 4)) == (round(lat, 4), round(lon, 4))


def test_an_attacked_village_does_not_contest_its_township_seat() -> None:
    events = [e for e in run("Junta troops raided Da Lu Village in Tanai Township on "
                             "1 December.") if e.event_type == "assault"]
    assert events and all(e.place != "Tanai" for e in events)


@pytest.mark.parametrize("text", [
    "The TNLA took Mogok last week on Wednesday.",
    "The TNLA took Mogok on Wednesday last week.",
    "The TNLA took Mogok on Wednesday of last week.",
    "The TNLA took Mogok on the Wednesday of the week before.",
    "The TNLA took Mogok a week ago on Wednesday.",
    "The TNLA took Mogok on Wednesday, the week before.",
])
def test_a_weekday_of_last_week(text: str) -> None:
    published = dt.date(2024, 8, 1)  # a Thursday: that week's Wednesday is 31 July
    assert [e.date for e in run(text, published)] == ["2024-07-24"]


@pytest.mark.parametrize("text, day", [
    ("The TNLA took Mogok on Wednesday.", "2024-07-31"),
    ("The TNLA took Mogok last Wednesday.", "2024-07-31"),
    ("The TNLA took Mogok on Monday of the previous week.", "2024-07-22"),
])
def test_weekdays_of_this_and_the_previous_week(text: str, day: str) -> None:
    assert [e.date for e in run(text, dt.date(2024, 8, 1))] == [day]


def _wrapped(words: str, width: int = 60) -> str:
    """``words`` hard-wrapped at ``width`` characters, as some outlets' pages come."""
    lines: list[str] = []
    line = ""
    for w in words.split():
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    return "\n".join([*lines, line])


def test_hard_wrapped_prose_is_read_as_sentences() -> None:
    body = ("Fighting went on for a second week across the hills of the north, with "
            "many families sheltering in monasteries and schools near the river. On "
            "2 December the KIA launched its offensive to seize Mansi as part of a wider "
            "campaign, and by 6 December its fighters had taken control of the town "
            "after heavy shelling, residents and aid workers told reporters by phone "
            "from the border area.")
    text = "Kachin fighting\n" + _wrapped(body, 40)
    assert hard_wrapped(text)
    assert [ln for ln in text.splitlines() if ln.endswith("to seize")]  # cut mid-sentence
    events = run(text)
    got = {(e.event_type, e.place, e.date) for e in events}
    assert ("assault", "Mansi", "2024-12-02") in got
    for e in events:
        assert text[e.char_start:e.char_end] == e.excerpt


@pytest.mark.parametrize("text", [
    "The TNLA said it took Namhsan on 15 December. On the following\nday, the town was "
    "handed to its residents, a spokesman said.",
    "Fighters entered Namhsan on 15 December and the\ngroup said it had taken the town.",
    "Fighters entered Namhsan on 15 December and\n   held it by evening, the group said.",
])
def test_a_line_going_on_in_lower_case_continues_its_sentence(text: str) -> None:
    from gazetteer.extract.sentences import sentence_spans

    for a, b in sentence_spans(text):
        assert not text[a:b].endswith(("following", "the", "and")), text[a:b]
    for e in run(text):
        assert "\n" not in e.excerpt or e.excerpt.count(" ") > 3


def test_a_blank_line_ends_a_sentence_whatever_follows() -> None:
    from gazetteer.extract.sentences import sentence_spans

    text = "The KIA captured Shwegu on 2 December\n\nresidents fled to Bhamo."
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "The KIA captured Shwegu on 2 December", "residents fled to Bhamo."]


@pytest.mark.parametrize("text", [
    "The army left the town by 6 p.m.\nBefore that, the KIA had taken Shwegu.",
    "Fighting stopped at 4 a.m.\n- The KIA then took Shwegu.",
])
def test_a_line_break_after_an_abbreviation_ends_the_sentence(text: str) -> None:
    from gazetteer.extract.sentences import sentence_spans

    first, second = (text[a:b] for a, b in sentence_spans(text))
    assert first.endswith(".m.") and "Shwegu" in second


def test_an_abbreviation_inside_a_line_goes_on() -> None:
    from gazetteer.extract.sentences import sentence_spans

    text = "The KIA took Shwegu at 6 p.m. on Monday, residents said."
    assert len(sentence_spans(text)) == 1


def test_short_lines_are_not_joined() -> None:
    text = "Mansi\nBhamo\nThe KIA captured Shwegu on 2 December."
    assert {e.place for e in run(text) if e.event_type == "capture"} == {"Shwegu"}


@pytest.mark.parametrize("text, day", [
    ("The town's last prince was deposed on 2 March 1959. On 10 December the TNLA launched "
     "an offensive to take Namhsan.", "2024-12-10"),
    ("Founded in March 1960, the group is the oldest in the state. On 4 December it "
     "captured Sadung, the KIA said.", "2024-12-04"),
])
def test_a_year_long_past_gives_no_year_to_the_next_sentence(text: str, day: str) -> None:
    assert [e.date for e in run(text) if e.event_type in ("capture", "assault")] == [day]


@pytest.mark.parametrize("text, place, actor", [
    ("Kyaukme lies near Lashio, the state capital, which the MNDAA, a TNLA ally, handed back "
     "to the regime under pressure.", "Lashio", "junta"),
    ("Lashio, which the MNDAA handed back to the junta in April, is calm.", "Lashio",
     "junta"),
    ("Mansi, which the KIA captured on 3 December, is quiet.", "Mansi", "KIA"),
])
def test_a_relative_clause_acts_on_the_place_before_it(text: str, place: str, actor: str
                                                       ) -> None:
    assert (place, actor) in {(p, a) for t, p, _, a in control(text) if t == "capture"}


@pytest.mark.parametrize("text", [
    "The city of Muse, which is a trade hub, is part of the territory to be occupied by the "
    "alliance.",
    "Mansi is the next town to be captured, the KIA said.",
])
def test_what_is_still_to_be_taken_is_no_capture(text: str) -> None:
    assert control(text) == set()


@pytest.mark.parametrize("text, first, second", [
    ("In late November the TNLA attacked Mogok, and on 3 December the MNDAA attacked "
     "Lashio.", ("Mogok", "2024-11"), ("Lashio", "2024-12-03")),
    ("At the end of November, PDF units attacked posts in Madaya, and on 3 December, "
     "the MNDAA began attacking Lashio.", ("Madaya", "2024-11"), ("Lashio", "2024-12-03")),
    ("On 1 December the KIA attacked Bhamo; on 3 December it attacked Mansi.",
     ("Bhamo", "2024-12-01"), ("Mansi", "2024-12-03")),
    ("The TNLA attacked Kyaukme on 28 November, but on 3 December the army attacked "
     "Hsipaw.", ("Kyaukme", "2024-11-28"), ("Hsipaw", "2024-12-03")),
])
def test_a_date_that_opens_the_next_clause_is_not_the_place_before_it(
        text: str, first: tuple[str, str], second: tuple[str, str]) -> None:
    got = {(p, d) for t, p, d, _ in control(text) if t == "assault"}
    assert first in got and second in got, got


@pytest.mark.parametrize("text", [
    "The KIA seized Mansi on 3 January and Shwegu on 5 January.",
    "The KIA seized Mansi on 3 January, and Shwegu on 5 January.",
])
def test_dates_of_the_items_of_a_list_stay_their_own(text: str) -> None:
    got = {(p, d) for _, p, d, _ in control(text)}
    assert {("Mansi", "2024-01-03"), ("Shwegu", "2024-01-05")} <= got, got


@pytest.mark.parametrize("text", [
    "A tactical command overseen by the Northern Command fell on 2 December.",
    "Two battalions subordinate to the Northeastern Command were overrun on 2 December.",
    "Outposts under the command of the Northern Command fell on 2 December.",
])
def test_a_command_that_oversees_what_fell_did_not_fall(text: str) -> None:
    assert {p for t, p, _, _ in control(text) if t == "capture"} & {
        "Northern Command", "Northeastern Command"} == set()


def test_a_command_itself_taken_is_still_captured() -> None:
    got = control("The MNDAA captured the Northeastern Command on 2 December.")
    assert ("capture", "Northeastern Command", "2024-12-02", "MNDAA") in got


@pytest.mark.parametrize("text", [
    "The KIA has not yet captured Bhamo.",
    "The KIA still has not yet taken Bhamo, residents said on 3 December.",
    "The KIA hasn't yet seized Bhamo despite weeks of fighting.",
])
def test_not_yet_taken_is_no_capture(text: str) -> None:
    assert {p for t, p, _, _ in control(text) if t == "capture"} == set()


@pytest.mark.parametrize("text", [
    "The army denied it, yet the KIA captured Bhamo on 3 December.",
    "Few expected it, and yet the KIA captured Bhamo on 3 December.",
])
def test_yet_as_but_still_opens_a_clause(text: str) -> None:
    assert ("capture", "Bhamo", "2024-12-03", "KIA") in control(text)


@pytest.mark.parametrize("text", [
    "The KIA is believed to be planning an assault on Myitkyina.",
    "The army plans a counteroffensive against Kyaukme.",
    "The TNLA is preparing a fresh attack on Mogok, sources said.",
    "Local media falsely reported that the TNLA had captured Mogok.",
    "A post wrongly reported that the KIA had taken Myitkyina.",
])
def test_planned_attacks_and_false_reports_are_no_event(text: str) -> None:
    assert control(text) == set()


@pytest.mark.parametrize("text", [
    "The KIA, which had been preparing for months, captured Bhamo on 3 December.",
    "The KIA, which had planned to wait, captured Bhamo on 3 December.",
    "The KIA, whose leaders had vowed to take it, captured Bhamo on 3 December.",
])
def test_an_aside_before_the_verb_cues_nothing(text: str) -> None:
    assert ("capture", "Bhamo", "2024-12-03", "KIA") in control(text)


def every_type(text: str) -> set[tuple[str, str]]:
    return {(e.event_type, e.place) for e in run(text)}


@pytest.mark.parametrize("text, place", [
    ("Junta jets attacked Laiza on 3 December, killing five civilians.", "Laiza"),
    ("Junta aircraft attacked the town of Mogok on 3 December.", "Mogok"),
    ("Military helicopters attacked Sadung on 3 December.", "Sadung"),
    ("A junta drone attacked Hsipaw on 3 December.", "Hsipaw"),
])
def test_an_attack_from_the_air_is_an_airstrike(text: str, place: str) -> None:
    got = every_type(text)
    assert ("airstrike", place) in got and ("assault", place) not in got, got


def test_ground_troops_backed_by_drones_still_assault() -> None:
    assert ("assault", "Bhamo") in every_type(
        "KIA troops, backed by drones, attacked Bhamo on 3 December.")


@pytest.mark.parametrize("text", [
    "A TNLA spokeswoman said IB 23 outside Hsipaw had fallen and more than 100 regime "
    "troops and their families surrendered on 13 October.",
    "The army camp near Hsipaw was overrun, and its 30 soldiers gave themselves up on 13 "
    "October.",
    "IB 23 fell to the TNLA and the remaining men laid down their arms on 13 October.",
])
def test_a_fall_is_dated_by_its_defenders_giving_up_in_the_next_clause(text: str) -> None:
    got = [(t, d) for t, p, d, _ in control(text) if t == "capture"]
    assert got and all(d == "2024-10-13" for _, d in got), got


def test_a_later_clause_of_another_event_still_dates_nothing() -> None:
    got = {(t, p, d) for t, p, d, _ in control(
        "Hsipaw fell, and then the TNLA attacked Kyaukme on 13 October.")}
    assert ("capture", "Hsipaw", "2024-10-13") not in got
