"""Names folded a table at a time (:func:`normalize_many`, :func:`spelling_keys`) give
exactly what folding one name at a time gives, and loading the gazetteer stays light."""

from __future__ import annotations

import csv
import random
import subprocess
import sys

import pytest

from gazetteer.names import normalize, normalize_many, spelling_key, spelling_keys
from gazetteer.settings import PLACES_CSV, VILLAGES_CSV

AWKWARD = [
    "", "   ", "The", "the the Bhamo", "THE Town", "Town", "town township", "Laiza Town",
    "Myitkyina  township ", "  KAN-PAIK-TI  Town ", "N'Ban", "Puta-O", "Hpākān",
    "Mëkheotjüv (Makhwale)", "a_b", "__", "Ho Ka (1)", "Ah Lel Yat Ward", "line\nbreak",
    "Nam\tHkam", "Mong Ko city area", "the village", "Ts", "x ts tsp",
]


def _table_names() -> list[str]:
    with VILLAGES_CSV.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    names = [row[c] for row in rows for c in ("name", "parent", "township")]
    with PLACES_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            names += [row["name"], *row["aliases"].split("|")]
    return names


def _random_names(count: int) -> list[str]:
    rng = random.Random(11)
    parts = ["the", "The", "town", "Town", "township", "village", "ts", "tsp", "area",
             "city", "Nam", "Hsi", "paw", "_", "-", " ", "  ", "'", "(", ")", "\t", "é",
             "Hpā", "\n", "\r", ".", "ward", "THE", "ng", "aing"]
    return ["".join(rng.choice(parts) + rng.choice(["", " ", "-"])
                    for _ in range(rng.randrange(0, 6))) for _ in range(count)]


@pytest.mark.parametrize("names", [AWKWARD, _random_names(20_000), _table_names()],
                         ids=["awkward", "random", "tables"])
def test_a_table_at_a_time_folds_as_one_at_a_time(names: list[str]) -> None:
    assert normalize_many(names) == [normalize(n) for n in names]
    assert spelling_keys(names) == [spelling_key(n) for n in names]


def test_mixed_and_empty_batches() -> None:
    assert normalize_many([]) == [] and spelling_keys([]) == []
    assert normalize_many(["Hpākān", "the Town", "Laiza town"]) == ["hpakan", "town", "laiza"]
    assert spelling_keys(iter(["Kut Khaing", "Kutkai"])) == ["kutke", "kutke"]


def test_loading_the_gazetteer_imports_no_network_stack_and_reads_no_village() -> None:
    code = ("import sys; from gazetteer.places import Gazetteer; g = Gazetteer.default(); "
            "g.lookup('Bhamo'); print(sorted(m for m in ('geopy', 'rapidfuzz', 'requests', "
            "'pandas', 'gazetteer.villages') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


def test_geopy_and_rapidfuzz_come_in_when_used() -> None:
    code = ("import sys; from gazetteer.places import Gazetteer; g = Gazetteer(); "
            "loc = g.geocode('Banmaw'); m = g.lookup('Myitkina'); "
            "print(type(loc).__module__, m.match, 'rapidfuzz' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.split() == ["geopy.location", "fuzzy", "True"]
