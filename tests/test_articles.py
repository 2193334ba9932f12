"""Loading articles: metadata, header, cleaning and bad files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gazetteer.articles import (
    article_from_text,
    clean_text,
    load_folder,
    load_sources,
    parse_article,
)
from gazetteer.errors import ArticleError
from gazetteer.settings import SEEDS_DIR

SOURCES_HEADER = "file,published,outlet,title,url,published_basis\n"


def test_seeds_load_with_their_metadata() -> None:
    articles, warnings = load_folder(SEEDS_DIR)
    assert warnings == []
    by_file = {a.file[:3]: a for a in articles}
    assert sorted(by_file) == ["000", "001", "002", "003", "004"]
    assert by_file["000"].published == dt.date(2025, 8, 5)
    assert by_file["001"].published == dt.date(2024, 11, 21)
    assert by_file["001"].outlet == "RFA"
    assert by_file["004"].published == dt.date(2023, 10, 25)
    assert all(a.published_basis for a in articles)


def test_seed_000_header_is_removed_from_the_text() -> None:
    articles, _ = load_folder(SEEDS_DIR)
    text = articles[0].text
    assert text.startswith("A resistance umbrella group")
    raw = (SEEDS_DIR / articles[0].file).read_text(encoding="utf-8")
    assert raw.endswith(text[-200:])


def test_seed_files_are_untouched_copies() -> None:
    # the loader never writes; every seed keeps its text byte for byte
    for path in SEEDS_DIR.glob("*.txt"):
        article = article_from_text(path.name, path.read_bytes())
        assert article.text in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("raw, text, published", [
    ("date 2024-03-01\nThe KIA seized Sinbo.", "The KIA seized Sinbo.", dt.date(2024, 3, 1)),
    (" date 2024-03-01 The KIA seized Sinbo.", "The KIA seized Sinbo.", dt.date(2024, 3, 1)),
    ("\ufeffdate: 2024-03-01\r\nThe KIA\r\nseized Sinbo.", "The KIA\nseized Sinbo.",
     dt.date(2024, 3, 1)),
    ("The KIA seized Sinbo on date 2024-03-01.", "The KIA seized Sinbo on date 2024-03-01.",
     None),
])
def test_date_header(raw: str, text: str, published: dt.date | None) -> None:
    article = parse_article("a.txt", raw, infer_date=False)
    assert (article.text, article.published) == (text, published)
    # A date inside the text is no header; read from the text, it says so.
    inferred = article_from_text("a.txt", raw)
    if published is None:
        assert inferred.published_basis.startswith("inferred from text")
    else:
        assert inferred.published_basis == f"the file's 'date {published}' header"


def test_impossible_header_date_is_reported() -> None:
    article = article_from_text("a.txt", "date 2024-02-30 The KIA seized Sinbo.")
    assert article.published is None
    assert any("a.txt" in w and "2024-02-30" in w for w in article.warnings)


def test_html_is_stripped_and_entities_unescaped() -> None:
    raw = ("<html><head><style>p {color: red}</style><script>var x = '<b>';</script></head>"
           "<body><p>The KIA &amp; its allies seized Sinbo.</p><p>Residents&#8217; "
           "homes<br/>burned.</p><!-- ad --></body></html>")
    text = clean_text(raw)
    assert "<" not in text and "color" not in text and "var x" not in text
    assert "The KIA & its allies seized Sinbo." in text
    assert "Residents’ homes\nburned." in text


def test_text_without_markup_is_kept_as_is() -> None:
    raw = "Fighting (3 < 5 km away) continued; a > b."
    assert clean_text(raw) == raw


def test_non_utf8_bytes_are_replaced_with_a_warning_naming_the_file() -> None:
    article = article_from_text("latin.txt", "The KIA seized Mans\xed.".encode("latin-1"))
    assert "\ufffd" in article.text
    assert any(w.startswith("latin.txt:") and "UTF-8" in w for w in article.warnings)


def test_given_publication_day_wins() -> None:
    article = article_from_text("a.txt", b"date 2024-03-01 Text.", published=dt.date(2024, 3, 2))
    assert article.published == dt.date(2024, 3, 2)


def write(folder: Path, name: str, content: bytes | str) -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    (folder / name).write_bytes(data)


def test_bad_files_never_stop_the_others(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "date 2024-01-02 The KIA seized Sinbo on Jan. 1.")
    write(tmp_path, "b.txt", b"")
    write(tmp_path, "c.txt", "x" * 200)
    write(tmp_path, "d.txt", b"\xff\xfeThe KIA \xe9 seized Shwegu.")
    write(tmp_path, "e.txt", "   \n\n  ")
    write(tmp_path, "f.txt", "<p></p>")
    write(tmp_path, "notes.md", "ignored")
    articles, warnings = load_folder(tmp_path, max_bytes=100)
    assert [a.file for a in articles] == ["a.txt", "d.txt"]
    joined = "\n".join(warnings)
    assert "b.txt: empty file; skipped" in joined
    assert "c.txt: 200 bytes is over the 100-byte limit; skipped" in joined
    assert "d.txt: not valid UTF-8" in joined
    assert "e.txt: empty file" in joined
    assert "f.txt: no text after cleaning" in joined
    assert "d.txt: publication date unknown" in joined


def test_sources_csv_rows_and_bad_rows(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "date 2020-01-01 The KIA seized Sinbo.")
    write(tmp_path, "b.txt", "The KIA seized Shwegu.")
    write(tmp_path, "c.txt", "The KIA seized Mansi.")
    write(tmp_path, "sources.csv", SOURCES_HEADER
          + "a.txt,2024-05-06,Mizzima,Sinbo falls,https://example.org/a,from the site\n"
          + "b.txt,06/05/2024,,,,\n"
          + "c.txt,2024-05-07,too,few\n"
          + "zz.txt,2024-05-07,,,,\n"
          + "a.txt,2024-05-08,,,,\n")
    articles, warnings = load_folder(tmp_path)
    a, b, c = articles
    assert (a.published, a.outlet, a.title, a.url, a.published_basis) == (
        dt.date(2024, 5, 6), "Mizzima", "Sinbo falls", "https://example.org/a", "from the site")
    assert a.text == "The KIA seized Sinbo."
    assert any("date header 2020-01-01 differs" in w for w in warnings)
    assert b.published is None and c.published is None
    joined = "\n".join(warnings)
    assert "sources.csv:3: published '06/05/2024' is not a YYYY-MM-DD day; row skipped" \
        in joined
    assert "sources.csv:4: 4 fields, expected 6; row skipped" in joined
    assert "sources.csv:6: a.txt listed twice; row skipped" in joined
    assert "sources.csv lists zz.txt" in joined


def test_sources_without_file_column_is_reported(tmp_path: Path) -> None:
    write(tmp_path, "sources.csv", "name,published\nx.txt,2024-01-01\n")
    with pytest.raises(ArticleError, match=r"sources\.csv:1"):
        load_sources(tmp_path / "sources.csv")
    write(tmp_path, "a.txt", "Text.")
    articles, warnings = load_folder(tmp_path)
    assert len(articles) == 1 and any("metadata ignored" in w for w in warnings)


def test_missing_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="not a folder"):
        load_folder(tmp_path / "nope")
