"""``make eval``'s own breakdown: how misses and false positives get their cause, on rows
made up here (the real articles stay outside the repository)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from gazetteer.places import Gazetteer, haversine_km

SCRIPT = Path(__file__).parent / "eval" / "eval_realworld.py"


@pytest.fixture(scope="module")
def ev():
    spec = importlib.util.spec_from_file_location("eval_realworld", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scorer():
    # The shared scorer's km() and date_ok() contracts: distance in km; a gold day matches
    # the same day, a gold month the same month.
    def date_ok(emitted: str, gold: dict) -> bool:
        width = {"day": 10, "month": 7}.get(gold["precision"], 0)
        return not width or emitted[:width] == gold["date"][:width]

    return SimpleNamespace(km=haversine_km, date_ok=date_ok)


def verdict(kind: str, place: str, why: str = "", type_: str = "capture") -> dict:
    return {"kind": kind, "file": "a.txt", "type": type_, "place": place, "date": "-",
            "actor": "KIA", "why": why, "text": ""}


def event(type_: str, lat: float, lon: float, date: str = "") -> dict:
    return {"source_file": "dir/a.txt", "event_type": type_, "lat": str(lat),
            "lon": str(lon), "date": date}


def test_name_forms_strip_generic_words_and_parentheses(ev) -> None:
    forms = ev.name_forms("Lu Pyi (BGF 1002) camp")
    assert "Lu Pyi" in forms and "BGF 1002" in forms
    assert "Nga Bat Gyi" in ev.name_forms("Nga Bat Gyi camp")


def test_misses_by_cause(ev, scorer) -> None:
    refs = {"Sinbo": ev.RefPlace("Sinbo", (24.7, 96.9), 10.0)}
    kw = {"refs": refs, "scorer": scorer}
    assert ev.classify_miss(verdict("MISSED", "Sinbo", "date: emitted x"), events=[],
                            known="gazetteer", **kw) == "wrong date"
    assert ev.classify_miss(verdict("MISSED", "Sinbo", "actor: emitted y"), events=[],
                            known="gazetteer", **kw) == "wrong actor"
    near = [event("assault", 24.71, 96.9)]
    assert ev.classify_miss(verdict("MISSED", "Sinbo", "no emitted capture"), events=near,
                            known="gazetteer", **kw) == "wrong type"
    far = [event("assault", 26.0, 97.5)]
    assert ev.classify_miss(verdict("MISSED", "Sinbo", "no emitted capture"), events=far,
                            known="gazetteer", **kw) == "place known but not extracted"
    assert ev.classify_miss(verdict("MISSED", "Sinbo", "no emitted capture"), events=far,
                            known="", **kw) == "place unknown to the gazetteer"


def test_false_positives_by_cause(ev, scorer) -> None:
    refs = {"Sinbo": ev.RefPlace("Sinbo", (24.7, 96.9), 10.0)}
    gold = [{"file": "a.txt", "event_type": "capture", "place": "Sinbo",
             "date": "2024-01-05", "precision": "day", "actor": "KIA"}]
    kw = {"gold": gold, "refs": refs, "scorer": scorer}
    at_sinbo = event("capture", 24.7, 96.9, "2023-01-05")
    assert ev.classify_false_positive(verdict("FP", "Sinbo"), at_sinbo, **kw) == "wrong date"
    right_day = event("capture", 24.7, 96.9, "2024-01-05")
    assert ev.classify_false_positive(verdict("FP", "Sinbo"), right_day, **kw) == \
        "wrong actor"
    assault = event("assault", 24.7, 96.9)
    assert ev.classify_false_positive(verdict("FP", "Sinbo", type_="assault"), assault,
                                      **kw) == "wrong type"
    elsewhere = event("capture", 27.0, 97.0)
    assert ev.classify_false_positive(verdict("FP", "X"), elsewhere, **kw) == \
        "no gold event at this place"
    assert ev.classify_false_positive(verdict("FP-FORBIDDEN", "X"), elsewhere, **kw) \
        .startswith("forbidden")
    assert ev.classify_false_positive(verdict("FP", "X"), None, **kw) == "no coordinates"


def test_known_places_are_looked_up_in_towns_villages_and_bases(ev, scorer) -> None:
    gaz = Gazetteer(secondary=False)
    bhamo = gaz.lookup("Bhamo").place.point
    assert ev.place_known(gaz, ev.RefPlace("Banmaw", bhamo, 10), scorer) == "gazetteer"
    lu_pi = gaz.resolve_village("Lu Pi", township="Chipwi").point
    assert ev.place_known(gaz, ev.RefPlace("Lu Pi village", lu_pi, 5), scorer) == "villages"
    assert ev.place_known(gaz, ev.RefPlace("MOC-21 headquarters", bhamo, 5),
                          scorer) == "bases"
    assert ev.place_known(gaz, ev.RefPlace("Qqzx outpost", bhamo, 5), scorer) == ""


def test_missing_inputs_are_named(ev, tmp_path: Path) -> None:
    problems = ev._check_inputs(tmp_path / "nope", tmp_path, tmp_path / "score_strict.py")
    assert any("no such folder" in p for p in problems)
    assert any("score_strict.py: the strict scorer is missing" in p for p in problems)
    assert ev.main(["--articles", str(tmp_path), "--gold", str(tmp_path)]) == 2
