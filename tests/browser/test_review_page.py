"""The review view in a real browser: deciding, the map following the decisions, two
reviewers at once, and a server killed in the middle of a review."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from gazetteer import ingest
from gazetteer.store import Store

SAVED = re.compile(r"Saved decision (\d+)")


@pytest.fixture
def store_path(ui, tmp_path: Path) -> Path:
    """A corpus store holding the seed articles, extracted."""
    seeds = tmp_path / "seeds"
    shutil.copytree(ui.ROOT / "seeds", seeds)
    path = tmp_path / "corpus.sqlite3"
    with Store(path) as store:
        ingest.add_paths(store, [seeds])
        store.set_meta("seeds_loaded", "by the test")
    return path


@pytest.fixture
def server(ui, store_path: Path, tmp_path: Path):
    ui.require_chromium()
    srv = ui.Server("--db", str(store_path), log=tmp_path / "streamlit.log")
    yield srv
    srv.stop()


def open_review(page, url: str, name: str) -> None:
    page.goto(url)
    # a cold server's first render (the store read, the map built) can take longer than
    # the 30 s default on a loaded 2-core machine: wait for it, then for the review view
    page.get_by_text("Review", exact=True).click(timeout=90000)
    box = page.get_by_label("Your name, recorded with each decision")
    box.wait_for(timeout=90000)
    box.fill(name)
    box.press("Enter")
    page.get_by_text("left to review").wait_for(timeout=30000)
    # the count shows before the rerun that records the name: wait until Confirm is
    # enabled, or a shortcut pressed now would reach a disabled button
    page.wait_for_function(
        "() => [...document.querySelectorAll('button')].some(b =>"
        " b.innerText.trim().startsWith('Confirm') && !b.disabled)", timeout=30000)


def choose(page, label: str, value: str) -> None:
    """Pick ``value`` in the select box labelled ``label`` by typing it."""
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label).locator("input")
    box.click()
    box.fill(value)
    page.get_by_role("option", name=value, exact=True).click()


def left(page) -> int:
    text = page.get_by_text(re.compile(r"\d+ left to review")).inner_text()
    return int(text.split()[0])


def current_key(page) -> str:
    return page.locator(".kcm-review-item").get_attribute("data-key")


def wait_saved(page, number: int, *, timeout: float = 20000) -> None:
    page.get_by_text(re.compile(rf"Saved decision {number}:")).wait_for(timeout=timeout)


def click_confirm(page) -> None:
    """Press the current item's Confirm once the page shows one item (a rerun may still
    show the previous item's buttons for a moment)."""
    page.wait_for_function(
        "() => document.querySelectorAll('.kcm-review-item').length === 1 && [...document"
        ".querySelectorAll('button')].filter(b => b.innerText.startsWith('Confirm'))"
        ".length === 1", timeout=20000)
    # the item's container may hold a second, stale button for a moment: take the one
    # that says Confirm
    page.locator(f".st-key-confirm-{current_key(page)} button").filter(
        has_text=re.compile(r"^\s*Confirm")).first.click(no_wait_after=True)


def decide_confirm(page) -> int:
    """Press Confirm and return the decision number the page reports as saved."""
    before = current_key(page)
    click_confirm(page)
    page.wait_for_function(
        "k => { const el = document.querySelector('.kcm-review-item');"
        " return !el || el.dataset.key !== k; }", arg=before, timeout=20000)
    text = page.get_by_text(SAVED).inner_text()
    return int(SAVED.search(text).group(1))


