"""The page with hostile or careless input (issue 14), through Streamlit's AppTest and the
web wing's helpers: markdown never live, strict permalinks, implausible dates, upload caps,
uploads kept off the disk and extracted in a worker process with a time limit."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from support.apptest import FIXTURE, ROOT, run_app

from gazetteer.sources import load_data
from gazetteer.web import Options, build_model, read_permalink, session_model
from gazetteer.web.assets import served_static_dir
from gazetteer.web.uploads import extract_upload

IMAGE = "![t](https://beacon.invalid/t.png)"
PHISH = "[Your session expired](https://phish.invalid)"
#: the same in a file name (no "/" in a name; browsers read "https:x" as "https://x")
PHISH_NAME = "[Your session expired](https:phish.invalid)"
#: a markdown link needs "](" unescaped, an image "![", an autolink "https:" or "www."
LIVE = re.compile(r"(?<!\\)\]\(|(?<!\\)!\[|https?:|www\.")


def markdown_bodies(at: AppTest) -> list[str]:
    """The markdown source of every element that renders markdown."""
    out = []
    for kind in ("warning", "error", "info", "caption", "markdown", "success", "toast"):
        out += [str(e.proto.body) for e in at.get(kind)]
    out += [str(e.proto.label) for e in at.get("expander")]
    return out


def test_md_text_escapes_every_markdown_construct() -> None:
    from gazetteer.web.text import md_text

    for hostile in (IMAGE, PHISH, PHISH_NAME, "www.phish.invalid", "https://phish.invalid",
                    ":red[alarm] :material/warning:", "$x^2$", "# Heading", "<b>x</b>",
                    "`code`", "a@b.invalid", "1. item\n- item", "http:phish.invalid"):
        escaped = md_text(hostile)
        assert not LIVE.search(escaped), escaped
        shown = re.sub(r"\\(.)", r"\1", escaped).replace("\u2060", "")
        assert shown == hostile  # nothing lost but escapes and invisible word joiners


@pytest.mark.parametrize("place", [IMAGE, PHISH])
def test_link_messages_never_render_live_markdown(monkeypatch, place: str) -> None:
    at = run_app(monkeypatch, "--events", str(FIXTURE), params={"place": place})
    bodies = markdown_bodies(at)
    assert any("is not on the map" in b for b in bodies)
    assert not [b for b in bodies if LIVE.search(b)], bodies


def test_uploaded_names_never_render_live_markdown(monkeypatch) -> None:
    at = run_app(monkeypatch, "--events", str(FIXTURE), params={"date": "2024-11-21"})
    at.file_uploader(key="upload_articles").set_value(
        (f"{PHISH_NAME}.txt", b"Nothing happened here.", "text/plain")).run()
    at.file_uploader(key="upload_table").set_value(
        ("![t](https:beacon.invalid).csv", b"a,b\n1,2\n", "text/csv")).run()
    assert not at.exception
    bodies = markdown_bodies(at)
    assert any("session expired" in b for b in bodies)
    assert not [b for b in bodies if LIVE.search(b)], bodies


@pytest.mark.parametrize("value", ["20241121", "2024-W47-4", "2024-11-21T00:00", "+2024-11-21"])
def test_permalink_dates_are_yyyy_mm_dd_only(value: str) -> None:
    link = read_permalink({"date": value}, first=dt.date(2024, 1, 1),
                          last=dt.date(2024, 12, 31), places=[])
    assert link.day is None
    assert link.messages and "YYYY-MM-DD" in link.messages[0]
    good = read_permalink({"date": "2024-11-21"}, first=dt.date(2024, 1, 1),
                          last=dt.date(2024, 12, 31), places=[])
    assert good.day == dt.date(2024, 11, 21)


def _folder_with_old_dates(tmp_path: Path) -> Path:
    """An article dated by a sources.csv typo (0204 for 2024): its held report and its
    "on Monday" would be dated in the year 204, past the slider's range."""
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "typo.txt").write_text(
        "Residents of the KIA-controlled town of Bhamo said the market reopened. "
        "The KIA captured Shwegu on Monday.", encoding="utf-8")
    (folder / "sources.csv").write_text("file,published\ntypo.txt,0204-11-21\n")
    return folder


def test_events_dated_outside_the_plausible_range_are_reported(tmp_path: Path) -> None:
    data = load_data(_folder_with_old_dates(tmp_path))
    dated = [d for d in data.events["date"] if d]
    assert all(d >= "1900" for d in dated), dated
    assert any("sources.csv:2" in w and "0204-11-21" in w for w in data.warnings)


def test_the_page_survives_dates_outside_the_sliders_range(monkeypatch, tmp_path) -> None:
    at = run_app(monkeypatch, "--seeds", str(_folder_with_old_dates(tmp_path)))
    assert not at.exception
    assert at.slider[0].value >= dt.date(1900, 1, 1)


def test_uploaded_places_are_never_written_to_the_static_folder() -> None:
    options = Options(seeds=ROOT / "seeds")
    base = build_model(options)
    up = extract_upload("island.txt", b"date 2025-03-06\nThe KIA captured Shwegu and "
                        b"Momauk on 3 March 2025.")
    model = session_model(base, options, uploads=[up])
    static = served_static_dir()
    before = {p for p in static.rglob("*") if p.is_file()} if static.is_dir() else set()
    day = dt.date(2025, 3, 5)
    markers = model.layer(day)
    assert markers.sites_url is None and markers.embed_sites
    areas = model.area_layer(day)
    assert areas is None or areas.cells_url is None
    after = {p for p in static.rglob("*") if p.is_file()} if static.is_dir() else set()
    assert after == before


def test_an_article_over_the_cap_is_refused_on_the_page(monkeypatch) -> None:
    from gazetteer.articles import MAX_BYTES as MAX_UPLOAD_BYTES

    at = run_app(monkeypatch, "--events", str(FIXTURE), params={"date": "2024-11-21"})
    big = b"The KIA captured Bhamo on 3 May 2024. " * (MAX_UPLOAD_BYTES // 38 + 1)
    at.file_uploader(key="upload_articles").set_value(("big.txt", big, "text/plain")).run()
    assert not at.exception
    text = re.sub(r"\\(.)", r"\1", "\n".join(markdown_bodies(at)))  # escapes dropped
    assert "big.txt" in text and "limit" in text and "not extracted" in text
    assert not any("event(s) extracted" in c.value for c in at.caption)


def test_upload_extraction_runs_in_a_worker_with_a_time_limit() -> None:
    from gazetteer.web.uploads import extract_upload_isolated

    quick = extract_upload_isolated(
        "q.txt", b"date 2025-03-06\nThe KIA captured Shwegu on 3 March 2025.", timeout=60)
    assert list(quick.events["place"]) == ["Shwegu"]
    assert quick.events.equals(extract_upload(
        "q.txt", b"date 2025-03-06\nThe KIA captured Shwegu on 3 March 2025.").events)
    slow_text = ("The KIA captured Bhamo on 3 May 2024 and then the junta shelled it. "
                 * 20000).encode()
    slow = extract_upload_isolated("slow.txt", slow_text, timeout=0.2)
    assert slow.events.empty
    assert any("slow.txt" in w and "0.2 s" in w and "not extracted" in w
               for w in slow.warnings)

