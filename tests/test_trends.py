"""Trends: holdings over time and the "what changed" list."""

from __future__ import annotations

from datetime import date

import pandas as pd

from gazetteer.trends import changes_between, holdings_over_time


def _events() -> pd.DataFrame:
    return pd.DataFrame([
        dict(event_id="a", date="2024-09-29", event_type="capture", place="Chipwi",
             excerpt="took Chipwi"),
        dict(event_id="b", date="2024-10-18", event_type="capture", place="Pangwa",
             excerpt="took Pangwa"),
        dict(event_id="c", date="2024-12-04", event_type="assault", place="Bhamo",
             excerpt="attacking Bhamo"),
        dict(event_id="d", date="2024-12", event_type="capture", place="Mansi",
             excerpt="took Mansi in December"),
        dict(event_id="e", date="", event_type="held", place="Laiza", excerpt="HQ"),
        dict(event_id="f", date="2024-12-05", event_type="airstrike", place="Bhamo",
             excerpt="bombed"),
    ])


def test_changes_between_inclusive_newest_first() -> None:
    out = changes_between(_events(), date(2024, 10, 18), date(2024, 12, 31))
    assert list(out["event_id"]) == ["c", "d", "b"]
    assert "excerpt" in out.columns


def test_changes_between_empty_window() -> None:
    assert changes_between(_events(), date(2020, 1, 1), date(2020, 2, 1)).empty


def test_holdings_over_time_counts_statuses() -> None:
    def state_on(day: date) -> pd.DataFrame:
        kia = 1 if day >= date(2024, 9, 29) else 0
        return pd.DataFrame({"status": ["KIA"] * kia + ["junta"] * (3 - kia)})

    out = holdings_over_time(state_on, [date(2024, 9, 1), date(2024, 10, 1)])
    got = {(d.date().isoformat(), s): n for d, s, n in out.itertuples(index=False)}
    assert got == {("2024-09-01", "junta"): 3, ("2024-10-01", "KIA"): 1,
                   ("2024-10-01", "junta"): 2}


def test_events_until_uses_period_start_and_drops_undated() -> None:
    from gazetteer.trends import events_until

    out = events_until(_events(), date(2024, 12, 1))
    assert list(out["event_id"]) == ["a", "b", "d"]
