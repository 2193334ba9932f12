"""How a status looks on a map, and data written safely into a script: no web library.

Shared by the dashboard's folium map and the self-contained map file
(:mod:`gazetteer.mapfile`), so both draw the same Okabe-Ito colours (distinct under the
common colour-vision deficiencies), the same hollow/ringed/dashed markers and the same
legend words.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from typing import Any

from gazetteer.timeline import STATUSES

__all__ = ["LABELS", "PALETTE", "STATUSES", "js_json", "marker_style", "slug"]

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
    """``text`` lower-cased with every non-alphanumeric character as ``-`` (CSS classes)."""
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-")


def js_json(value: object) -> str:
    """``value`` as a JavaScript literal that is safe anywhere in a script.

    JSON with ``<``, ``>``, ``&``, quotes, backticks, ``$`` and line separators written as
    ``\\uXXXX`` escapes: it cannot close a ``<script>`` element, a string or a template
    literal, whatever the data holds; nor can it open a Jinja tag (a ``{`` before ``{``,
    ``%`` or ``#`` is escaped too). Keys are sorted so equal data gives equal text. The
    result is also valid JSON (``JSON.parse`` reads it back unchanged).
    """
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, allow_nan=False,
                      separators=(",", ":"))
    for char, escaped in _JS_ESCAPES:  # str.replace per character: far faster than translate
        if char in text:
            text = text.replace(char, escaped)
    if "{" in text:  # a "{" before "{", "%" or "#" is inside a string: JSON puts '"' there
        text = _TEMPLATE_OPENER.sub(r"\\u007b", text)
    return text


_JS_ESCAPES = tuple((c, f"\\u{ord(c):04x}") for c in "<>&'`$\u2028\u2029")
#: Jinja's delimiters: folium compiles rendered scripts as templates again.
_TEMPLATE_OPENER = re.compile(r"\{(?=[{%#])")
