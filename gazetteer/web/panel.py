"""The source panel of a place and the map's legend, as escaped HTML."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from gazetteer.events import RECENT_DAYS, describe_date, event_label
from gazetteer.palette import LABELS, LEGEND_LABELS, PALETTE
from gazetteer.timeline import Timeline
from gazetteer.web.layers import area_style, marker_style
from gazetteer.web.model import Model
from gazetteer.web.render import TEMPLATES_DIR, escape_text, page_templates

#: The page's stylesheets, drawn once at the top of the page (:func:`page_style_html`).
PAGE_STYLESHEETS = ("page.css", "panel.css", "legend.css", "events_table.css")


@lru_cache(maxsize=1)
def page_style_html() -> str:
    """The page's own styles as one ``<style>`` element: its layout (``templates/page.css``:
    on a phone, the map first and full width, the time controls in a bar at the bottom)
    and the look of the HTML blocks the date's view draws (source panel, legend, events
    tables).

    Drawn once, above the date's view: the blocks redrawn on each date step carry no
    ``<style>`` of their own, whose insertion would make the browser match every rule of
    the page against every element again. The files are read once per process.
    """
    return "<style>" + "\n".join((TEMPLATES_DIR / name).read_text(encoding="utf-8")
                                  for name in PAGE_STYLESHEETS) + "</style>"


def heading_html(text: str, *, level: int = 3) -> str:
    """``text`` (escaped) as a heading of ``level`` (1 to 6), or as a bold line for 0.

    The date's view draws its headings this way: an ``st.html`` block costs the browser
    less on each date step than ``st.subheader`` or ``st.markdown`` (markdown, anchor
    links).
    """
    if level == 0:
        return f'<p class="kcm-heading"><strong>{escape_text(text)}</strong></p>'
    if not 1 <= level <= 6:
        raise ValueError(f"heading level {level} is not 0 to 6")
    return f'<h{level} class="kcm-heading">{escape_text(text)}</h{level}>'


def legend_html(*, areas: bool = False) -> str:
    """The legend (status colours and the three marker variants) as escaped HTML.

    ``areas`` adds the two kinds of area: sourced (light fill) and assumed or unknown
    (hatched).
    """
    items = []
    for status, label in LABELS.items():
        items.append(_legend_item(LEGEND_LABELS.get(status, label), marker_style(status)))
    items.append(_legend_item("assumed baseline (no article)",
                              marker_style("junta", assumed=True)))
    items.append(_legend_item(f"changed in the last {RECENT_DAYS} days",
                              marker_style("KIA", recent=True)))
    items.append(_legend_item("sources disagree", marker_style("KIA", disputed=True)))
    if areas:
        items.extend(_area_legend_items())
    return page_templates.get_template("legend.html").render(items=items)


def _area_legend_items() -> list[dict[str, Any]]:
    sourced = area_style("KIA")
    colour = sourced["fillColor"].lstrip("#")
    rgb = f"{int(colour[0:2], 16)}, {int(colour[2:4], 16)}, {int(colour[4:6], 16)}"
    grey = PALETTE["unknown"]
    return [
        {"label": "area nearest a place (approximate)", "size": 14, "square": True,
         "fill_rgba": f"rgba({rgb}, {sourced['fillOpacity']})", "stroke": sourced["color"],
         "weight": 1, "border_style": "solid"},
        {"label": "area: assumed or unknown status", "size": 14, "square": True,
         "fill_rgba": f"repeating-linear-gradient(45deg, {grey} 0 2px, transparent 2px 6px)",
         "stroke": grey, "weight": 1, "border_style": "dashed"},
    ]


def _legend_item(label: str, style: Mapping[str, Any]) -> dict[str, Any]:
    r, weight = float(style["radius"]), float(style["weight"])
    fill = style["fillColor"].lstrip("#")
    rgba = (f"rgba({int(fill[0:2], 16)}, {int(fill[2:4], 16)}, {int(fill[4:6], 16)}, "
            f"{style['fillOpacity']})")
    return {"label": label, "size": round(2 * r + weight, 1), "fill_rgba": rgba,
            "stroke": style["color"], "weight": weight,
            "border_style": "dashed" if style.get("dashArray") else "solid", "square": False}


def panel_html(model: Model, place: str, day: dt.date) -> str:
    """The source panel for ``place`` on ``day`` as HTML (every value escaped)."""
    return page_templates.get_template("panel.html").render(**panel_context(model, place, day))


def panel_context(model: Model, place: str, day: dt.date) -> dict[str, Any]:
    """The data shown in the panel (see ``templates/panel.html``)."""
    tl = model.timeline
    details = model.places.get(place)
    st_ = tl.place_state(place, day)
    state_rows = model.state(day)
    approximate = bool(state_rows.loc[state_rows["place"] == place, "approximate"].any()) \
        or bool(details is not None and details.approximate)
    return {
        "place": place,
        "day": day.isoformat(),
        "details": _details(details),
        "approximate": approximate,
        "approximate_basis": details.coord_source if details is not None and
        details.approximate else "",
        "status": _status_view(tl, place, st_),
        "history": _history_view(tl, place, day),
        "excerpts": model.remember(("excerpts", place),
                                   lambda: _excerpts(model, place, details)),
    }


def _details(p: Any) -> dict[str, Any] | None:
    if p is None:
        return None
    return {"kind": p.kind or "place", "township": p.township, "district": p.district,
            "state": p.state, "pcode": p.pcode, "aliases": list(p.aliases),
            "coord_source": p.coord_source}


def _since_text(state: Any) -> str:
    if state.since is None or state.status == "unknown":
        return ""
    if state.kind == "baseline":
        return f"as of {state.since.isoformat()} (baseline)"
    if state.since_precision == "month":
        return f"since {state.since:%B %Y} (the day is not known)"
    if state.since_precision == "year":
        return f"since {state.since.year} (the day and month are not known)"
    return f"since {state.since.isoformat()}"


def _status_view(tl: Timeline, place: str, state: Any) -> dict[str, Any]:
    disputes = [ev.dispute for ev in tl.events_at(place)
                if ev.disputed and set(ev.event_ids) & set(state.event_ids)]
    holder = ""
    if state.status == "contested" and state.holder:
        holder = f"Held by {LABELS.get(state.holder, state.holder)} when the fighting began"
    return {"label": LABELS.get(state.status, state.status),
            "colour": PALETTE.get(state.status, PALETTE["unknown"]),
            "since_text": _since_text(state), "basis": state.basis,
            "assumed": state.assumed, "disputes": list(dict.fromkeys(disputes)),
            "holder_text": holder}


def _history_view(tl: Timeline, place: str, day: dt.date) -> list[dict[str, Any]]:
    hist = tl.history(place)
    rows = []
    current = tl.place_state(place, day)
    for row in hist.to_dict("records"):
        when = row["date"] or "baseline"
        if row["precision"] == "month" and row["date"]:
            when = f"{row['date']} (day not known)"
        rows.append({"date": when, "label": LABELS.get(row["status"], row["status"]),
                     "colour": PALETTE.get(row["status"], PALETTE["unknown"]),
                     "basis": row["basis"], "disputed": row["disputed"],
                     "assumed": row["assumed"], "current": row["basis"] == current.basis})
    return rows


def _excerpts(model: Model, place: str, details: Any) -> list[dict[str, Any]]:
    """Every excerpt naming ``place``, one per article passage, newest article first.

    Events at the place come first; other events' excerpts that mention one of its
    names are included too. Each passage highlights the trigger words of every event it
    states about this place, and the place's names.
    """
    events = model.data.events
    if events.empty:
        return []
    names = [place, *(details.aliases if details is not None else ())]
    pattern = _mention_pattern(tuple(sorted(set(names), key=len, reverse=True)))
    passages: dict[tuple, list[dict[str, Any]]] = {}
    for row in events.to_dict("records"):
        if row.get("place") != place and not pattern.search(str(row.get("excerpt") or "")):
            continue
        key = (row.get("source_file"), row.get("char_start"), row.get("char_end"))
        passages.setdefault(key, []).append(row)
    out = []
    for rows in passages.values():
        here = [r for r in rows if r.get("place") == place]
        first = (here or rows)[0]
        art = model.data.articles.get(str(first.get("source_file")), {})
        if here:
            what = "; ".join(dict.fromkeys(
                f"{event_label(r.get('event_type'), r.get('extent'))} "
                f"{describe_date(r.get('date'), r.get('date_precision'))}"
                for r in here)) + " here"
        else:
            what = (f"mentions it (a {event_label(first.get('event_type'), first.get('extent'))}"
                    f" at {first.get('place')})")
        out.append({
            "outlet": art.get("outlet") or str(first.get("outlet") or ""),
            "title": art.get("title", ""),
            "published": str(first.get("published") or art.get("published", "") or ""),
            "file": str(first.get("source_file") or ""), "what": what,
            "review": _review_mark(here),
            "segments": _segments(first, here, pattern), "_sort": _sort_key(first)})
    out.sort(key=lambda e: e["_sort"], reverse=True)
    for e in out:
        del e["_sort"]
    return out


#: How the panel names each review status of a store's events.
REVIEW_MARKS = {"confirmed": "confirmed by an analyst", "corrected": "corrected by an analyst",
                "unreviewed": "machine-read, not reviewed"}


def _review_mark(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, str]]:
    """The review statuses of a passage's events here (none outside a corpus store)."""
    found = dict.fromkeys(str(r["review_status"]) for r in rows
                          if r.get("review_status") in REVIEW_MARKS)
    return [{"status": k, "label": REVIEW_MARKS[k]} for k in found]


