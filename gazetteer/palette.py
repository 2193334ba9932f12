"""Status colours, names and marker looks shared by every view of the map (page, file,
legend).

Okabe-Ito colours: distinct under the common colour-vision deficiencies. An *assumed*
baseline is drawn hollow (faded fill, ring in the status colour); a place that changed
recently is larger with a thick ring; a disputed status has a dashed black ring.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

#: Okabe-Ito colours per status.
PALETTE: dict[str, str] = {
    "KIA": "#0072B2",                # blue
    "junta": "#D55E00",              # vermillion
    "BGF/militia": "#CC79A7",        # reddish purple
    "other armed group": "#009E73",  # bluish green
    "contested": "#F0E442",          # yellow
    "unknown": "#999999",            # grey
}
#: Human-readable status names for legends and tooltips.
LABELS: dict[str, str] = {
    "KIA": "KIA and allies",
    "junta": "Junta (Myanmar military)",
    "BGF/militia": "BGF / junta-aligned militia",
    "other armed group": "Other armed group (MNDAA, TNLA, ...)",
    "contested": "Contested",
    "unknown": "Unknown",
}
#: Legend entries that say more than the status name: a place is contested by an assault or
#: by a partial capture (part of it taken, "took much of the town"), never taken by one.
LEGEND_LABELS: dict[str, str] = {
    "contested": "Contested (assault or partial capture)",
}
#: The marker's ring.
RING = "#1a1a1a"


def marker_style(status: str, *, assumed: bool = False, recent: bool = False,
                 disputed: bool = False) -> dict[str, Any]:
    """Leaflet path options for one place's circle marker.

    Parameters
    ----------
    status : str
        One of :data:`PALETTE`'s keys (anything else is drawn as ``unknown``).
    assumed : bool
        Baseline not supported by an article: hollow (faded fill, ring in the colour).
    recent : bool
        Status changed recently: radius 10 px (the largest that keeps clicks at the
        marker's centre) and a 3.5 px ring.
    disputed : bool
        Sources disagree: dashed black ring.
    """
    colour = PALETTE.get(status, PALETTE["unknown"])
    style: dict[str, Any] = {"radius": 7, "color": RING, "weight": 1.5, "opacity": 1.0,
                             "fillColor": colour, "fillOpacity": 0.92}
    if assumed:
        style.update(color=colour, weight=3, fillOpacity=0.18)
    if recent:
        style.update(radius=10, weight=3.5)
    if disputed:
        style.update(color="#000000", dashArray="3 3", weight=max(style["weight"], 2.5))
    classes = ["kcm-marker", f"kcm-status-{slug(status)}"]
    classes += [c for c, on in (("kcm-assumed", assumed), ("kcm-recent", recent),
                                ("kcm-disputed", disputed)) if on]
    style["className"] = " ".join(classes)
    return style


@lru_cache(maxsize=65_536)
def slug(text: str) -> str:
    """``text`` lower-cased, every non-alphanumeric character as ``-`` (CSS classes)."""
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-")
