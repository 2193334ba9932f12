"""Analyst review: a queue of what the extractor proposed, decisions on it, and the event
table that follows from them. Used by the command line and the page alike (no web code).

A decision (confirm, reject with a reason, or correct some fields) is bound to the
evidence it was made on (:class:`~gazetteer.store.Evidence`: article hash, excerpt offsets,
event type and place as extracted). The latest decision on a piece of evidence is in force;
earlier ones stay in the history and in the export. After a re-extraction a decision finds
its event again by the same evidence, or, when the extractor now cuts the excerpt
differently, by an overlapping excerpt of the same article with the same type and place;
a decision whose event no longer appears is *orphaned*: listed, never dropped.

The effective event table (:func:`effective_events`) is the stored events with decisions
applied: rejected events are gone, corrected fields replace the extracted ones, confirmed
or corrected candidates become events, and a ``review_status`` column says ``confirmed``,
``corrected`` or ``unreviewed`` for each row.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from gazetteer.errors import ReviewError
from gazetteer.events import CONTROL_TYPES, EVENT_TYPES
from gazetteer.places import Gazetteer
from gazetteer.store import Evidence, Store

__all__ = [
    "CORRECTABLE",
    "DECISIONS",
    "EVENT_TYPES",
    "REVIEW_STATUSES",
    "QueueItem",
    "decide",
    "effective_events",
    "evidence_of",
    "orphaned_decisions",
    "review_queue",
    "reviewed_only",
    "reviews_csv",
]

DECISIONS = ("confirm", "reject", "correct")
#: Values of the ``review_status`` column of the effective event table.
REVIEW_STATUSES = ("confirmed", "corrected", "unreviewed")
#: Fields a correction may change.
CORRECTABLE = ("place", "date", "date_precision", "event_type", "actor", "target")
_CONTROL = frozenset(CONTROL_TYPES)
_STATUS = {"confirm": "confirmed", "correct": "corrected", "reject": "rejected"}
_KEY = ["article_sha256", "char_start", "char_end", "event_type", "place"]
_DAY = {"day": re.compile(r"\d{4}-\d{2}-\d{2}"), "month": re.compile(r"\d{4}-\d{2}"),
        "year": re.compile(r"\d{4}")}


def evidence_of(row: Mapping[str, Any], *, kind: str = "event") -> Evidence:
    """The evidence of an event or candidate row (needs ``article_sha256``, offsets, type
    and place as extracted)."""
    return Evidence(str(row["article_sha256"]), int(row["char_start"]), int(row["char_end"]),
                    str(row.get("event_type") or ""), str(row.get("place") or ""), kind)


# -- binding decisions to what is stored now ----------------------------------------------
def _latest(decisions: pd.DataFrame) -> pd.DataFrame:
    """The decision in force per evidence (the latest), oldest evidence first."""
    if decisions.empty:
        return decisions
    return decisions.drop_duplicates([*_KEY, "kind"], keep="last")


def _bind(rows: pd.DataFrame, latest: pd.DataFrame) -> dict[int, int]:
    """Row position -> position in ``latest`` of the decision bound to that row.

    Exact evidence first; then an unbound decision takes an unbound row of the same
    article, type and place whose excerpt overlaps its own.
    """
    if rows.empty or latest.empty:
        return {}
    keys = {tuple(k): i for i, k in enumerate(rows[_KEY].itertuples(index=False, name=None))}
    bound: dict[int, int] = {}
    loose: list[int] = []
    for j, key in enumerate(latest[_KEY].itertuples(index=False, name=None)):
        i = keys.get(tuple(key))
        if i is None or i in bound:
            loose.append(j)
        else:
            bound[i] = j
    if loose:
        by_article = rows.groupby("article_sha256").indices
        for j in loose:
            d = latest.iloc[j]
            for i in by_article.get(d["article_sha256"], ()):
                r = rows.iloc[i]
                if (i not in bound and r["event_type"] == d["event_type"]
                        and r["place"] == d["place"] and int(r["char_start"]) < int(d["char_end"])
                        and int(d["char_start"]) < int(r["char_end"])):
                    bound[int(i)] = j
                    break
    return bound


@dataclass(frozen=True, slots=True)
class _Review:
    """Stored rows with the decision in force attached (``review_status`` and decision
    columns), for events and candidates; and the decisions bound to nothing."""

    events: pd.DataFrame
    candidates: pd.DataFrame
    orphans: pd.DataFrame


def _reviewed(store: Store) -> _Review:
    decisions = store.decisions_frame()
    latest = {k: _latest(decisions[decisions["kind"] == k]).reset_index(drop=True)
              for k in ("event", "candidate")}
    frames, used = {}, set()
    for kind, frame in (("event", store.events_frame()),
                        ("candidate", store.candidates_frame())):
        frame = frame.reset_index(drop=True)
        bound = _bind(frame, latest[kind])
        pick = latest[kind]
        chosen = [bound.get(i) for i in range(len(frame))]
        frame["decision"] = [pick.at[j, "decision"] if j is not None else "" for j in chosen]
        frame["decision_id"] = [int(pick.at[j, "decision_id"]) if j is not None else 0
                                for j in chosen]
        frame["corrected"] = [pick.at[j, "corrected"] if j is not None else "{}"
                              for j in chosen]
        frame["review_status"] = [_STATUS.get(d, "unreviewed") for d in frame["decision"]]
        used.update(int(pick.at[j, "decision_id"]) for j in bound.values())
        frames[kind] = frame
    in_force = pd.concat([latest["event"], latest["candidate"]])
    orphans = in_force[~in_force["decision_id"].isin(used)] if not in_force.empty \
        else in_force
    return _Review(frames["event"], frames["candidate"], orphans.reset_index(drop=True))


# -- the effective event table --------------------------------------------------------------
def effective_events(store: Store, *, reviewed_only: bool = False,
                     gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    """The event table with every decision in force applied.

    Parameters
    ----------
    reviewed_only : bool
        Keep only confirmed and corrected events (the "reviewed only" map).

    Returns
    -------
    pandas.DataFrame
        The event table's columns, ``outlet``, ``article_sha256``, ``extractor_version``
        and ``review_status`` (confirmed, corrected or unreviewed). Rejected events and
        unsettled candidates are left out.
    """
    return _effective(_reviewed(store), reviewed_only=reviewed_only, gazetteer=gazetteer)


def _effective(review: _Review, *, reviewed_only: bool = False,
               gazetteer: Gazetteer | None = None) -> pd.DataFrame:
    events = _apply(review.events[review.events["review_status"] != "rejected"])
    taken = review.candidates[review.candidates["review_status"].isin(
        ("confirmed", "corrected"))]
    if not taken.empty:
        events = pd.concat([events, _candidate_events(_apply(taken), gazetteer)],
                           ignore_index=True)
    events = events.drop(columns=["decision", "decision_id", "corrected"], errors="ignore")
    if reviewed_only:
        events = events[events["review_status"] != "unreviewed"]
    return events.reset_index(drop=True)


def reviewed_only(events: pd.DataFrame) -> pd.DataFrame:
    """The confirmed and corrected rows of an effective event table (for the ACLED export
    limited to reviewed events)."""
    if "review_status" not in events.columns:
        return events.iloc[0:0]
    return events[events["review_status"].isin(("confirmed", "corrected"))]


def _apply(frame: pd.DataFrame) -> pd.DataFrame:
    """Corrected fields replace the extracted ones (rows with a correction only)."""
    frame = frame.copy()
    for i in frame.index[frame["corrected"] != "{}"]:
        for key, value in json.loads(frame.at[i, "corrected"]).items():
            if key in frame.columns:
                frame.at[i, key] = value
    return frame


def _candidate_events(frame: pd.DataFrame, gazetteer: Gazetteer | None) -> pd.DataFrame:
    gaz = gazetteer or Gazetteer.default()
    rows = []
    for row in frame.to_dict("records"):
        if not (pd.notna(row.get("lat")) and pd.notna(row.get("lon"))):
            place = gaz.get(str(row["place"]))
            row["lat"], row["lon"] = (place.lat, place.lon) if place else (None, None)
        key = f"{row['source_file']}|{row['char_start']}|{row['char_end']}|" \
              f"{row['event_type']}|{row['place']}|candidate"
        row["event_id"] = hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
        row.setdefault("target", "")
        row["confidence"] = 1.0
        row["place_approximate"] = False
        rows.append(row)
    return pd.DataFrame(rows).drop(columns=["reason"], errors="ignore")


# -- the queue ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class QueueItem:
    """One event or candidate to review.

    ``row`` holds its fields as extracted (excerpt, offsets, highlight, source file,
    outlet, published, date, type, place, actor, target; a candidate's ``reason``);
    ``status`` is its review status; ``rank`` orders the queue (0: deciding it changes the
    colour of a place; 1: another control report; 2: context); ``why`` says so in words.
    """

    kind: str
    evidence: Evidence
    row: dict[str, Any]
    status: str
    rank: int
    why: str


def review_queue(store: Store, *, include_reviewed: bool = False,
                 baseline: pd.DataFrame | None = None) -> list[QueueItem]:
    """What to review, most telling first: unreviewed before reviewed; among them, events
    that set or change a place's colour on the map, then other control reports and
    candidates with a control trigger, then context; newest date first within each."""
    review = _reviewed(store)
    colouring = _colour_setters(_effective(review), baseline)
    items: list[QueueItem] = []
    for kind, frame in (("event", review.events), ("candidate", review.candidates)):
        if not include_reviewed:
            frame = frame[frame["review_status"] == "unreviewed"]
        for row in frame.to_dict("records"):
            rank, why = _rank(kind, row, colouring)
            if row["review_status"] != "unreviewed":
                rank += 10
            items.append(QueueItem(kind, evidence_of(row, kind=kind), row,
                                   str(row["review_status"]), rank, why))
    items.sort(key=lambda it: (it.rank, _neg(str(it.row.get("date") or "")),
                               str(it.row.get("source_file")), int(it.row["char_start"])))
    return items


def _neg(text: str) -> tuple[int, ...]:
    return tuple(-ord(c) for c in text)


def _rank(kind: str, row: Mapping[str, Any], colouring: Mapping[str, str]) -> tuple[int, str]:
    etype = str(row.get("event_type") or "")
    if kind == "candidate":
        reason = str(row.get("reason") or "the extractor could not settle it")
        return (1 if etype in _CONTROL else 2), f"candidate: {reason}"
    place = colouring.get(str(row.get("event_id")))
    if place:
        return 0, f"sets the colour of {place} on the map"
    if etype in _CONTROL:
        return 1, f"a {etype} report that does not change a colour now"
    return 2, f"context ({etype}); colours nothing"


def _colour_setters(events: pd.DataFrame, baseline: pd.DataFrame | None) -> dict[str, str]:
    """Event id -> place for every report behind a change of a place's status."""
    from gazetteer.timeline import Timeline

    control = events[events["event_type"].isin(_CONTROL)]
    if control.empty:
        return {}
    timeline = Timeline.from_events(control, baseline=baseline)
    found: dict[str, str] = {}
    for ev in timeline.events:
        before = timeline.place_state(ev.place, ev.start.fromordinal(ev.start.toordinal() - 1))
        after = timeline.place_state(ev.place, ev.start)
        if after.status != before.status and ev.event_id in after.event_ids:
            for event_id in ev.event_ids:
                found[event_id] = ev.place
    return found


# -- deciding -------------------------------------------------------------------------------
def decide(store: Store, evidence: Evidence, *, decision: str, reviewer: str,
           reason: str = "", corrected: Mapping[str, Any] | None = None,
           gazetteer: Gazetteer | None = None) -> int:
    """Record a decision on an event or candidate now in the store; returns its id.

    Raises
    ------
    ReviewError
        Unknown decision, no reviewer name, a rejection without a reason, a correction
        that changes nothing or names an unknown place, type or malformed date, or
        evidence that matches nothing stored.
    """
    if decision not in DECISIONS:
        raise ReviewError(f"decision {decision!r} is not one of {', '.join(DECISIONS)}")
    if not reviewer.strip():
        raise ReviewError("a decision needs the reviewer's name")
    if decision == "reject" and not reason.strip():
        raise ReviewError("a rejection needs a reason")
    row = _stored_row(store, evidence)
    fields = _check_correction(corrected or {}, row, gazetteer) if decision == "correct" \
        else {}
    if decision == "correct" and not fields:
        raise ReviewError("a correction must change at least one field")
    if decision == "confirm" and evidence.kind == "candidate":
        _check_candidate(row, gazetteer)
    return store.add_decision(evidence, decision=decision, reviewer=reviewer.strip(),
                              reason=reason.strip(), corrected=fields)


def _stored_row(store: Store, evidence: Evidence) -> dict[str, Any]:
    row = store.stored_row(evidence)
    if row is None:
        raise ReviewError(f"no stored {evidence.kind} matches this evidence (characters "
                          f"{evidence.char_start}-{evidence.char_end}, {evidence.event_type} "
                          f"at {evidence.place or 'no place'}); it may have been re-extracted")
    return row


def _check_correction(corrected: Mapping[str, Any], row: Mapping[str, Any],
                      gazetteer: Gazetteer | None) -> dict[str, Any]:
    unknown = sorted(set(corrected) - set(CORRECTABLE))
    if unknown:
        raise ReviewError(f"cannot correct {', '.join(unknown)}; correctable fields: "
                          f"{', '.join(CORRECTABLE)}")
    fields = {k: str(v).strip() for k, v in corrected.items()
              if str(v).strip() != str(row.get(k) or "").strip()}
    if "event_type" in fields and fields["event_type"] not in EVENT_TYPES:
        raise ReviewError(f"event type {fields['event_type']!r} is not one of "
                          f"{', '.join(EVENT_TYPES)}")
    if "place" in fields:
        place = _place(fields["place"], gazetteer)
        fields.update(place=place.name, lat=place.lat, lon=place.lon)
    if "date" in fields or "date_precision" in fields:
        day = fields.get("date", str(row.get("date") or ""))
        precision = fields.get("date_precision", str(row.get("date_precision") or "day"))
        if not _fits(day, precision):
            raise ReviewError(f"date {day!r} does not fit precision {precision!r} "
                              "(day YYYY-MM-DD, month YYYY-MM, year YYYY)")
        fields.update(date=day, date_precision=precision)
    return fields


def _fits(day: str, precision: str) -> bool:
    """``day`` is a real date written at ``precision`` (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``)."""
    if precision not in _DAY or not _DAY[precision].fullmatch(day):
        return False
    try:
        dt.date.fromisoformat({"day": day, "month": f"{day}-01", "year": f"{day}-01-01"}
                              [precision])
    except ValueError:
        return False
    return True


def _place(name: str, gazetteer: Gazetteer | None) -> Any:
    place = (gazetteer or Gazetteer.default()).get(name)
    if place is not None:
        return place
    raise ReviewError(f"{name!r} is not a place of the gazetteer; pick one from the list")


def _check_candidate(row: Mapping[str, Any], gazetteer: Gazetteer | None) -> None:
    if not row.get("place") or not row.get("date") or row.get("event_type") not in EVENT_TYPES:
        raise ReviewError("this candidate lacks a place, a date or an event type: correct "
                          "it (fill them in) instead of confirming it")
    _place(str(row["place"]), gazetteer)


# -- reports --------------------------------------------------------------------------------
def orphaned_decisions(store: Store) -> pd.DataFrame:
    """Decisions in force whose event or candidate no longer appears in the store."""
    return _reviewed(store).orphans


REVIEW_COLUMNS = ("decision_id", "decided_at", "reviewer", "decision", "reason", "corrected",
                  "kind", "source_file", "article_sha256", "char_start", "char_end",
                  "event_type", "place", "excerpt", "state")


def reviews_csv(store: Store) -> str:
    """Every decision ever made, oldest first, as CSV: who, when, what, why, the evidence
    (article, offsets, excerpt) and its state: ``in force``, ``superseded`` (a later
    decision on the same evidence) or ``orphaned`` (its event no longer appears)."""
    decisions = store.decisions_frame()
    review = _reviewed(store)
    in_force = set(_latest(decisions)["decision_id"]) if not decisions.empty else set()
    orphaned = set(review.orphans["decision_id"]) if not review.orphans.empty else set()
    texts: dict[str, str] = {}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=REVIEW_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for d in decisions.to_dict("records"):
        if d["source_file"] not in texts:
            texts[d["source_file"]] = store.article_text(d["source_file"])
        d["excerpt"] = texts[d["source_file"]][int(d["char_start"]):int(d["char_end"])]
        d["state"] = ("orphaned" if d["decision_id"] in orphaned else
                      "in force" if d["decision_id"] in in_force else "superseded")
        writer.writerow({k: _cell(d.get(k)) for k in REVIEW_COLUMNS})
    return out.getvalue()


def _cell(value: Any) -> Any:
    """A CSV cell: text that a spreadsheet would run as a formula is prefixed with '."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def queue_counts(items: Sequence[QueueItem]) -> dict[str, int]:
    """How many items are left unreviewed, and of them how many change a colour."""
    open_items = [it for it in items if it.status == "unreviewed"]
    return {"left": len(open_items), "colour": sum(it.rank == 0 for it in open_items)}
