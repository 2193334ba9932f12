"""Trends: places held by each side over time, and what changed between two dates."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

import pandas as pd

from gazetteer.events import CHANGE_TYPES, period_start

#: Event types that start a change of control (a new controller, or a new contest).


def holdings_over_time(state_on: Callable[[date], pd.DataFrame], dates: Iterable[date]
                       ) -> pd.DataFrame:
    """How many places each status covers on each date.

    Parameters
    ----------
    state_on : callable
        ``state_on(day) -> DataFrame`` with a ``status`` column (one row per place), such
        as :meth:`gazetteer.timeline.Timeline.state_on`.
    dates : iterable of datetime.date
        The days to sample, typically the timeline's change dates.

    Returns
    -------
    pandas.DataFrame
        Long form, columns ``date`` (datetime64), ``status``, ``places`` (int): one row per
        date and status, statuses with no place left out.
    """
    rows = []
    for day in sorted(set(dates)):
        counts = state_on(day)["status"].value_counts()
        rows.extend({"date": pd.Timestamp(day), "status": status, "places": int(n)}
                    for status, n in counts.items())
    return pd.DataFrame(rows, columns=["date", "status", "places"])


def period_starts(events: pd.DataFrame) -> pd.Series:
    """Each event's first day (datetime64): a month or year counts from its first day;
    undated events give NaT. Index aligned with ``events``."""
    return pd.to_datetime(events["date"].astype(str).map(period_start), errors="coerce")


def changes_between(events: pd.DataFrame, start: date, end: date, *,
                    starts: pd.Series | None = None) -> pd.DataFrame:
    """Captures and new assaults dated within ``[start, end]`` (inclusive), newest first.

    Month- and year-precision events count when their period starts in the window. Each row
    keeps the event's excerpt and article, so the list can be shown with its sources.
    ``starts`` may pass :func:`period_starts` of ``events``, computed once, to save parsing
    the dates on every call.
    """
    if events.empty:
        return events.iloc[0:0]
    if starts is None:
        starts = period_starts(events)
    mask = events["event_type"].isin(CHANGE_TYPES)
    kinds, starts = events[mask], starts[mask]
    window = starts.between(pd.Timestamp(start), pd.Timestamp(end))
    out = kinds[window].assign(_start=starts[window])
    return (out.sort_values(["_start", "place"], ascending=[False, True])
            .drop(columns="_start").reset_index(drop=True))


def events_until(events: pd.DataFrame, end: date) -> pd.DataFrame:
    """Events whose date (the start of its period, at month or year precision) is on or
    before ``end``; undated events are left out. Order is kept."""
    return events[period_starts(events) <= pd.Timestamp(end)]

