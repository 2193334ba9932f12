"""Dates and actors across sentences (issue 11), on sentences of our own.

A date carried from an adjacent sentence of the same story ("... today."), the day of a
statement when nothing else dates the event, the narrative year, "the following
morning", periods, background events long before publication, no date after
publication, and the actor of a pronoun subject.
"""

from __future__ import annotations

import datetime as dt

import pytest
from support.extraction import PUB, run


def dated(text: str, published: dt.date | None = PUB) -> set[tuple[str, str, str]]:
    return {(e.event_type, e.place, e.date) for e in run(text, published)
            if e.event_type in ("capture", "assault")}


@pytest.mark.parametrize("text, date", [
    ("Kachin fighters have captured Sinbo and its garrison. The operation ended at dawn "
     "today, a spokesman said.", "2024-12-10"),
    ("On 3 December the KIA stepped up its campaign. Its troops seized Sinbo.",
     "2024-12-03"),
    ("Residents said Shwegu had fallen. The garrison gave up on Sunday afternoon.",
     "2024-12-08"),
])
def test_date_carried_from_an_adjacent_sentence(text: str, date: str) -> None:
    got = {(p, d) for t, p, d in dated(text) if t == "capture"}
    assert got and all(d == date for _, d in got)


def test_no_date_is_carried_from_a_sentence_about_another_place() -> None:
    text = "The KIA took Sinbo. The army bombed Momauk on 2 December."
    assert ("capture", "Sinbo", "") in dated(text)


def test_no_date_is_carried_from_far_away() -> None:
    text = "The KIA took Sinbo. Talks stalled. Prices rose. On 2 December traders left."
    assert ("capture", "Sinbo", "") in dated(text)


@pytest.mark.parametrize("text, date", [
    ("The TNLA announced on Monday that it had captured Kyaukme.", "2024-12-09"),
    ("Kyaukme has fallen to the TNLA, the group said on Monday.", "2024-12-09"),
])
def test_day_of_the_statement_when_nothing_else_dates_it(text: str, date: str) -> None:
    events = [e for e in run(text) if e.event_type == "capture"]
    assert [(e.place, e.date) for e in events] == [("Kyaukme", date)]
    assert events[0].confidence < 0.9  # an inferred date


def test_stated_date_wins_over_the_day_of_the_statement() -> None:
    text = "The TNLA said on Monday that it had captured Kyaukme on 2 December."
    assert ("capture", "Kyaukme", "2024-12-02") in dated(text)


def test_narrative_year_in_a_story_about_last_year() -> None:
    text = ("The KIA took the Tasai road on 7 March 2024. Army columns attacked Momauk on "
            "20 August.")
    assert ("assault", "Momauk", "2024-08-20") in dated(text, dt.date(2025, 9, 13))


def test_the_following_morning_and_that_year() -> None:
    text = ("The KIA attacked Shwegu on 3 March 2023 and took the town the following "
            "morning. Fighting moved north in June 2024, and Sinbo fell in October that "
            "year.")
    got = dated(text, dt.date(2025, 3, 1))
    assert {("assault", "Shwegu", "2023-03-03"), ("capture", "Shwegu", "2023-03-04"),
            ("capture", "Sinbo", "2024-10")} <= got


def test_capture_over_a_period_takes_its_end() -> None:
    text = ("Army columns recaptured all the wards and bases around Bhamo from 4 August to "
            "11 September 2025.")
    assert ("capture", "Bhamo", "2025-09-11") in dated(text, dt.date(2025, 9, 20))


def test_background_long_before_publication_is_not_an_event() -> None:
    text = ("Sinbo fell to the communists in 1968 and was retaken in 1992. The KIA captured "
            "Sinbo again on 3 December.")
    got = dated(text)
    assert got == {("capture", "Sinbo", "2024-12-03")}


def test_a_context_year_does_not_date_an_undated_mention() -> None:
    text = ("The KIO, founded in 1961, runs Laiza. Over the next days its troops took "
            "Sinbo.")
    assert ("capture", "Sinbo", "") in dated(text)


def test_no_event_is_dated_after_publication() -> None:
    text = "The KIA captured Sinbo on 20 December."  # before PUB only in 2023
    assert dated(text) == {("capture", "Sinbo", "2023-12-20")}


@pytest.mark.parametrize("text, actor", [
    ("The TNLA captured Kyaukme on 2 December. It has also seized the police station in "
     "Hsipaw.", "TNLA"),
    ("The Brotherhood Alliance took Laukkaing on 2 December. Kunlong fell on 5 December.",
     "alliance"),
])
def test_actor_of_the_event_just_before(text: str, actor: str) -> None:
    events = [e for e in run(text) if e.event_type == "capture"]
    assert events and all(e.actor == actor for e in events)


