"""Who is on which side: the one allegiance table of the map (``data/actor_groups.csv``).

Each canonical actor of ``rules/actors.toml`` (the names the event table's actor and
target columns hold) belongs to one status group of the map: KIA (and allies), junta,
BGF/militia (junta-aligned) or other armed group. ``rules/actors.toml`` says how articles
name an actor; this table says whose side it is on; ``data/acled_actors.csv`` maps ACLED's
actor names onto the same canonical names. A test checks the three agree.

Other data sets name actors in their own way: ACLED writes "KIA: Kachin Independence
Army", "KIO/A: Kachin Independence Organization/Army" or "Military Forces of Myanmar
(2021-)". :func:`canonical_actor` reads such a name through the extractor's aliases
(``rules/actors.toml``), so a known group is never left unknown because of how a data set
spells it.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from gazetteer.errors import DataFileError
from gazetteer.events import (
    text_or_empty,
)
from gazetteer.ruledata import load_rules
from gazetteer.settings import DATA_DIR

ACTOR_GROUPS_CSV = DATA_DIR / "actor_groups.csv"
#: Status groups that control a place.
CONTROLLERS = ("KIA", "junta", "BGF/militia", "other armed group")


@lru_cache(maxsize=8)
def _actor_groups_cached(path: str) -> Mapping[str, str]:
    file = Path(path)
    try:
        handle = file.open(encoding="utf-8", newline="")
    except OSError as err:
        raise DataFileError(file, f"cannot read the actor table ({err.strerror})") from err
    groups: dict[str, str] = {}
    with handle:
        reader = csv.DictReader(handle)
        if not {"actor", "group"} <= set(reader.fieldnames or ()):
            raise DataFileError(file, "header must include actor,group", line=1)
        for row in reader:
            actor, group = text_or_empty(row.get("actor")), text_or_empty(row.get("group"))
            if not actor:
                raise DataFileError(file, "actor is empty", line=reader.line_num)
            if group not in CONTROLLERS:
                raise DataFileError(file, f"group {group!r} is not one of "
                                    f"{', '.join(CONTROLLERS)}", line=reader.line_num)
            if actor.casefold() in groups:
                raise DataFileError(file, f"actor {actor!r} listed twice", line=reader.line_num)
            groups[actor.casefold()] = group
    return groups


def load_actor_groups(path: str | Path = ACTOR_GROUPS_CSV) -> dict[str, str]:
    """The actor -> status group table (keys case-folded), from ``data/actor_groups.csv``.

    Raises
    ------
    DataFileError
        The file is unreadable, or a row names an unknown group or repeats an actor
        (the message gives the file and line).
    """
    return dict(_actor_groups_cached(str(Path(path).resolve())))


#: A trailing period in brackets: "(2021-)", "(2016-2021)", "(Myanmar)".
_BRACKETS = re.compile(r"\s*\([^()]*\)\s*$")


@lru_cache(maxsize=1)
def _aliases() -> tuple[dict[str, str], dict[str, str]]:
    """(acronyms as written -> actor, other aliases case-folded -> actor)."""
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for canon, spec in load_rules("actors.toml")["actors"].items():
        for alias in (canon, spec["name"], *spec["aliases"]):
            if alias.upper() == alias and any(c.isalpha() for c in alias):
                exact.setdefault(alias, canon)
            else:
                folded.setdefault(" ".join(alias.casefold().split()), canon)
    return exact, folded


def _lookup(name: str) -> str | None:
    name = " ".join(name.split())
    if not name:
        return None
    exact, folded = _aliases()
    return exact.get(name) or folded.get(name.casefold())


def _candidates(name: str) -> list[str]:
    """The whole name, then without a bracketed period, then each side of ``:`` and each
    ``/``-separated part ("KIO/A" -> "KIO")."""
    whole = " ".join(name.split())
    bare = _BRACKETS.sub("", whole)
    found = [whole, bare]
    for text in (bare, *bare.split(":", 1)):
        found.append(text.strip())
        found.extend(part.strip() for part in text.split("/"))
    return list(dict.fromkeys(c for c in found if c))


def canonical_actor(name: str) -> str | None:
    """The canonical actor a name from another data set stands for, or None if unknown.

    Tried in order: the whole name, the name without a bracketed period ("(2021-)"), the
    acronym and the full name on either side of ``:``, and the parts of a ``/`` pair
    ("KIO/A", "Organization/Army"). Acronyms match as written (capitals), other
    aliases in any case. When parts name different actors the name is ambiguous: None.
    """
    whole = _lookup(name)
    if whole is not None:
        return whole
    matches = {m for c in _candidates(name) if (m := _lookup(c)) is not None}
    return matches.pop() if len(matches) == 1 else None
