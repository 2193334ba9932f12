"""The trends chart: places held by each side over time (Altair)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import pandas as pd

from gazetteer.palette import LABELS, PALETTE
from gazetteer.web.model import Model


def holdings(model: Model, *, assumed: bool = True) -> pd.DataFrame:
    """Places per status on each change date (and the first and last day), cached.

    See :func:`gazetteer.trends.holdings_over_time`; ``assumed=False`` leaves out places
    whose status is an assumed baseline.
    """
    from gazetteer.trends import holdings_over_time

    def state_on(day: dt.date) -> pd.DataFrame:
        state = model.state(day)
        return state if assumed else state[~state["assumed"]]

    days = sample_days(sorted({*model.changes, model.first, model.last}))
    return model.remember(("holdings", assumed), lambda: holdings_over_time(state_on, days))


#: The trends chart samples at most this many change dates: enough for the shape of years
#: of reporting, small enough that its spec does not slow every slider step.
MAX_CHART_DATES = 150


def sample_days(days: list[dt.date], limit: int = MAX_CHART_DATES) -> list[dt.date]:
    """``days`` (sorted) thinned evenly to ``limit``, keeping the first and last."""
    if len(days) <= limit:
        return days
    step = (len(days) - 1) / (limit - 1)
    return sorted({days[round(i * step)] for i in range(limit)})


#: Name of the chart's point selection (read back with :func:`date_from_selection`).
TREND_SELECTION = "pick"


def trends_chart(table: pd.DataFrame, day: dt.date) -> Any:
    """An Altair chart of :func:`holdings`, the chosen ``day`` marked by a rule.

    Clicking near a point selects its date (selection ``"pick"``, field ``date``); the
    colours are the markers' (:data:`gazetteer.palette.PALETTE`). The lines and points
    are built and schema-validated once per table; a new ``day`` only adds its rule, and
    the chart skips Altair's full re-validation on every slider step.
    """
    import altair as alt

    lines, points, layer_class = _trend_layers(table)
    rule = alt.Chart(pd.DataFrame({"date": [pd.Timestamp(day)]})).mark_rule(
        color="#333333", strokeDash=[5, 3], strokeWidth=1.5).encode(x="date:T")
    return layer_class(layer=[lines, points, rule]).properties(height=260)

_TREND_LAYERS: dict[int, tuple[pd.DataFrame, Any, Any, Any]] = {}


def _trend_layers(table: pd.DataFrame) -> tuple[Any, Any, Any]:
    cached = _TREND_LAYERS.get(id(table))
    if cached is not None and cached[0] is table:
        return cached[1:]
    import altair as alt

    class PrevalidatedLayerChart(alt.LayerChart):
        """A layer chart whose parts were validated when first built."""

        def to_dict(self, validate: bool = False, **kwargs: Any) -> dict:
            return super().to_dict(validate=validate, **kwargs)

    present = [s for s in PALETTE if s in set(table["status"])]
    present += sorted(set(table["status"]) - set(present))
    data = table.assign(label=table["status"].map(lambda s: LABELS.get(s, s)),
                        day=table["date"].dt.strftime("%Y-%m-%d"))
    scale = alt.Scale(domain=[LABELS.get(s, s) for s in present],
                      range=[PALETTE.get(s, PALETTE["unknown"]) for s in present])
    base = alt.Chart(data).encode(
        x=alt.X("date:T", title=None, axis=alt.Axis(format="%b %Y")),
        y=alt.Y("places:Q", title="Places held", axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("label:N", scale=scale, title=None,
                        legend=alt.Legend(orient="bottom", columns=3)))
    pick = alt.selection_point(name=TREND_SELECTION, fields=["date"], on="click",
                               nearest=True, clear=False)
    lines = base.mark_line(interpolate="step-after", strokeWidth=2)
    points = base.mark_point(filled=True, size=70, cursor="pointer").encode(
        tooltip=[alt.Tooltip("day:N", title="Date"), alt.Tooltip("label:N", title="Status"),
                 alt.Tooltip("places:Q", title="Places")]).add_params(pick)
    alt.layer(lines, points).to_dict(validate=True)  # validate the fixed parts once
    if len(_TREND_LAYERS) > 32:
        _TREND_LAYERS.clear()
    _TREND_LAYERS[id(table)] = (table, lines, points, PrevalidatedLayerChart)
    return lines, points, PrevalidatedLayerChart


def date_from_selection(state: Mapping[str, Any] | None, *,
                        name: str = TREND_SELECTION) -> dt.date | None:
    """The date picked in :func:`trends_chart` (Streamlit's selection state), else None.

    Vega-Lite reports a temporal field as milliseconds since 1970-01-01 UTC; an ISO
    string is accepted too.
    """
    try:
        picked = (state or {})["selection"][name]
    except (KeyError, TypeError):
        return None
    if not picked:
        return None
    value = picked[0].get("date") if isinstance(picked[0], Mapping) else None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return pd.Timestamp(int(value), unit="ms").date()
    if isinstance(value, str) and value:
        try:
            return pd.Timestamp(value).date()
        except ValueError:
            return None
    return None