def test_confirm_reject_correct_and_the_map_follows(ui, page, server, store_path: Path):
    open_review(page, server.url, "Ann")
    total = left(page)
    assert total > 10
    first = current_key(page)
    page.locator(".kcm-review-item blockquote").click()       # focus off the name field
    page.keyboard.press("y")                                   # Confirm's shortcut
    wait_saved(page, 1)
    assert current_key(page) != first and left(page) == total - 1
    page.get_by_role("button", name="Reject").click()          # no reason: refused
    page.get_by_text("a rejection needs a reason").wait_for(timeout=20000)
    page.get_by_label("Reason to reject").fill("the sentence reports a plan")
    page.get_by_label("Reason to reject").press("Enter")
    page.get_by_role("button", name="Reject").click()
    wait_saved(page, 2)
    page.get_by_text("Correct a field").click()
    page.get_by_label("Date", exact=True).fill("2024-12")
    choose(page, "Date precision", "month")
    choose(page, "Place (from the gazetteer)", "Myitkyina")
    page.get_by_role("button", name="Save correction").click()
    wait_saved(page, 3)
    assert left(page) == total - 3
    page.screenshot(path=str(ui.ARTIFACTS / "review_view.png"), full_page=True)
    with Store(store_path, create=False) as store:
        decisions = store.decisions_frame()
    assert list(decisions["decision"]) == ["confirm", "reject", "correct"]
    assert set(decisions["reviewer"]) == {"Ann"}
    assert decisions.loc[1, "reason"] == "the sentence reports a plan"
    assert '"date_precision": "month"' in decisions.loc[2, "corrected"]
    assert '"place": "Myitkyina"' in decisions.loc[2, "corrected"]
    # the map: the panel marks reviewed excerpts, and a reviewed-only map
    page.get_by_text("Map", exact=True).click()
    place = decisions.loc[0, "place"]
    frame = ui.map_frame(page)
    ui.click_marker(page, frame, place)
    panel = page.locator(f'.kcm-panel[data-place="{place}"]')
    assert panel.locator('[data-review="confirmed"]').count() >= 1
    assert panel.locator('[data-review="unreviewed"]').count() + panel.locator(
        '[data-review="confirmed"]').count() >= 1
    all_markers = frame.evaluate("() => document.querySelectorAll('path.kcm-marker').length")
    page.get_by_text("Reviewed events only", exact=True).click()
    frame = ui.map_frame(page)
    page.wait_for_function(
        "n => [...document.querySelectorAll('iframe')].some(f => { try { const c ="
        " f.contentDocument.querySelectorAll('path.kcm-marker').length; return c > 0 &&"
        " c < n; } catch (e) { return false; } })", arg=all_markers, timeout=30000)


def test_two_reviewers_at_once_lose_no_decision(ui, browser, server, store_path: Path):
    contexts = [browser.new_context(viewport={"width": 1300, "height": 1000})
                for _ in range(2)]
    pages = [c.new_page() for c in contexts]
    try:
        for pg, name in zip(pages, ("Ann", "Bo"), strict=True):
            open_review(pg, server.url, name)
        saved: dict[str, list[int]] = {"Ann": [], "Bo": []}
        for _ in range(4):
            for pg in pages:  # both click before either waits: the writes overlap
                click_confirm(pg)
            for pg, name in zip(pages, ("Ann", "Bo"), strict=True):
                seen = saved[name][-1] if saved[name] else 0
                pg.wait_for_function(
                    "n => { const m = document.body.innerText.match(/Saved decision (\\d+)/);"
                    " return m && Number(m[1]) !== n; }", arg=seen, timeout=20000)
                text = pg.get_by_text(SAVED).inner_text()
                saved[name].append(int(SAVED.search(text).group(1)))
    finally:
        for c in contexts:
            c.close()
    with Store(store_path, create=False) as store:
        decisions = store.decisions_frame()
    counts = decisions.groupby("reviewer").size().to_dict()
    assert counts == {"Ann": 4, "Bo": 4}, counts
    assert sorted(decisions["decision_id"]) == list(range(1, 9))
    for name, numbers in saved.items():          # what each page said it saved is stored
        assert set(numbers) <= set(decisions[decisions["reviewer"] == name]["decision_id"])


def test_killing_the_server_mid_review_loses_nothing_confirmed(ui, page, server,
                                                              store_path: Path):
    open_review(page, server.url, "Cy")
    confirmed = [decide_confirm(page) for _ in range(5)]
    assert confirmed == [1, 2, 3, 4, 5]
    click_confirm(page)
    server.proc.kill()                              # no clean shutdown, mid-request
    server.proc.wait(10)
    con = sqlite3.connect(store_path)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    with Store(store_path, create=False) as store:
        ids = list(store.decisions_frame()["decision_id"])
        assert ids[:5] == confirmed and len(ids) in (5, 6)
        assert store.counts()["articles"] == 5


def test_uploads_go_into_the_store_only_when_asked(ui, page, server, store_path: Path,
                                                   tmp_path: Path):
    from support.corpus import CAPTURE_SUMPRABUM, page_html

    saved = tmp_path / "hill-town.html"
    saved.write_text(page_html(title="Hill town taken", body=[CAPTURE_SUMPRABUM]),
                     encoding="utf-8")
    ui.open_app(page, server.url)
    page.get_by_text("Add articles or an event table", exact=True).click()   # the popover
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(
        str(saved))
    page.get_by_text("hill-town.html: 1 event(s) extracted").wait_for(timeout=30000)
    with Store(store_path, create=False) as store:
        assert store.counts()["articles"] == 5                 # the session only, so far
    page.get_by_role("button", name="Keep these articles in the corpus store").click()
    page.get_by_text(re.compile("Kept in the corpus store: hill-town.html: stored as "
                                "hill-town.html with 1 event")).wait_for(timeout=30000)
    with Store(store_path, create=False) as store:
        meta = store.articles_meta()["hill-town.html"]
    assert meta["outlet"] == "Hill Post" and meta["published"] == "2024-10-19"
    assert meta["origin"] == "uploaded in the page"