def _sort_key(row: Mapping[str, Any]) -> tuple[str, str, str]:
    return (str(row.get("published") or ""), str(row.get("date") or ""),
            str(row.get("source_file") or ""))


@lru_cache(maxsize=256)
def _mention_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(n) for n in names if n)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def _segments(row: Mapping[str, Any], events: Iterable[Mapping[str, Any]],
              pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    """Split an excerpt into (text, css class) runs: event words, then place mentions."""
    text = str(row.get("excerpt") or "")
    marks: list[tuple[int, int, str]] = []
    for ev in events:
        try:
            base = int(ev["char_start"])
            hs, he = int(ev["highlight_start"]) - base, int(ev["highlight_end"]) - base
        except (KeyError, TypeError, ValueError):
            continue
        if 0 <= hs < he <= len(text) and all(he <= a or hs >= b for a, b, _ in marks):
            marks.append((hs, he, "kcm-event"))
    for m in pattern.finditer(text):
        if all(m.end() <= a or m.start() >= b for a, b, _ in marks):
            marks.append((m.start(), m.end(), "kcm-place"))
    marks.sort()
    segments, pos = [], 0
    for a, b, cls in marks:
        if a > pos:
            segments.append((text[pos:a], ""))
        segments.append((text[a:b], cls))
        pos = b
    if pos < len(text):
        segments.append((text[pos:], ""))
    return segments
