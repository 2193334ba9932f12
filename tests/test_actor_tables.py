"""The three actor tables agree: how articles name an actor (rules/actors.toml), whose
side it is on (data/actor_groups.csv, the one allegiance table) and ACLED's names for it
(data/acled_actors.csv)."""

from __future__ import annotations

import csv

from gazetteer.actors import CONTROLLERS, load_actor_groups
from gazetteer.ruledata import load_rules
from gazetteer.settings import DATA_DIR


def canonical_actors() -> set[str]:
    return set(load_rules("actors.toml")["actors"])


def test_every_canonical_actor_has_a_side():
    groups = load_actor_groups()
    missing = sorted(a for a in canonical_actors() if a.casefold() not in groups)
    assert missing == []
    assert set(groups.values()) <= set(CONTROLLERS)


def test_every_acled_actor_maps_to_an_actor_with_a_side():
    groups = load_actor_groups()
    with (DATA_DIR / "acled_actors.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    unknown = sorted({r["actor"] for r in rows if r["actor"].casefold() not in groups})
    assert unknown == []


def test_sides_are_said_once():
    """actors.toml says how actors are named, never whose side they are on."""
    actors = load_rules("actors.toml")["actors"]
    assert all(set(spec) <= {"name", "aliases"} for spec in actors.values())
