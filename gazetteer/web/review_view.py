"""The review view: what the extractor proposed, one item at a time, most telling first.

The queue (:func:`gazetteer.review.review_queue`) is built once per session and refreshed
on request; every rerun drops what anyone has decided meanwhile (a cheap query), so two
reviewers working at once move on past each other's decisions. A decision is recorded
(and committed) before the page says "Saved". The view runs as a fragment: deciding
reruns only the view, not the map.
"""

from __future__ import annotations

import csv
import hashlib
from functools import lru_cache
from typing import Any

import streamlit as st

from gazetteer.actors import ACTOR_GROUPS_CSV
from gazetteer.errors import GazetteerError
from gazetteer.events import DATE_PRECISIONS, EVENT_TYPES
from gazetteer.review import QueueItem, decide, review_queue
from gazetteer.store import Evidence, Store
from gazetteer.web.render import page_templates
from gazetteer.web.text import md_text

#: Keyboard shortcuts of the actions ("C" and "R" are Streamlit's own).
SHORTCUTS = {"confirm": "Y", "reject": "X", "correct": "E", "skip": "S"}


def item_key(evidence: Evidence) -> str:
    """A short stable key of an item (widget keys, the page's ``data-key``)."""
    raw = "|".join(str(v) for v in (evidence.article_sha256, evidence.char_start,
                                     evidence.char_end, evidence.event_type, evidence.place,
                                     evidence.kind))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]


def item_html(item: QueueItem, *, titles: dict[str, str] | None = None) -> str:
    """The item as escaped HTML: why it is here, outlet and date, the excerpt with the
    trigger words highlighted, and the extracted fields."""
    row = item.row
    text = str(row.get("excerpt") or "")
    segments: list[tuple[str, str]] = [(text, "")]
    try:
        hs = int(row["highlight_start"]) - int(row["char_start"])
        he = int(row["highlight_end"]) - int(row["char_start"])
        if 0 <= hs < he <= len(text):
            segments = [(text[:hs], ""), (text[hs:he], "kcm-trigger"), (text[he:], "")]
    except (KeyError, TypeError, ValueError):
        pass
    fields = [("Place", row.get("place")), ("Date", _date_text(row)),
              ("Type", row.get("event_type")), ("Actor", row.get("actor")),
              ("Target", row.get("target"))]
    if item.kind == "candidate":
        fields.append(("Why unsettled", row.get("reason")))
    return page_templates.get_template("review_item.html").render(
        kind=item.kind, key=item_key(item.evidence), why=item.why,
        outlet=row.get("outlet") or "", published=row.get("published") or "",
        file=row.get("source_file") or "", title=(titles or {}).get(
            str(row.get("source_file")), ""),
        segments=[s for s in segments if s[0]], fields=fields)


def _date_text(row: dict[str, Any]) -> str:
    date, precision = str(row.get("date") or ""), str(row.get("date_precision") or "")
    return f"{date} ({precision})" if date and precision and precision != "day" else date


@lru_cache(maxsize=1)
def actor_names() -> tuple[str, ...]:
    """The canonical actors of the allegiance table, for the correction form."""
    with ACTOR_GROUPS_CSV.open(encoding="utf-8") as handle:
        return tuple(sorted({r["actor"].strip() for r in csv.DictReader(handle)
                             if (r.get("actor") or "").strip()}))


def session_queue(store: Store, *, refresh: bool = False) -> list[QueueItem]:
    """This session's queue, built on first use or when ``refresh`` is asked for."""
    ss = st.session_state
    if refresh or "review_queue" not in ss:
        ss["review_queue"] = review_queue(store)
        ss["review_skipped"] = set()
    return ss["review_queue"]


def _record(store: Store, item: QueueItem, decision: str, **kwargs: Any) -> None:
    """Record a decision; say "Saved" only once it is on disk, or say what is wrong."""
    ss = st.session_state
    try:
        number = decide(store, item.evidence, decision=decision,
                        reviewer=str(ss.get("reviewer") or ""), **kwargs)
    except GazetteerError as err:
        ss["review_error"] = str(err)
        return
    ss.pop("review_error", None)
    ss["review_saved"] = (f"Saved decision {number}: {decision} — {item.row.get('event_type')}"
                          f" at {item.row.get('place') or 'no place'}")
    ss["review_count"] = ss.get("review_count", 0) + 1


def _reject(store: Store, item: QueueItem, key: str) -> None:
    _record(store, item, "reject", reason=str(st.session_state.get(f"reason-{key}") or ""))


