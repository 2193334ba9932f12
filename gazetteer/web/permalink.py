"""Permalinks: ``?date=YYYY-MM-DD&place=NAME`` read back into a view."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Permalink:
    """A view read from the URL: the day, the place, and messages about bad values."""

    day: dt.date | None
    place: str | None
    messages: tuple[str, ...] = ()


def read_permalink(params: Mapping[str, Any], *, first: dt.date, last: dt.date,
                   places: Iterable[str]) -> Permalink:
    """Read ``?date=YYYY-MM-DD&place=NAME``; invalid values give a message and None.

    A place matches its canonical name, ignoring case and surrounding spaces.
    """
    messages = []
    day = None
    raw_day = _param(params, "date")
    if raw_day:
        try:
            if not _ISO_DAY.fullmatch(raw_day.strip()):
                raise ValueError(raw_day)  # fromisoformat also takes 20241121, 2024-W47-4
            day = dt.date.fromisoformat(raw_day.strip())
        except ValueError:
            messages.append(f"The link's date {raw_day!r} is not a YYYY-MM-DD date; showing "
                            f"{last.isoformat()} instead.")
        if day is not None and not first <= day <= last:
            messages.append(f"The link's date {day.isoformat()} is outside the data "
                            f"({first.isoformat()} to {last.isoformat()}); showing "
                            f"{last.isoformat()} instead.")
            day = None
    place = None
    raw_place = _param(params, "place")
    if raw_place:
        wanted = " ".join(raw_place.split()).casefold()
        place = next((p for p in places if p.casefold() == wanted), None)
        if place is None:
            messages.append(f"The link's place {raw_place!r} is not on the map; no place "
                            "is selected.")
    return Permalink(day=day, place=place, messages=tuple(messages))


def _param(params: Mapping[str, Any], key: str) -> str:
    value = params.get(key)
    if isinstance(value, (list, tuple)):
        value = value[0] if value else ""
    return "" if value is None else str(value)
