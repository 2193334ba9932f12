"""Adding articles to the store: text files, folders, saved pages, pages and feeds served
from loopback, polite fetching, no network, and re-extraction keeping decisions."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest
from support.corpus import (
    ASSAULT_BHAMO,
    CAPTURE_SUMPRABUM,
    CAPTURE_WAINGMAW,
    atom,
    loopback_server,
    page_html,
    rss,
)

from gazetteer import ingest, review
from gazetteer.errors import FetchError
from gazetteer.store import Store


@pytest.fixture
def store(tmp_path: Path):
    with Store(tmp_path / "corpus.sqlite3") as s:
        yield s


def _html(body: str) -> tuple[str, bytes]:
    return "text/html; charset=utf-8", body.encode("utf-8")


def test_folder_of_text_files_with_sources_table(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text(CAPTURE_SUMPRABUM, encoding="utf-8")
    (folder / "two.txt").write_text("date 2024-11-05\n" + CAPTURE_WAINGMAW, encoding="utf-8")
    (folder / "sources.csv").write_text(
        "file,published,outlet,title,url,published_basis\n"
        "one.txt,2024-10-19,Hill Post,Hill town taken,https://hill.example/1,\n",
        encoding="utf-8")
    report = ingest.add_paths(store, [folder])
    assert len(report.added) == 2 and report.warnings == []
    meta = store.articles_meta()
    assert meta["one.txt"]["outlet"] == "Hill Post"
    assert meta["one.txt"]["published_basis"] == "sources.csv"
    assert meta["two.txt"]["published"] == "2024-11-05"
    events = store.events_frame()
    assert set(events["place"]) == {"Sumprabum", "Waingmaw"}
    assert set(events["extractor_version"]) == {ingest.extractor_version()}
    # a single file of the same folder takes its metadata too, and is not added twice
    again = ingest.add_paths(store, [folder / "one.txt"])
    assert again.added == [] and "already in the store as one.txt" in again.duplicates[0]


def test_saved_page_main_text_date_title_outlet(store: Store, tmp_path: Path) -> None:
    page = tmp_path / "hill-town.html"
    page.write_text(page_html(title="Hill town taken", body=[CAPTURE_SUMPRABUM,
                                                             ASSAULT_BHAMO],
                              canonical="https://hill.example/news/hill-town"),
                    encoding="utf-8")
    report = ingest.add_paths(store, [page])
    assert len(report.added) == 1
    meta = store.articles_meta()["hill-town.html"]
    assert meta["title"] == "Hill town taken" and meta["outlet"] == "Hill Post"
    assert meta["published"] == "2024-10-19"
    assert meta["published_basis"] == "the page's metadata (htmldate)"
    assert meta["url"] == "https://hill.example/news/hill-town"
    text = store.article_text("hill-town.html")
    assert CAPTURE_SUMPRABUM in text and "Subscribe" not in text and "Home" not in text
    events = store.events_frame()
    assert {(e, p) for e, p in zip(events["event_type"], events["place"], strict=True)} \
        == {("capture", "Sumprabum"), ("assault", "Bhamo")}
    for row in events.to_dict("records"):
        assert text[row["char_start"]:row["char_end"]] == row["excerpt"]


def test_saved_page_dates_are_marked_by_how_they_are_known(store: Store,
                                                           tmp_path: Path) -> None:
    inferred = tmp_path / "inferred.htm"
    inferred.write_text(page_html(title="Town news", published=None,
                                  body=["Posted on 2 November 2024 by the desk.",
                                        CAPTURE_WAINGMAW],
                                  saved_from="https://valley.example/town-news"),
                        encoding="utf-8")
    undated = tmp_path / "undated.html"
    undated.write_text(page_html(title="Undated", published=None, body=[ASSAULT_BHAMO]),
                       encoding="utf-8")
    report = ingest.add_paths(store, [tmp_path])
    assert len(report.added) == 2
    meta = store.articles_meta()
    assert meta["inferred.htm"]["published"] == "2024-11-02"
    assert "inferred" in meta["inferred.htm"]["published_basis"]
    assert meta["inferred.htm"]["url"] == "https://valley.example/town-news"
    assert meta["undated.html"]["published"] == ""
    assert meta["undated.html"]["published_basis"] == ""


def test_bad_files_are_reported_and_the_rest_added(store: Store, tmp_path: Path) -> None:
    (tmp_path / "empty.html").write_text("<html><body><nav>Menu</nav></body></html>",
                                         encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "good.txt").write_text(CAPTURE_WAINGMAW, encoding="utf-8")
    assets = tmp_path / "good_files"
    assets.mkdir()
    (assets / "frame.html").write_text(page_html(title="Ad", body=[ASSAULT_BHAMO]),
                                       encoding="utf-8")
    report = ingest.add_paths(store, [tmp_path, tmp_path / "notes.pdf",
                                      tmp_path / "missing.txt"])
    assert [a.file for a in report.added] == ["good.txt"]
    text = "\n".join(report.warnings)
    assert "empty.html: no article text found" in text
    assert "notes.pdf: not a .txt or .html/.htm file" in text
    assert "missing.txt: no such file or folder" in text


def test_url_is_fetched_politely_once(store: Store) -> None:
    routes = {"/a.html": _html(page_html(title="Hill town", body=[CAPTURE_SUMPRABUM])),
              "/b.html": _html(page_html(title="River town", body=[CAPTURE_WAINGMAW]))}
    with loopback_server(routes) as server:
        first = ingest.add_url(store, server.url("/a.html"))
        second = ingest.add_url(store, server.url("/b.html"))
        again = ingest.add_url(store, server.url("/a.html"))
    assert len(first.added) == 1 and len(second.added) == 1 and again.added == []
    assert "same address" in again.duplicates[0]
    assert [path for _, path, _ in server.requests] == ["/a.html", "/b.html"]
    assert all(agent == ingest.USER_AGENT for _, _, agent in server.requests)
    # the fetcher spaces its requests by the interval; the server sees them arrive with
    # the machine's scheduling jitter (tens of ms on a loaded machine), an unthrottled
    # fetcher within a few ms of each other
    assert server.requests[1][0] - server.requests[0][0] >= ingest.REQUEST_INTERVAL_S - 0.25
    meta = store.articles_meta()
    assert {m["url"] for m in meta.values()} == {server.url("/a.html"), server.url("/b.html")}


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_adds_each_new_entry(store: Store, kind: str) -> None:
    routes = {"/1.html": _html(page_html(title="One", body=[CAPTURE_SUMPRABUM],
                                         published=None)),
              "/2.html": _html(page_html(title="Two", body=[CAPTURE_WAINGMAW]))}
    with loopback_server(routes) as server:
        items = [("One", server.url("/1.html")), ("Two", server.url("/2.html"))]
        if kind == "rss":
            feed = rss([(t, u, d) for (t, u), d in zip(
                items, ["Sat, 19 Oct 2024 08:00:00 GMT", "Tue, 05 Nov 2024 08:00:00 GMT"],
                strict=True)])
        else:
            feed = atom([(t, u, d) for (t, u), d in zip(items, ["2024-10-19", "2024-11-05"],
                                                        strict=True)])
        routes["/feed"] = ("application/xml", feed.encode("utf-8"))
        report = ingest.add_feed(store, server.url("/feed"))
        again = ingest.add_feed(store, server.url("/feed"))
    assert len(report.added) == 2, report.warnings
    assert len(again.duplicates) == 2 and again.added == []
    assert [p for _, p, _ in server.requests] == ["/feed", "/1.html", "/2.html", "/feed"]
    meta = {m["url"]: m for m in store.articles_meta().values()}
    one = meta[server.url("/1.html")]
    assert one["published"] == "2024-10-19"
    assert one["published_basis"] == "the feed entry's date"
    assert store.counts()["events"] == 2


def test_not_a_feed_is_a_clear_error(store: Store) -> None:
    with (loopback_server({"/feed": ("text/plain", b"\x00\x01 nothing here")}) as server,
          pytest.raises(FetchError, match="not an RSS or Atom feed")):
        ingest.add_feed(store, server.url("/feed"))


def test_closed_port_fails_at_once_with_the_address(store: Store) -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    url = f"http://127.0.0.1:{port}/news.html"
    started = time.monotonic()
    with pytest.raises(FetchError) as err:
        ingest.add_url(store, url)
    assert time.monotonic() - started < 3
    assert url in str(err.value) and "no network" in str(err.value)
    assert store.counts()["articles"] == 0


def test_silent_server_times_out_within_seconds(store: Store) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)  # accepts connections in the kernel, never answers
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/feed.xml"
    started = time.monotonic()
    try:
        with pytest.raises(FetchError, match="cannot fetch"):
            ingest.add_feed(store, url)
    finally:
        listener.close()
    assert time.monotonic() - started < ingest.FETCH_TIMEOUT_S + 2


def test_only_http_addresses_are_fetched(store: Store, tmp_path: Path) -> None:
    (tmp_path / "x.html").write_text("<p>x</p>", encoding="utf-8")
    with pytest.raises(FetchError, match="not an http"):
        ingest.add_url(store, (tmp_path / "x.html").as_uri())


def test_reextract_keeps_every_decision(store: Store, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"{CAPTURE_SUMPRABUM} {ASSAULT_BHAMO}", encoding="utf-8")
    ingest.add_paths(store, [tmp_path / "a.txt"])
    items = {it.row["place"]: it for it in review.review_queue(store)}
    review.decide(store, items["Sumprabum"].evidence, decision="confirm", reviewer="Ann")
    review.decide(store, items["Bhamo"].evidence, decision="reject", reviewer="Ann",
                  reason="the report is hearsay")
    result = ingest.reextract(store)
    assert result.articles == 1 and result.events == 2 and result.orphaned == 0
    events = review.effective_events(store)
    assert list(events["place"]) == ["Sumprabum"]
    assert list(events["review_status"]) == ["confirmed"]
    # an extractor that now cuts the sentence differently: the decision follows it
    row = next(r for r in store.events_frame().to_dict("records")
               if r["place"] == "Sumprabum")
    article_id = store.find_article(sha256=row["article_sha256"]).id
    shifted = dict(row, char_end=row["char_end"] - 5, excerpt=row["excerpt"][:-5])
    store.replace_extraction(article_id, events=[shifted], extractor_version="next")
    assert list(review.effective_events(store)["review_status"]) == ["confirmed"]
    # an extractor that no longer finds it: the decision is orphaned, never dropped
    store.replace_extraction(article_id, events=[], extractor_version="later")
    orphans = review.orphaned_decisions(store)
    assert set(orphans["place"]) == {"Sumprabum", "Bhamo"}
    assert store.counts()["decisions"] == 2
    assert review.reviews_csv(store).count(",orphaned") == 2