def _skip(item: QueueItem) -> None:
    st.session_state.setdefault("review_skipped", set()).add(item.evidence)


@st.fragment
def review_view(store: Store, *, places: list[str], titles: dict[str, str]) -> None:
    """The review view (a fragment): count left, the current item, and the actions."""
    ss = st.session_state
    st.text_input("Your name, recorded with each decision", key="reviewer",
                  placeholder="e.g. the initials your team uses")
    top = st.container(horizontal=True, vertical_alignment="center")
    refresh = top.button("Refresh the queue", icon=":material/refresh:",
                         help="Rebuild the order from the latest events and decisions")
    queue = session_queue(store, refresh=refresh)
    decided = store.decided()
    open_items = [it for it in queue if it.evidence not in decided]
    skipped = ss.get("review_skipped", set())
    pending = [it for it in open_items if it.evidence not in skipped] or open_items
    colour = sum(it.rank == 0 for it in open_items)
    top.markdown(f"**{len(open_items)} left to review**, {colour} of them change a place's "
                 "colour on the map")
    if ss.get("review_saved"):
        st.success(md_text(ss["review_saved"]), icon=":material/check:")
    if ss.get("review_error"):
        st.error(md_text(ss["review_error"]))
    if not pending:
        st.info("Nothing left to review in this queue. New articles appear after "
                "'Refresh the queue'.")
        return
    item = pending[0]
    key = item_key(item.evidence)
    st.html(item_html(item, titles=titles))
    named = bool(str(ss.get("reviewer") or "").strip())
    if not named:
        st.warning("Give your name above to record decisions.")
    actions = st.container(horizontal=True, vertical_alignment="bottom")
    actions.button("Confirm", key=f"confirm-{key}",
                   type="primary", shortcut=SHORTCUTS["confirm"], disabled=not named,
                   on_click=_record, args=(store, item, "confirm"))
    actions.text_input("Reason to reject", key=f"reason-{key}", width=360,
                       placeholder="e.g. a plan, not a capture")
    actions.button("Reject", key=f"reject-{key}",
                   shortcut=SHORTCUTS["reject"], disabled=not named,
                   on_click=_reject, args=(store, item, key))
    actions.button("Skip", key=f"skip-{key}",
                   shortcut=SHORTCUTS["skip"], on_click=_skip, args=(item,))
    if st.toggle("Correct a field", key=f"correcting-{key}",
                 value=item.kind == "candidate"):
        _correction_form(store, item, key, places=places, disabled=not named)


def _correction_form(store: Store, item: QueueItem, key: str, *, places: list[str],
                     disabled: bool) -> None:
    row = item.row
    place_now = str(row.get("place") or "")
    place_options = places if place_now in places or not place_now else [place_now, *places]
    actors = list(actor_names())
    with st.form(f"correct-{key}", border=True):
        cols = st.columns(3)
        place = cols[0].selectbox("Place (from the gazetteer)", place_options,
                                  index=place_options.index(place_now) if place_now in
                                  place_options else None, placeholder="Choose a place")
        date = cols[1].text_input("Date", value=str(row.get("date") or ""),
                                  placeholder="YYYY-MM-DD, YYYY-MM or YYYY")
        precisions = list(DATE_PRECISIONS)
        precision = cols[2].selectbox(
            "Date precision", precisions,
            index=precisions.index(row["date_precision"])
            if row.get("date_precision") in precisions else 0)
        types = list(EVENT_TYPES)
        etype = cols[0].selectbox("Type", types, index=types.index(row["event_type"])
                                  if row.get("event_type") in types else 0)
        actor_now, target_now = str(row.get("actor") or ""), str(row.get("target") or "")
        actor = cols[1].selectbox("Actor", ["", *actors], accept_new_options=True,
                                  index=["", *actors].index(actor_now)
                                  if actor_now in actors else 0)
        target = cols[2].selectbox("Target", ["", *actors], accept_new_options=True,
                                   index=["", *actors].index(target_now)
                                   if target_now in actors else 0)
        saved = st.form_submit_button("Save correction",
                                      shortcut=SHORTCUTS["correct"], disabled=disabled)
    if saved:
        fields = {"place": place or "", "date": date, "date_precision": precision,
                  "event_type": etype, "actor": actor or "", "target": target or ""}
        _record(store, item, "correct", corrected=fields)
        st.rerun(scope="fragment")
