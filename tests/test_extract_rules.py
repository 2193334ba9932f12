"""Extraction rules, each on varied sentences of our own (other outlets, other spellings).

None of these sentences comes from the seed articles: the extractor must generalise.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gazetteer.articles import Article
from gazetteer.errors import DataFileError
from gazetteer.events import event_label
from gazetteer.extract import EVENT_COLUMNS, EXTRA_COLUMNS, extract_article, extract_articles
from gazetteer.ruledata import RULES_DIR, load_rules, validate

PUB = dt.date(2024, 12, 10)  # a Tuesday


def run(text: str, published: dt.date | None = PUB):
    article = Article(file="t.txt", text=text, published=published)
    events = extract_article(article)
    for e in events:
        assert text[e.char_start:e.char_end] == e.excerpt
    return events


def found(text: str, published: dt.date | None = PUB) -> set[tuple[str, str, str]]:
    return {(e.event_type, e.place, e.date) for e in run(text, published)}


def control(text: str, published: dt.date | None = PUB) -> set[tuple[str, str]]:
    """(type, place) of the control events; a partial capture reads "partial capture"."""
    return {(event_label(e.event_type, e.extent), e.place) for e in run(text, published)
            if e.event_type in ("capture", "assault", "held")}


# -- captures -----------------------------------------------------------------------------

@pytest.mark.parametrize("text, place, date", [
    ("Kachin rebels captured Mansi on 3 November 2024 after a week of fighting.", "Mansi",
     "2024-11-03"),
    ("The Kachin Independence Army seized Shwegu on Nov. 12, 2024, residents told Mizzima.",
     "Shwegu", "2024-11-12"),
    ("On 2 November, KIA troops took full control of Sinbo.", "Sinbo", "2024-11-02"),
    ("The KIO/KIA overran the junta garrison town of Hpakant on October 28.", "Hpakant",
     "2024-10-28"),
    ("Momauk fell to the KIA on Nov. 30, according to local media.", "Momauk", "2024-11-30"),
    ("Tsawlaw was captured by Kachin insurgents on 5 October.", "Tsawlaw", "2024-10-05"),
    ("The army retook Hopin on Dec. 2 after a three-day counteroffensive.", "Hopin",
     "2024-12-02"),
    ("Junta troops regained control of Mohnyin on 1 December.", "Mohnyin", "2024-12-01"),
    ("On Sunday the KIA took over Myo Hla, a resident said.", "Myo Hla", "2024-12-08"),
])
def test_capture_phrasings(text: str, place: str, date: str) -> None:
    assert ("capture", place, date) in found(text)


def test_junta_recapture_names_the_junta_as_actor() -> None:
    events = run("Regime forces recaptured Hopin from the KIA on Dec. 2.")
    capture = next(e for e in events if e.event_type == "capture")
    assert (capture.actor, capture.target, capture.place) == ("junta", "KIA", "Hopin")


def test_actor_and_target_from_aliases() -> None:
    events = run("The Kachin Independence Army seized Sadung from the Kachin BGF on 3 Oct.")
    e = next(e for e in events if e.place == "Sadung")
    assert (e.actor, e.target) == ("KIA", "BGF")
    events = run("Tatmadaw soldiers abandoned Shwegu, which fell to the KIA on 4 November.")
    assert next(e for e in events if e.place == "Shwegu").actor == "KIA"


def test_list_of_captures_each_with_its_date() -> None:
    text = ("Kachin fighters have since taken control of Sadung on 12 October 2024, "
            "Waingmaw (Waimaw) Town on 2 November and Mansi on 19 November.")
    assert {("capture", "Sadung", "2024-10-12"), ("capture", "Waingmaw", "2024-11-02"),
            ("capture", "Mansi", "2024-11-19")} <= found(text)


def test_list_with_month_day_dates_and_carried_year() -> None:
    text = "The KIA captured Shwegu on Jan. 25, 2024, and Sinbo on Feb. 4."
    assert {("capture", "Shwegu", "2024-01-25"), ("capture", "Sinbo", "2024-02-04")} \
        <= found(text, dt.date(2024, 12, 1))


def test_parenthesised_alternate_is_one_place() -> None:
    events = run("The KIA seized Khaunglanhpu (Kaunglanhpu) on 14 Nov.")
    assert [(e.event_type, e.place) for e in events] == [("capture", "Khaunglanhpu")]


# -- negation, denial, intent ---------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The military council denied that Bhamo had fallen to the rebels.",
    "A KIA spokesman said the group has no plans to attack Myitkyina.",
    "The KIA plans to seize Bhamo before the end of the year.",
    "Resistance leaders vowed to capture Putao within months.",
    "Junta troops did not launch any new attacks on Waingmaw on Monday.",
    "The KIA aims to take Bhamo, analysts said.",
    "The regime threatened to retake Chipwi.",
    "The rebels have not captured Myitkyina, contrary to rumours on social media.",
    "Reports that Putao had fallen to the KIA were false, the junta said.",
    "Local sources said the KIA would attack Myitkyina if talks failed.",
])
def test_negation_denial_and_intent_give_no_capture_or_assault(text: str) -> None:
    assert not {c for c in control(text) if c[0] in ("capture", "assault")}


def test_negation_does_not_reach_past_but() -> None:
    text = "The junta did not comment, but the KIA seized Shwegu on 4 Nov."
    assert ("capture", "Shwegu", "2024-11-04") in found(text)


# -- attempts and partial control: contested, not captured --------------------------------------

@pytest.mark.parametrize("text", [
    "The KIA is trying to seize Bhamo.",
    "KIA troops attempted to capture Bhamo on Dec. 5 but were pushed back.",
    "The KIA failed to take Bhamo in its first assault.",
])
def test_attempts_are_assaults(text: str) -> None:
    got = control(text)
    assert ("assault", "Bhamo") in got
    assert ("capture", "Bhamo") not in got
    assert ("partial capture", "Bhamo") not in got


@pytest.mark.parametrize("text", [
    "The KIA has controlled most of Bhamo since mid-December.",
    "Resistance forces have taken control of about two-thirds of Bhamo town.",
    "Kachin fighters seized large parts of Bhamo on Dec. 6.",
])
def test_partial_control_is_a_partial_capture(text: str) -> None:
    # a share of the town taken or held: a partial capture (the map's contest), alone
    got = control(text)
    assert ("partial capture", "Bhamo") in got
    assert ("capture", "Bhamo") not in got and ("assault", "Bhamo") not in got


@pytest.mark.parametrize("text, date", [
    ("Since 4 December the KIA and its allies have been attacking Bhamo.", "2024-12-04"),
    ("The KIA launched an offensive on Bhamo on Dec. 4.", "2024-12-04"),
    ("Fighting in Bhamo intensified last week as the KIA besieged the town.", "2024-12"),
    ("Kachin forces have besieged Bhamo since early December.", "2024-12"),
    ("The Battle for Bhamo began on 4 December.", "2024-12-04"),
])
def test_assault_phrasings(text: str, date: str) -> None:
    assert ("assault", "Bhamo", date) in found(text)


# -- held ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, place, actor", [
    ("Thousands have fled to the KIA-controlled town of Laiza.", "Laiza", "KIA"),
    ("Civilians sheltered in KIA-held Mai Ja Yang.", "Mai Ja Yang", "KIA"),
    ("Lashio, now under MNDAA control, has been hit by airstrikes.", "Lashio", "MNDAA"),
    ("The TNLA, which controls several towns including Namhsan, declared a ceasefire.",
     "Namhsan", "TNLA"),
    ("Fighters gathered at the KIA headquarters in Laiza.", "Laiza", "KIA"),
    ("Myitkyina remains under the control of the military council.", "Myitkyina", "junta"),
    ("Supplies reach junta-controlled Myitkyina only by air.", "Myitkyina", "junta"),
])
def test_held_phrasings(text: str, place: str, actor: str) -> None:
    events = [e for e in run(text) if e.event_type == "held" and e.place == place]
    assert events and events[0].actor == actor
    assert events[0].date == PUB.isoformat()  # held: as of publication


def test_past_control_is_not_held() -> None:
    assert not control("Hpakant was formerly controlled by the BGF.")


# -- places -----------------------------------------------------------------------------------

def test_outpost_near_a_town_is_a_place_of_its_own() -> None:
    events = run("The KIA seized an outpost near Waingmaw on Dec. 1.")
    assert [(e.event_type, e.place, e.date) for e in events] == \
        [("capture", "outpost near Waingmaw", "2024-12-01")]
    e = events[0]
    assert e.place_approximate
    waingmaw = run("The KIA seized Waingmaw on Dec. 1.")[0]
    assert (e.lat, e.lon) == (waingmaw.lat, waingmaw.lon)
    assert e.confidence < waingmaw.confidence


def test_named_base_in_township_is_named_as_the_article_names_it() -> None:
    events = run("Kachin rebels overran the Zaw Hkum Ja base in Shwegu Township on "
                 "Nov. 8.")
    assert [(e.event_type, e.place, e.date) for e in events] == \
        [("capture", "Zaw Hkum Ja base", "2024-11-08")]
    assert events[0].place_approximate


def test_village_in_township_never_becomes_the_seat_town() -> None:
    events = run("The KIA captured a junta camp in Hka Ra Village, Sumprabum Township, "
                 "on Dec. 3.")
    places = {e.place for e in events}
    assert "Sumprabum" not in places
    assert places == {"Hka Ra camp"} or places == {"Hka Ra Village"} or \
        any("Hka Ra" in p for p in places)


def test_township_mentions_are_not_towns() -> None:
    text = "Heavy fighting broke out in Momauk and Shwegu townships on Dec. 2."
    assert not control(text)
    assert not control("The KIA captured positions across Bhamo Township last week.")


def test_reference_places_are_not_event_places() -> None:
    text = ("The KIA captured Sinbo, 50 kilometres (31 miles) north of Bhamo, on "
            "Nov. 14.")
    assert control(text) == {("capture", "Sinbo")}
    assert not control("Residents fled from Bhamo toward Myitkyina on Dec. 5.")


def test_personal_names_are_not_places() -> None:
    assert not control("Brigadier General Kyaw Min captured the attention of the press.")


def test_pronoun_takes_the_place_just_named() -> None:
    text = ("KIA troops launched an assault on Mansi early on Monday and captured it by "
            "nightfall.")
    assert ("capture", "Mansi", "2024-12-09") in found(text)


def test_later_undated_mention_inherits_the_date() -> None:
    text = ("The KIA captured Shwegu on Nov. 4. Traders say the capture of Shwegu has "
            "cut a key river route.")
    dates = {e.date for e in run(text) if e.place == "Shwegu" and e.event_type == "capture"}
    assert dates == {"2024-11-04"}


def test_context_events_do_not_change_control() -> None:
    events = run("A junta airstrike on Laiza killed five civilians on Dec. 1.")
    assert {e.event_type for e in events} == {"airstrike"}


def test_unknown_publication_date_uses_only_stated_dates_and_lowers_confidence() -> None:
    text = "The KIA captured Shwegu on Monday. It took Sinbo on 4 Nov. 2024."
    with_pub = {e.place: e for e in run(text)}
    without = {e.place: e for e in run(text, None)}
    assert without["Shwegu"].date == "" and with_pub["Shwegu"].date == "2024-12-09"
    assert without["Sinbo"].date == "2024-11-04"
    assert without["Sinbo"].confidence < with_pub["Sinbo"].confidence


# -- table shape and determinism -------------------------------------------------------------

def test_table_columns_and_stable_ids() -> None:
    articles = [Article("b.txt", "The KIA seized Shwegu on 4 Nov.", PUB),
                Article("a.txt", "Momauk fell to the KIA on Dec. 1.", PUB)]
    first = extract_articles(articles)
    second = extract_articles(list(reversed(articles)))
    assert tuple(first.columns) == EVENT_COLUMNS + EXTRA_COLUMNS
    assert list(first["source_file"]) == ["a.txt", "b.txt"]
    assert first.equals(second)
    assert first["event_id"].str.fullmatch(r"[0-9a-f]{12}").all()


# -- rule files ----------------------------------------------------------------------------------

def test_rule_files_load() -> None:
    for name in ("dates.toml", "actors.toml", "events.toml"):
        assert load_rules(name)


def test_bad_rule_file_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "actors.toml"
    bad.write_text('[actors.KIA]\nname = "x"\nside = "rebel"\naliases = ["KIA"]\n',
                   encoding="utf-8")
    with pytest.raises(DataFileError, match=r"actors\.toml:1: .*side"):
        validate(bad, {"actors": _actors_check()})
    broken = tmp_path / "dates.toml"
    broken.write_text("[months]\nJanuary = \n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"dates\.toml:2"):
        validate(broken, {"months": lambda v: None})


@pytest.mark.parametrize("key", ["appositive", "garrison"])
def test_a_trigger_reading_its_place_before_must_say_object_before(tmp_path: Path,
                                                                    key: str) -> None:
    from gazetteer.ruledata import SCHEMAS as _SCHEMAS
    bad = tmp_path / "events.toml"
    bad.write_text('[[trigger]]\nevent_type = "capture"\nobject = "after"\n'
                   f'{key} = true\nphrases = ["seized"]\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"events\.toml:1: .*{key} needs object"):
        validate(bad, {"trigger": _SCHEMAS["events.toml"]["trigger"]})


def _actors_check():
    from gazetteer.ruledata import SCHEMAS as _SCHEMAS
    return _SCHEMAS["actors.toml"]["actors"]


def test_rules_dir_is_package_data() -> None:
    assert (RULES_DIR / "events.toml").is_file()


def test_facility_named_after_a_town_is_not_the_town() -> None:
    events = run("The KIA seized the Myitkyina airport on Dec. 2.")
    assert [(e.event_type, e.place) for e in events] == [("capture", "Myitkyina airport")]
    assert events[0].place_approximate


def test_possessive_actor_of_a_noun_phrase() -> None:
    events = run("The KIA's capture of Sinbo on Nov. 14 cut the river route.")
    assert [(e.event_type, e.place, e.actor, e.date) for e in events] == \
        [("capture", "Sinbo", "KIA", "2024-11-14")]


def test_extract_records_is_a_plain_pure_function() -> None:
    from gazetteer.extract import EVENT_COLUMNS, extract_records

    text = b"Rebel forces overran Shwegu on 3 March 2025, residents said."
    first = extract_records("wire.txt", text, "2025-03-05")
    assert first == extract_records("wire.txt", text, "2025-03-05")
    (event,) = [r for r in first if r["event_type"] == "capture"]
    assert set(EVENT_COLUMNS) <= set(event)
    assert (event["place"], event["date"], event["source_file"]) == ("Shwegu", "2025-03-03",
                                                                      "wire.txt")
    assert text.decode()[event["char_start"]:event["char_end"]] == event["excerpt"]


def test_a_named_day_must_be_a_real_day(tmp_path: Path) -> None:
    from gazetteer.ruledata import SCHEMAS
    bad = tmp_path / "dates.toml"
    bad.write_text('[holidays]\n"Some Eve" = [2, 30]\n', encoding="utf-8")
    with pytest.raises(DataFileError, match=r"dates\.toml:1: .*Some Eve.*real day"):
        validate(bad, {"holidays": SCHEMAS["dates.toml"]["holidays"]})
