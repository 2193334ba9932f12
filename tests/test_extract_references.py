""""The village" for a village the article named before, even as a point of reference; a
named site located once and named again later; and a sentence opened by an -ing phrase
with "would" as a conjecture (issue 11). Sentences are our own."""

from __future__ import annotations

import datetime as dt

import pytest
from support.extraction import run


def control(text: str) -> set[tuple[str, str]]:
    return {(e.event_type, e.place) for e in run(text)
            if e.event_type in ("capture", "assault")}


@pytest.mark.parametrize("text", [
    ("Fighting flared in Hpakant Township in July. The KIA holds a hill outpost near Nam Sa "
     "Village. Troops later patrolled around Nam Sa Village and its farms. Two battalions "
     "of the army were sent in. On 3 August they launched an offensive toward the "
     "village."),
    ("Hpakant Township has seen heavy fighting. Soldiers raided Nam Sa Village in June. "
     "Residents fled. Aid workers could not reach them. Junta columns returned and "
     "attacked the village on 3 August."),
])
def test_the_village_is_the_village_named_before(text: str) -> None:
    got = [e for e in run(text) if e.event_type == "assault" and e.date == "2024-08-03"]
    assert [e.place for e in got] == ["Nam Sa Village"]
    assert got[0].place_approximate  # put at its township's seat


@pytest.mark.parametrize("text", [
    "Lamyang Village lies 10 km from Waingmaw. Capturing the village would let the army "
    "push on to Chipwi.",
    "Seizing Bhamo could open the road north for the KIA.",
    "Taking Lashio might cost the alliance dearly, analysts warned.",
])
def test_an_ing_phrase_with_would_is_a_conjecture(text: str) -> None:
    assert not {k for k, _ in control(text) if k == "capture"}


def test_an_ing_phrase_stating_what_happened_is_a_report() -> None:
    assert ("capture", "Sadung") in control("Capturing Sadung took the KIA three days.")


def test_the_camp_far_back_is_the_story_s_one_named_camp() -> None:
    text = ("The KIA took the army's Lagat camp in Hpakant Township on 20 January. Fighting "
            "was heavy. Jets flew overhead. Residents fled. Prices rose. On 6 January the "
            "KIA had launched an attack on the camp.")
    got = [(e.event_type, e.place, e.date) for e in run(text) if e.event_type == "assault"]
    assert got == [("assault", "Lagat camp", "2024-01-06")]


def test_the_camp_far_back_among_two_named_camps_is_none() -> None:
    text = ("The KIA took the Lagat camp and the Nam Sa camp in Hpakant Township on 20 "
            "January. Fighting was heavy. Jets flew overhead. Residents fled. Prices rose. "
            "On 6 January the KIA had launched an attack on the camp.")
    assert not [e for e in run(text) if e.event_type == "assault"]


@pytest.mark.parametrize("text", [
    "KIA troops attacked a junta base in Muse Township on Thursday and took the base by noon.",
    "On Thursday the KIA assaulted an army base in Muse Township. By 2 pm the base had "
    "fallen to its fighters.",
    "A regime outpost in Muse Township came under KIA attack on Thursday. The rebels "
    "captured the outpost that afternoon.",
])
def test_the_base_is_the_unnamed_base_the_article_located(text: str) -> None:
    # "a junta base in X Township ... the base": the base located before, not nothing
    assert any(t == "capture" and p.endswith("in Muse Township") for t, p in control(text))


@pytest.mark.parametrize("text", [
    "The KIA assaulted Sadung on Thursday. By 2 pm the town had fallen.",
    "The KIA assaulted Sadung on Thursday. The town has fallen, residents say.",
])
def test_the_town_that_had_fallen_is_the_town_named_before(text: str) -> None:
    assert ("capture", "Sadung") in control(text)


def test_the_base_after_another_unnamed_base_is_still_not_an_earlier_one() -> None:
    text = ("The KIA took the army's Lagat camp in Hpakant Township on Monday. Another junta "
            "camp was overrun on Tuesday, and locals said the camp had 40 soldiers.")
    assert {p for t, p in control(text) if t == "capture"} == {"Lagat camp"}


