"""Hostile and malformed articles (issue 14): markup bombs, odd encodings, symlinks,
odd file names, huge or multi-line sources.csv fields, impossible dates."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from pathlib import Path

import pytest

from gazetteer.articles import article_from_text, clean_text, load_folder, load_sources
from gazetteer.errors import ArticleError
from gazetteer.extract import extract_folder, extract_records

#: Generous ceiling for cleaning 300 KB: linear cleaning takes milliseconds, the old
#: quadratic regexes over a minute. Only a hang guard; speed figures live in tests/bench.
HANG_SECONDS = 20.0


def _clean_worker(text: str, queue: multiprocessing.Queue) -> None:
    queue.put(clean_text(text))


def _clean_with_deadline(text: str) -> str:
    """``clean_text(text)`` in a child process that is killed after HANG_SECONDS."""
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_clean_worker, args=(text, queue))
    child.start()
    try:
        result = queue.get(timeout=HANG_SECONDS)
    except Exception:  # queue.Empty: the child is still cleaning
        child.kill()
        child.join()
        pytest.fail(f"clean_text did not finish {len(text):,} characters in {HANG_SECONDS} s")
    child.join()
    return result


@pytest.mark.parametrize("opener", ["<script>", "<style>", "<!--", "<SCRIPT type=x>",
                                    "<a href='", "</", "<!", "<p", "&#"])
def test_markup_bombs_clean_in_linear_time(opener: str) -> None:
    # the leading <p> makes the text count as markup, so every cleaning step runs
    bomb = "<p>" + opener * (300_000 // len(opener)) + " The KIA captured Bhamo."
    text = _clean_with_deadline(bomb)
    assert text.endswith("The KIA captured Bhamo.")


def test_unclosed_blocks_keep_the_text_after_them() -> None:
    # an unclosed <script> or comment drops only its tag: the article's words stay
    assert clean_text("<script>The KIA captured Bhamo.") == "The KIA captured Bhamo."
    assert clean_text("<p>The KIA <!-- took Bhamo.</p>") == "\nThe KIA <!-- took Bhamo.\n"
    assert clean_text("a<style>x</style>b<script>y</script >c<!-- z -->d") == "abcd"


def test_markup_cleaning_is_case_blind_and_nested_safely() -> None:
    raw = "<SCRIPT>var a = '</b>';</Script>Bhamo<sTyLe media=x>p{}</STYLE> fell."
    assert clean_text(raw) == "Bhamo fell."
    assert clean_text("<scripts>Laiza</scripts>") == "Laiza"  # not a script element
    assert clean_text("x <br/> y<BR>z</p>") == "x \n y\nz\n"


def test_utf16_article_with_bom_is_decoded(tmp_path: Path) -> None:
    sentence = "date 2024-05-04\nThe KIA captured Bhamo on 3 May 2024."
    (tmp_path / "le.txt").write_bytes(sentence.encode("utf-16"))  # BOM + native order
    (tmp_path / "be.txt").write_bytes(b"\xfe\xff" + sentence.encode("utf-16-be"))
    frame, warnings = extract_folder(tmp_path)
    assert sorted(frame["source_file"]) == ["be.txt", "le.txt"]
    assert set(frame["place"]) == {"Bhamo"}
    assert not [w for w in warnings if "UTF" in w]


def test_utf16_without_bom_is_warned_or_decoded(tmp_path: Path) -> None:
    (tmp_path / "nobom.txt").write_bytes(
        "The KIA captured Bhamo on 3 May 2024.".encode("utf-16-le"))
    articles, warnings = load_folder(tmp_path)
    decoded = [a for a in articles if "captured Bhamo" in a.text]
    assert decoded or any("nobom.txt" in w and "UTF-16" in w for w in warnings)


def test_bytes_after_a_false_utf16_bom_stay_utf8(tmp_path: Path) -> None:
    article = article_from_text("x.txt", b"\xff\xfeThe KIA \xe9 seized Shwegu.")
    assert "seized Shwegu" in article.text
    assert any("x.txt" in w and "UTF-8" in w for w in article.warnings)


def test_symlinks_never_lead_outside_the_folder(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "secret.txt"
    secret.write_text("root:x:0:0 The KIA captured Bhamo on 3 May 2024.")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "own.txt").write_text("The KIA captured Laiza on 3 May 2024.")
    (folder / "leak.txt").symlink_to(secret)
    (folder / "up.txt").symlink_to(Path("..") / "outside" / "secret.txt")
    (folder / "alias.txt").symlink_to(folder / "own.txt")  # stays inside: allowed
    articles, warnings = load_folder(folder)
    assert sorted(a.file for a in articles) == ["alias.txt", "own.txt"]
    assert not any("root:x" in a.text for a in articles)
    joined = "\n".join(warnings)
    assert "leak.txt: a link to a file outside" in joined
    assert "up.txt: a link to a file outside" in joined


def test_symlinked_sources_csv_outside_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "meta.csv").write_text("file,published,title\na.txt,2024-05-04,Leaked\n")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("The KIA captured Laiza on 3 May 2024.")
    (folder / "sources.csv").symlink_to(tmp_path / "meta.csv")
    articles, warnings = load_folder(folder)
    assert articles[0].title == ""
    assert any("sources.csv: a link to a file outside" in w for w in warnings)


def test_file_name_with_undecodable_bytes_keeps_the_folder(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("date 2024-05-04\nThe KIA captured Bhamo on 3 May 2024.")
    bad = os.path.join(os.fsencode(tmp_path), b"bad\xe9.txt")
    with open(bad, "wb") as handle:
        handle.write(b"date 2024-05-04\nThe KIA captured Shwegu on 3 May 2024.")
    frame, warnings = extract_folder(tmp_path)
    assert set(frame["place"]) == {"Bhamo", "Shwegu"}
    assert "bad\\xe9.txt" in set(frame["source_file"])
    assert any("bad\\xe9.txt" in w and "UTF-8" in w for w in warnings)
    "\n".join(frame["source_file"]).encode("utf-8")


def test_lone_surrogates_in_api_text_become_replacement_characters() -> None:
    rows = extract_records("s\udce9.txt", "The KIA captured Bhamo \ud800 on 3 May 2024.",
                           "2024-05-04")
    assert rows and rows[0]["place"] == "Bhamo"
    for row in rows:
        for value in row.values():
            str(value).encode("utf-8")  # every cell can be written out
    article = article_from_text("t.txt", "Bhamo \udfff fell.")
    assert "\udfff" not in article.text and "\ufffd" in article.text
    assert any("t.txt" in w and "surrogate" in w for w in article.warnings)


def test_sources_csv_field_over_128_kb_is_reported_not_raised(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The KIA captured Bhamo on 3 May 2024.")
    (tmp_path / "b.txt").write_text("The KIA captured Laiza on 3 May 2024.")
    (tmp_path / "sources.csv").write_text(
        "file,published,title\n"
        f"a.txt,2024-05-04,{'x' * 140_000}\n"
        "b.txt,2024-05-05,Fine\n")
    articles, warnings = load_folder(tmp_path)
    by_file = {a.file: a for a in articles}
    assert set(by_file) == {"a.txt", "b.txt"}
    assert by_file["b.txt"].published == dt.date(2024, 5, 5)
    assert any(w.startswith("sources.csv:2:") and "field" in w for w in warnings)


def test_sources_csv_warnings_give_the_physical_line(tmp_path: Path) -> None:
    (tmp_path / "sources.csv").write_text(
        "file,published,title\n"
        'a.txt,2024-05-04,"A title\nover three\nlines"\n'
        "b.txt,2024-13-01,Bad month\n"
        "c.txt,2024-05-04\n")
    found, warnings = load_sources(tmp_path / "sources.csv")
    assert found["a.txt"]["title"] == "A title\nover three\nlines"
    assert [w.split(" ")[0] for w in warnings] == ["sources.csv:5:", "sources.csv:6:"]


@pytest.mark.parametrize("value", ["0204-11-21", "0001-01-01", "1899-12-31", "2999-01-01"])
def test_publication_days_outside_a_sane_range_are_skipped(tmp_path: Path, value: str
                                                          ) -> None:
    (tmp_path / "a.txt").write_text("The KIA captured Bhamo on Monday.")
    (tmp_path / "sources.csv").write_text(f"file,published\na.txt,{value}\n")
    articles, warnings = load_folder(tmp_path)
    assert articles[0].published is None
    assert any(w.startswith("sources.csv:2:") and value in w for w in warnings)


def test_header_days_outside_a_sane_range_are_reported() -> None:
    article = article_from_text("h.txt", "date 0001-01-01\nThe KIA captured Bhamo on Monday.")
    assert article.published is None
    assert any(w.startswith("h.txt: line 1:") and "0001-01-01" in w
               for w in article.warnings)


def test_year_one_publication_day_is_reported_not_a_crash() -> None:
    text = "On Monday the KIA captured Bhamo last week."
    rows = extract_records("y.txt", text, "0001-01-03")
    assert [r["place"] for r in rows] == ["Bhamo"] and rows[0]["published"] == ""
    article = article_from_text("y.txt", text, published=dt.date(1, 1, 1))
    assert article.published is None
    assert any(w.startswith("y.txt: publication day 0001-01-01 is outside")
               for w in article.warnings)
    with pytest.raises(ArticleError, match="0001-13-01"):
        article_from_text("y.txt", text, published="0001-13-01")


@pytest.mark.parametrize("phrase", ["on Monday", "last Wednesday", "next Friday", "last week",
                                    "two days ago", "last month", "last year", "yesterday",
                                    "Dec. 9", "in May", "the next day"])
@pytest.mark.parametrize("published", [dt.date(1, 1, 1), dt.date(1, 1, 3),
                                       dt.date(9999, 12, 31)])
def test_dates_at_the_ends_of_the_calendar_never_overflow(phrase: str,
                                                          published: dt.date) -> None:
    from gazetteer.dates import find_dates

    for found in find_dates(f"On 2 January 0001 and {phrase} the KIA moved.",
                            published=published):
        assert found.start <= found.end


def test_the_server_caps_uploads_below_streamlits_200_mb_default() -> None:
    import tomllib

    config = Path(__file__).resolve().parents[1] / ".streamlit" / "config.toml"
    with config.open("rb") as handle:
        limit = tomllib.load(handle)["server"]["maxUploadSize"]
    assert 2 <= limit <= 20  # MB: an article is capped at 2 MB by the page itself