def test_date_carried_across_one_sentence_that_reports_nothing() -> None:
    text = ("On Sunday the KIA seized a hilltop camp. Its defenders fled north. Kachin "
            "fighters had taken the camp near Sinbo after a short fight.")
    assert ("capture", "camp near Sinbo", "2024-12-08") in dated(text)
    text = "On Sunday the KIA moved north. Its columns rested. Kachin fighters took Sinbo."
    # that day is about something else: only its month, the story's, is carried (below)
    assert ("capture", "Sinbo", "2024-12") in dated(text)


def test_actor_carried_over_a_quotation() -> None:
    text = ("The TNLA seized Kyaukme on 2 December. \u201cWe are tired,\u201d a fighter said. "
            "\u201cPeople are leaving.\u201d A militia camp in Hsipaw was captured on 4 "
            "December.")
    events = {e.place: e.actor for e in run(text) if e.event_type == "capture"}
    assert events.get("camp in Hsipaw") == "TNLA"


def test_joint_forces_of_an_actor_act() -> None:
    text = "On 2 December the joint forces of the KIA and its allies captured Sinbo."
    assert [e.actor for e in run(text) if e.event_type == "capture"] == ["KIA"]


def test_actor_of_the_next_event_when_none_before() -> None:
    text = ("A militia camp near Sinbo was captured on 1 December. Nobody was hurt. Two days "
            "later the KIA also seized Shwegu.")
    events = {e.place: e.actor for e in run(text) if e.event_type == "capture"}
    assert events == {"camp near Sinbo": "KIA", "Shwegu": "KIA"}


@pytest.mark.parametrize("text, named", [
    ("On Monday the allies seized a junta base in Mansi Township. They captured the base "
     "at Si Kham Gyi village after a four-day battle.", "Si Hkam Gyi"),
    ("Kachin fighters overran an army outpost in Mansi Township on Monday, the KIA said. "
     "Residents said the outpost in Si Kham Gyi village had fallen to the KIA.",
     "Si Hkam Gyi"),
    ("The KIA took the outpost in Si Kham Gyi village after a long siege. The junta post in "
     "Mansi Township was overrun on Monday, residents said.", "Si Hkam Gyi"),
])
def test_a_site_told_by_its_township_is_the_site_named_elsewhere(text: str,
                                                                named: str) -> None:
    got = [e for e in run(text) if e.event_type == "capture"]
    assert [e.place for e in got] == [named], got
    assert got[0].date == "2024-12-09"


@pytest.mark.parametrize("text", [
    # several sites: the named one is only one of them
    "On Monday the allies seized three junta outposts in Mansi Township. The outpost in "
    "Si Kham Gyi village fell to them too.",
    # the other side: another event
    "On Monday the army retook a base in Mansi Township. In October the KIA had seized "
    "the base in Si Kham Gyi village.",
])
def test_a_township_site_stays_when_the_named_one_is_another_event(text: str) -> None:
    got = {e.place for e in run(text) if e.event_type == "capture"}
    assert any(p.endswith("Mansi Township") for p in got) and "Si Hkam Gyi" in got, got


@pytest.mark.parametrize("text", [
    "The army said it retook Namtu on Monday. The town had been seized by opposition "
    "fighters last summer.",
    "The army said it retook Namtu on Monday. Anti-coup forces had captured the town last "
    "summer.",
    "On Monday the junta retook Namtu. Ethnic rebels had taken it during the monsoon.",
])
def test_an_unnamed_side_and_a_season_keep_the_other_side_s_actor_and_day(text: str) -> None:
    got = sorted((e.actor, e.date) for e in run(text) if e.event_type == "capture")
    assert got == [("", ""), ("junta", "2024-12-09")], got


@pytest.mark.parametrize("text", [
    "The KIA seized the Sinbo base. It is the latest base to fall since the launch of the "
    "offensive on 7 March.",
    "KIA troops overran the camp at Sinbo. The group has taken 40 posts since it began its "
    "push on 7 March.",
])
def test_the_start_of_a_campaign_does_not_date_a_later_capture(text: str) -> None:
    got = [e for e in run(text) if e.event_type == "capture" and "Sinbo" in e.place]
    assert got and all(e.date != "2024-03-07" for e in got), got