@pytest.mark.parametrize("text, place, actor", [
    ("Town quiet after its recapture. Ten days after it was recaptured by the military, the "
     "town of Kyaukme stands silent.", "Kyaukme", "junta"),
    ("Weeks after it fell to the TNLA, Kyaukme remains empty of its people.", "Kyaukme",
     "TNLA"),
    ("Since it was retaken by junta troops in July, Hsipaw has been quiet.", "Hsipaw", "junta"),
])
def test_it_in_a_fronted_clause_is_the_place_heading_the_main_clause(
        text: str, place: str, actor: str) -> None:
    assert {(e.place, e.actor) for e in run(text) if e.event_type == "capture"} == {
        (place, actor)}


@pytest.mark.parametrize("text", [
    "After it was captured, the KIA said Bhamo would be rebuilt.",
    "The army held Lashio. Weeks after it was taken by the MNDAA, residents of Hsipaw fled.",
])
def test_it_in_a_fronted_clause_is_no_place_that_is_not_the_main_subject(text: str) -> None:
    assert "Bhamo" not in {e.place for e in run(text) if e.event_type == "capture"}
    assert "Hsipaw" not in {e.place for e in run(text) if e.event_type == "capture"}


@pytest.mark.parametrize("text", [
    "Shwe Pyi Aye lies in northwestern Sagaing. On 3 December the army began an offensive to "
    "retake the town.",
    "The town of Shwe Pyi Aye is in upper Sagaing. The army attacked the town on 3 December.",
])
def test_a_region_named_after_a_compass_word_is_no_town_a_reference_can_take(
        text: str) -> None:
    got = control(text)
    assert ("assault", "Shwe Pyi Aye") in got and ("assault", "Sagaing") not in got


def test_the_town_named_like_its_region_is_still_the_town_alone() -> None:
    assert ("assault", "Sagaing") in control("The PDF attacked Sagaing on 3 December.")


@pytest.mark.parametrize("text, place", [
    ("Fighters pushed into Katha, a key Sagaing town on the river, on Monday. By Tuesday "
     "they had seized the town's checkpoint.", "Katha"),
    ("The KIA attacked Tigyaing, another Sagaing town, on 3 December. Two days later the "
     "town fell.", "Tigyaing"),
    ("Resistance units stormed Madaya, a small Mandalay-area town, on 3 December and took "
     "the town the next day.", "Madaya"),
    ("On 3 December the army attacked Kawlin and Pinlebu, two Sagaing towns held by the "
     "PDF. It retook the town of Kawlin on 5 December.", "Kawlin"),
])
def test_a_region_named_as_the_adjective_of_a_town_is_no_place_of_its_own(
        text: str, place: str) -> None:
    got = control(text)
    assert ("capture", place) in got
    assert not {p for _, p in got} & {"Sagaing", "Mandalay"}


@pytest.mark.parametrize("text", [
    "The army retook Sagaing town on 3 December.",
    "The army retook the Sagaing town of Sagaing on 3 December.",
    "On 3 December the army retook Sagaing, a town on the Irrawaddy.",
])
def test_a_town_named_like_its_region_is_the_town_without_a_determiner_before_it(
        text: str) -> None:
    assert ("capture", "Sagaing") in control(text)


@pytest.mark.parametrize("text", [
    "PDF fighters stormed Pinlebu on Monday night. Wounded soldiers were allowed to withdraw "
    "to the town of Wuntho, 40 km to the south-east. The junta began bombing after the town "
    "was captured, a fighter said.",
    "Resistance fighters took Pinlebu on Monday. Its garrison fled to the nearby town of "
    "Wuntho. The town was captured after a night of fighting, residents said.",
])
def test_a_town_named_as_where_troops_went_is_not_the_town(text: str) -> None:
    got = {e.place for e in run(text, dt.date(2024, 10, 10)) if e.event_type == "capture"}
    assert got == {"Pinlebu"}


@pytest.mark.parametrize("text, place", [
    ("The KIA turned to the battalion headquarters in Waingmaw after a dozen outposts in the "
     "township fell on Sunday.", "outpost in Waingmaw"),
    ("Kachin fighters attacked Momauk on Monday. Two camps near the town fell on "
     "Tuesday.", "camp near Momauk"),
    ("Resistance forces reached Sinbo on Monday. Several posts around the town were "
     "captured on Tuesday.", "post around Sinbo"),
])
def test_sites_in_the_place_a_reference_names_are_what_fell(text: str, place: str) -> None:
    got = {e.place for e in run(text, dt.date(2024, 5, 22)) if e.event_type == "capture"}
    assert got == {place}


