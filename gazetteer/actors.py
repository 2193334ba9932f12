"""Who is on which side: the one allegiance table of the map (``data/actor_groups.csv``).

Each canonical actor of ``rules/actors.toml`` (the names the event table's actor and
target columns hold) belongs to one status group of the map: KIA (and allies), junta,
BGF/militia (junta-aligned) or other armed group. ``rules/actors.toml`` says how articles
name an actor; this table says whose side it is on; ``data/acled_actors.csv`` maps ACLED's
actor names onto the same canonical names. A test checks the three agree.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from gazetteer.errors import DataFileError
from gazetteer.events import (
    text_or_empty,
)
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

