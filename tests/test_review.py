"""Review: the queue's order, decisions and their checks, the effective event table, the
map it gives, and the exports (reviews, review status, ACLED limited to reviewed events)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from support.corpus import ASSAULT_BHAMO, CAPTURE_SUMPRABUM

from gazetteer import exchange, ingest, review
from gazetteer.errors import ReviewError
from gazetteer.store import Store
from gazetteer.timeline import Timeline

AIRSTRIKE = "Junta aircraft bombed Laiza on 5 November, killing two people."
QUIET = "Sumprabum, now under KIA control, was quiet on Monday."
TAKEN = "Kachin Independence Army units seized Waingmaw on 3 November, a spokesman said."
RETAKEN = "The junta retook Waingmaw on 20 November, state media said."
UNSETTLED = "Fighters overran a hilltop camp last week, a source said."


@pytest.fixture
def store(tmp_path: Path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(f"date 2024-12-10\n{CAPTURE_SUMPRABUM} {QUIET}",
                                  encoding="utf-8")
    (folder / "b.txt").write_text(f"date 2024-12-10\n{TAKEN} {RETAKEN}",
                                  encoding="utf-8")
    (folder / "c.txt").write_text(f"date 2024-12-10\n{AIRSTRIKE} {ASSAULT_BHAMO}",
                                  encoding="utf-8")
    with Store(tmp_path / "corpus.sqlite3") as s:
        ingest.add_paths(s, [folder])
        text = f"{UNSETTLED} More later."
        s.add_article(file="d.txt", text=text, sha256=ingest.text_hash(text),
                      published="2024-12-10", extractor_version="test",
                      candidates=[{"event_type": "capture", "excerpt": UNSETTLED,
                                   "char_start": 0, "char_end": len(UNSETTLED),
                                   "highlight_start": 9, "highlight_end": 16,
                                   "reason": "the camp is not in the gazetteer"}])
        yield s


def _item(items: list[review.QueueItem], place: str, kind: str = "") -> review.QueueItem:
    return next(it for it in items if it.row["place"] == place
                and (not kind or it.row["event_type"] == kind))


def test_queue_puts_colour_changes_first_then_control_then_context(store: Store) -> None:
    items = review.review_queue(store)
    assert len(items) == 7
    ranks = [it.rank for it in items]
    assert ranks == sorted(ranks)
    assert _item(items, "Sumprabum", "capture").rank == 0
    assert "Sumprabum" in _item(items, "Sumprabum", "capture").why
    assert _item(items, "Sumprabum", "held").rank == 1      # same side: no new colour
    assert _item(items, "Laiza").rank == 2                   # context colours nothing
    candidate = next(it for it in items if it.kind == "candidate")
    assert candidate.rank == 1 and "not in the gazetteer" in candidate.why
    waingmaw = [it for it in items if it.row["place"] == "Waingmaw"]
    assert [it.row["date"] for it in waingmaw] == ["2024-11-20", "2024-11-03"]
    assert review.queue_counts(items) == {"left": 7, "colour": 4}


def test_decided_items_leave_the_queue(store: Store) -> None:
    items = review.review_queue(store)
    review.decide(store, items[0].evidence, decision="confirm", reviewer="Ann")
    left = review.review_queue(store)
    assert len(left) == 6 and items[0].evidence not in [it.evidence for it in left]
    every = review.review_queue(store, include_reviewed=True)
    assert every[-1].evidence == items[0].evidence and every[-1].status == "confirmed"


def test_rejected_capture_no_longer_colours_the_map(store: Store) -> None:
    before = Timeline.from_events(review.effective_events(store)).state_on("2024-11-25")
    assert before.set_index("place").loc["Waingmaw", "status"] == "junta"
    items = review.review_queue(store)
    retaken = next(it for it in items
                   if it.row["place"] == "Waingmaw" and it.row["actor"] == "junta")
    review.decide(store, retaken.evidence, decision="reject", reviewer="Ann",
                  reason="state media claim, denied locally")
    events = review.effective_events(store)
    assert "junta" not in set(events[events["place"] == "Waingmaw"]["actor"])
    after = Timeline.from_events(events).state_on("2024-11-25")
    assert after.set_index("place").loc["Waingmaw", "status"] != "junta"


def test_correction_applies_and_reviewed_only_view(store: Store) -> None:
    items = review.review_queue(store)
    bhamo = _item(items, "Bhamo")
    review.decide(store, bhamo.evidence, decision="correct", reviewer="Bo",
                  corrected={"place": "Myitkyina", "date": "2024-12",
                             "date_precision": "month", "actor": "KIA"})
    review.decide(store, _item(items, "Sumprabum", "capture").evidence, decision="confirm",
                  reviewer="Ann")
    events = review.effective_events(store)
    fixed = events[events["review_status"] == "corrected"].iloc[0]
    assert (fixed["place"], fixed["date"], fixed["date_precision"]) == \
        ("Myitkyina", "2024-12", "month")
    assert fixed["lat"] == pytest.approx(25.38, abs=0.1)
    assert fixed["excerpt"] == bhamo.row["excerpt"]          # the evidence stays
    assert set(events["review_status"]) == {"confirmed", "corrected", "unreviewed"}
    only = review.effective_events(store, reviewed_only=True)
    assert sorted(only["place"]) == ["Myitkyina", "Sumprabum"]


def test_candidate_becomes_an_event_when_corrected_or_is_dismissed(store: Store) -> None:
    candidate = next(it for it in review.review_queue(store) if it.kind == "candidate")
    with pytest.raises(ReviewError, match="lacks a place"):
        review.decide(store, candidate.evidence, decision="confirm", reviewer="Ann")
    review.decide(store, candidate.evidence, decision="correct", reviewer="Ann",
                  corrected={"place": "Sadung", "date": "2024-12-03"})
    events = review.effective_events(store)
    row = events[events["place"] == "Sadung"].iloc[0]
    assert row["event_type"] == "capture" and row["review_status"] == "corrected"
    assert row["excerpt"] == UNSETTLED and row["source_file"] == "d.txt"
    assert not any(it.kind == "candidate" for it in review.review_queue(store))
    review.decide(store, candidate.evidence, decision="reject", reviewer="Bo",
                  reason="the camp is across the border")
    assert "Sadung" not in set(review.effective_events(store)["place"])


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"decision": "approve"}, "not one of"),
    ({"decision": "confirm", "reviewer": " "}, "reviewer's name"),
    ({"decision": "reject"}, "needs a reason"),
    ({"decision": "correct", "corrected": {}}, "at least one field"),
    ({"decision": "correct", "corrected": {"place": "Atlantis"}}, "not a place"),
    ({"decision": "correct", "corrected": {"event_type": "party"}}, "not one of"),
    ({"decision": "correct", "corrected": {"date": "2024-13-45"}}, "does not fit"),
    ({"decision": "correct", "corrected": {"date_precision": "month"}}, "does not fit"),
    ({"decision": "correct", "corrected": {"excerpt": "x"}}, "cannot correct excerpt"),
])
def test_bad_decisions_are_refused_and_not_stored(store: Store, kwargs: dict,
                                                  message: str) -> None:
    item = review.review_queue(store)[0]
    with pytest.raises(ReviewError, match=message):
        review.decide(store, item.evidence, **{"reviewer": "Ann", **kwargs})
    assert store.counts()["decisions"] == 0


def test_unknown_evidence_is_refused(store: Store) -> None:
    item = review.review_queue(store)[0]
    moved = type(item.evidence)(item.evidence.article_sha256, 1, 2, "capture", "Nowhere")
    with pytest.raises(ReviewError, match="no stored event"):
        review.decide(store, moved, decision="confirm", reviewer="Ann")


def test_reviews_export_keeps_history_and_escapes_cells(store: Store) -> None:
    item = _item(review.review_queue(store), "Laiza")
    review.decide(store, item.evidence, decision="reject", reviewer="=cmd|Ann",
                  reason="=HYPERLINK(\"x\") not an attack on the town")
    review.decide(store, item.evidence, decision="confirm", reviewer="Bo")
    rows = list(csv.DictReader(io.StringIO(review.reviews_csv(store))))
    assert [r["state"] for r in rows] == ["superseded", "in force"]
    assert rows[0]["reviewer"] == "'=cmd|Ann" and rows[0]["reason"].startswith("'=")
    assert rows[0]["excerpt"] == AIRSTRIKE and rows[0]["source_file"] == "c.txt"
    assert rows[1]["decided_at"] >= rows[0]["decided_at"]


def test_event_exports_carry_review_status_and_acled_limits_to_reviewed(store: Store
                                                                         ) -> None:
    items = review.review_queue(store)
    review.decide(store, _item(items, "Sumprabum", "capture").evidence, decision="confirm",
                  reviewer="Ann")
    events = review.effective_events(store)
    table = list(csv.DictReader(io.StringIO(exchange.to_csv(events))))
    assert {r["review_status"] for r in table} == {"confirmed", "unreviewed"}
    everything = list(csv.DictReader(io.StringIO(exchange.to_acled(events))))
    reviewed = list(csv.DictReader(io.StringIO(exchange.to_acled(
        review.reviewed_only(events)))))
    assert len(everything) > 1
    assert [r["location"] for r in reviewed] == ["Sumprabum"]