def test_the_start_of_attacks_still_dates_the_attacks() -> None:
    text = ("The army said three groups launched attacks on outposts since 7 March. They "
            "struck outposts in Namtu and Hsipaw.")
    got = {(e.place, e.date) for e in run(text) if e.event_type == "assault"}
    assert got == {("Namtu", "2024-03-07"), ("Hsipaw", "2024-03-07")}, got


@pytest.mark.parametrize("text", [
    "After capturing Namtu on 7 March, the TNLA attacked Kutkai.",
    "The officer said that after taking Namtu on 7 March, his troops were attacking Kutkai.",
    "Following the capture of Namtu on 7 March, the TNLA moved on Kutkai and attacked it.",
])
def test_an_opening_after_clause_dates_its_own_event_not_the_main_one(text: str) -> None:
    got = {(e.event_type, e.place, e.date) for e in run(text)}
    assert ("capture", "Namtu", "2024-03-07") in got, got
    assert all(e.date != "2024-03-07" for e in run(text) if e.place == "Kutkai"), got


@pytest.mark.parametrize("text", [
    "Regime forces began trying to retake Shwegu on 26 November. After ten days of losses, "
    "regime forces retreated from the town on Saturday.",
    "Junta columns attacked Shwegu from three sides. The columns were beaten back, and "
    "junta troops withdrew from the town on 5 December.",
])
def test_an_attacker_s_retreat_loses_no_place(text: str) -> None:
    assert not [e for e in run(text) if e.event_type == "capture"]


@pytest.mark.parametrize("text", [
    "The KIA attacked Shwegu on Monday. Junta troops retreated from the town on Tuesday.",
    "The junta held Shwegu for years. Junta troops attacked a KIA camp near Shwegu on "
    "Monday, then withdrew from Shwegu on Tuesday.",
])
def test_a_defender_s_retreat_still_loses_the_place(text: str) -> None:
    got = [e for e in run(text) if e.event_type == "capture" and e.place == "Shwegu"]
    assert got and all(e.actor != "junta" and e.target == "junta" for e in got), got


@pytest.mark.parametrize("text", [
    "Junta forces abandoned their mission to retake Shwegu on Saturday after ten days.",
    "The army called off its drive to recapture Shwegu on Saturday.",
])
def test_a_mission_given_up_was_an_assault(text: str) -> None:
    assert [e.event_type for e in run(text) if e.place == "Shwegu"] == ["assault"]


@pytest.mark.parametrize("text", [
    "Regime forces began trying to retake Shwegu on 26 November. On Saturday, junta forces "
    "abandoned their mission to retake the town.",
    "The army launched a drive to recapture Shwegu on 26 November. Its columns called off "
    "the drive to recapture Shwegu on Saturday.",
])
def test_an_attempt_given_up_is_dated_by_its_start_when_the_story_tells_it(text: str) -> None:
    assert {e.date for e in run(text) if e.event_type == "assault"} == {"2024-11-26"}


@pytest.mark.parametrize("text", [
    "Junta forces abandoned their mission to retake Shwegu on Saturday.",
    "The KIA called off its siege of Shwegu on Saturday.",
])
def test_an_attempt_given_up_alone_keeps_the_day_it_ended(text: str) -> None:
    assert [e.date for e in run(text) if e.place == "Shwegu"] == ["2024-12-07"]


STORY_OF_ONE_TOWN = (
    "SHWEGU: The KIA has captured the town of Shwegu, residents said. The KIA said it had "
    "taken the last base in Shwegu after weeks of fighting. Shwegu, a town of 20,000, lies "
    "on the river road to Bhamo. Photos showed fighters walking past burned shops. Others "
    "showed trenches the army had left. A uniform was found in one of the buildings. A "
    "resident said the KIA had taken control of the town on Sunday.")


def test_a_plain_the_town_far_back_is_the_town_the_story_is_about() -> None:
    got = [e for e in run(STORY_OF_ONE_TOWN) if e.excerpt.startswith("A resident")]
    assert [(e.event_type, e.place, e.date) for e in got] == [
        ("capture", "Shwegu", "2024-12-08")]


@pytest.mark.parametrize("text", [
    # two towns as often: no story town
    STORY_OF_ONE_TOWN.replace("lies on the river road to Bhamo",
                              "lies near Bhamo, and Bhamo and Bhamo are near"),
    # a described town may be another
    STORY_OF_ONE_TOWN.replace("control of the town on Sunday",
                              "control of the river town on Sunday"),
])
def test_no_story_town_when_the_story_has_two_or_the_town_is_described(text: str) -> None:
    assert not [e for e in run(text) if e.excerpt.startswith("A resident")]
