"""Property tests of malformed input (issue 14): whatever an article or a table row holds,
the package raises nothing outside its own error family (gazetteer.errors)."""

from __future__ import annotations

import contextlib
import csv
import io
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gazetteer.articles import load_sources
from gazetteer.errors import GazetteerError
from gazetteer.events import EVENT_COLUMNS
from gazetteer.exchange import ACLED_COLUMNS, read_events, to_acled, to_csv
from gazetteer.extract import extract_records

#: Pieces that reach the interesting code: markup, dates at the calendar's ends,
#: surrogates, byte-order marks, NULs, control characters, triggers and places.
PIECES = st.sampled_from([
    "The KIA", "captured", "seized", "Bhamo", "Laiza", "Kan Paik Ti", "junta", "took",
    "on Monday", "last week", "two days later", "0001-01-01", "9999-12-31", "Dec. 9",
    "31 February 2024", "<script>", "</script>", "<style>", "<!--", "-->", "<p>", "<br/>",
    "&amp;", "&#0;", "&#xD800;", "\ud800", "\udfff", "\ufeff", "\x00", "\r", "\r\n", "\t",
    "=cmd|'/C calc'!A0", "@SUM(1)", "+1", "-1.5", "\u202e", "\ufffd", "Village", ".", ",",
    "date 0001-01-01\n", "date 2024-02-30 ", "\u1000\u103a", "“", "”",
])
TEXTS = st.one_of(st.lists(PIECES, max_size=40).map(" ".join),
                  st.text(max_size=200),
                  st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=30).map("".join))
RAWS = st.one_of(TEXTS, TEXTS.map(lambda t: t.encode("utf-8", "surrogatepass")),
                 TEXTS.map(lambda t: t.encode("utf-16", "surrogatepass")),
                 st.binary(max_size=200))
NAMES = st.one_of(st.sampled_from(["a.txt", "bad\udce9.txt", "\ud800.txt", "=x.txt", ""]),
                  st.text(max_size=12))
PUBLISHED = st.one_of(st.none(), st.sampled_from(
    ["2024-11-21", "0001-01-01", "0001-01-03", "9999-12-31", "2024-02-30", "20241121",
     "", " ", "2024-11-21T00:00"]), st.dates().map(str))
MANY = settings(max_examples=1000, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])


@MANY
@given(NAMES, RAWS, PUBLISHED)
def test_malformed_articles_raise_only_the_packages_errors(name: str, raw: bytes | str,
                                                           published: str | None) -> None:
    try:
        rows = extract_records(name, raw, published)
    except GazetteerError:
        return
    for row in rows:
        for value in row.values():
            str(value).encode("utf-8")  # every cell can be written out


CELL = st.one_of(PIECES, st.text(max_size=12),
                 st.sampled_from(["", "nan", "0", "0.0", "-0", "91", "-181", "1e400",
                                  "2024-11", "2024", "0204-11-21", "day", "month", "year",
                                  "capture", "held", "assault", "KIA", "'=x", "''"]))
ROW = st.lists(CELL, min_size=0, max_size=len(EVENT_COLUMNS) + 2)


def _table(header: tuple[str, ...], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([c.encode("utf-8", "replace").decode("utf-8") for c in row])
    return buffer.getvalue()


@MANY
@given(st.sampled_from(["ours", "acled"]), st.lists(ROW, min_size=1, max_size=3),
       st.booleans())
def test_malformed_rows_raise_only_the_packages_errors(tmp_path: Path, layout: str,
                                                       rows: list[list[str]],
                                                       raw_bytes: bool) -> None:
    header = EVENT_COLUMNS if layout == "ours" else ACLED_COLUMNS
    path = tmp_path / f"{layout}.csv"
    text = _table(header, rows)
    if raw_bytes:
        path.write_bytes(text.encode("utf-8")[: len(text) // 2] + b"\xff\x00\r")
    else:
        path.write_text(text, encoding="utf-8")
    try:
        events, _ = read_events(path)
    except GazetteerError:
        return
    to_csv(events).encode("utf-8")
    to_acled(events).encode("utf-8")
    sources = tmp_path / "sources.csv"
    sources.write_text(_table(("file", "published", "outlet", "title"), rows), "utf-8")
    with contextlib.suppress(GazetteerError):  # a header without 'file' is one
        load_sources(sources)