# -- "the two towns", "both townships": several places named before -----------------------

@pytest.mark.parametrize("text, kind, places", [
    ("The army shelled Kyaukme and Hsipaw for weeks. On 3 October it retook the two towns.",
     "capture", {"Kyaukme", "Hsipaw"}),
    ("Tsawlaw and Chipwi lie near China. The KIA took Sinbo on Friday. It also captured both "
     "towns on Sunday.", "capture", {"Tsawlaw", "Chipwi"}),
    ("The KIA's push is aimed at two townships, Momauk and Mansi. Its troops stepped up "
     "attacks on army bases in the two townships on 7 May.", "assault", {"Momauk", "Mansi"}),
    ("Namhsan, Manton and Namtu are Ta'ang towns. The TNLA attacked the three towns on "
     "Friday.", "assault", {"Namhsan", "Manton", "Namtu"}),
    ("The resistance besieged Tsawlaw and Chipwi. On Sunday it seized the last bases in both "
     "towns.", "capture", {"Tsawlaw", "Chipwi"}),
])
def test_the_two_towns_are_the_two_named_before(text: str, kind: str,
                                                 places: set[str]) -> None:
    last = text.rindex(". ") + 2  # the events of the last sentence
    got = {e.place for e in run(text, dt.date(2024, 10, 10)) if e.event_type == kind
           and e.char_start >= last}
    assert got == places, got


@pytest.mark.parametrize("text", [
    # one town named: "the two towns" is no reference to it
    "Fighting raged around Kyaukme. On 3 October the army retook the two towns.",
    # a point of reference is not one of them
    "Waingmaw lies 10 km from Myitkyina. On Sunday the KIA attacked the two towns.",
])
def test_the_two_towns_need_two_towns_named(text: str) -> None:
    got = [e for e in run(text, dt.date(2024, 10, 10)) if e.event_type in ("capture",
                                                                         "assault")]
    assert len(got) <= 1, got


# -- "the latter", "the former" ------------------------------------------------------------

@pytest.mark.parametrize("text, place", [
    ("The TNLA attacked Namhsan and Manton. The latter fell on 15 December.", "Manton"),
    ("The TNLA attacked Namhsan and Manton. The former was captured on 15 December.",
     "Namhsan"),
    ("The TNLA attacked Namhsan and Manton, capturing the former on 15 December.",
     "Namhsan"),
    ("The zone has two townships, Manton and Namhsan, the latter of which the TNLA has "
     "controlled since December 15.", "Namhsan"),
    ("Rebels besieged Mansi and Momauk, the former of which they overran on 15 December.",
     "Mansi"),
])
def test_the_latter_and_the_former_are_of_the_pair_named_before(text: str,
                                                                 place: str) -> None:
    got = [e.place for e in run(text, dt.date(2024, 1, 10)) if e.event_type == "capture"]
    assert got == [place], got


def test_the_latter_with_one_place_named_is_no_place() -> None:
    got = [e for e in run("Fighting raged near Lashio. The latter fell on 15 December.",
                          dt.date(2024, 1, 10)) if e.event_type == "capture"]
    assert not got, got


@pytest.mark.parametrize("text, place", [
    ("Fighters closed in on the border-trade town of Lweje on Monday. Lweje lies south of "
     "the KIA headquarters in Laiza town. On 3 December the KIA seized the border town.",
     "Lweje"),
    ("Hpakant, a jade-mining town, came under attack on Monday. The KIA also attacked "
     "Kamaing on Tuesday. On 3 December the KIA took the jade town.", "Hpakant"),
    ("The KIA attacked the gem town of Mogok on Monday and took Momeik on Tuesday. On 3 "
     "December the TNLA captured the gem town.", "Mogok"),
])
def test_a_described_town_stands_for_the_town_the_article_described_so(text: str,
                                                                         place: str) -> None:
    assert {p for t, p in run_dated(text) if t == "capture"} == {place}


def test_a_description_never_given_leaves_the_last_town_that_fits() -> None:
    got = control("The army shelled Sinbo on Monday. On 3 December the KIA took the border "
                  "town.")
    assert ("capture", "Sinbo") in got


def run_dated(text: str) -> set[tuple[str, str]]:
    """Captures dated 3 December (the described town's), by place."""
    return {(e.event_type, e.place) for e in run(text) if e.date == "2024-12-03"}
