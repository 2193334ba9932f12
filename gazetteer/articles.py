"""Loading news articles: plain text plus publication metadata.

An :class:`Article` holds the *cleaned* text of one file. Every character offset the
extractor reports (``char_start``, ``char_end``, highlights) indexes :attr:`Article.text`,
so ``article.text[char_start:char_end]`` is exactly the event's excerpt. Cleaning:

* the bytes are decoded as UTF-8 (a byte-order mark is dropped), or UTF-16/32 when a
  byte-order mark says so; bytes that are not UTF-8 are replaced by U+FFFD and the article
  carries a warning naming the file (:mod:`gazetteer.cleaning` does this, and the markup
  cleaning below, in time linear in the text's length);
* CRLF and CR line ends become LF;
* stray HTML is removed: ``<script>``/``<style>`` blocks and tags are dropped (block tags
  such as ``<p>`` and ``<br>`` become line breaks) and entities (``&amp;``, ``&#8217;``) are
  unescaped; text without markup is left as it is;
* a leading ``date YYYY-MM-DD`` header, possibly sharing its line with the first sentence
  (``" date 2025-08-05 A resistance umbrella group ..."``), is removed from the text and
  used as the publication date when the folder's ``sources.csv`` gives none.

Metadata comes from ``sources.csv`` in the article folder when present (columns ``file,
published, outlet, title, url, published_basis``; a malformed row is reported with its
line and skipped), else from the ``date`` header, else from the text itself
(:func:`infer_published`: a dateline, a dated line at the top, the latest dated event,
weekdays that must agree, an anniversary of a stated founding), else from the folder's
other articles (day-month dates that fit one year of theirs, :mod:`gazetteer.yearless`),
else, only when asked (``load_folder(...,
mtime_fallback=True)``), the file's modification day; otherwise the publication date is
unknown and a warning says so. :attr:`Article.published_basis` always says which.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from gazetteer.cleaning import clean_text, decode_bytes, replace_surrogates, safe_name
from gazetteer.dates import day_out_of_range
from gazetteer.errors import ArticleError
from gazetteer.published import DATE_HEADER, PublishedGuess, infer_published, iso_day

__all__ = [
    "SOURCES_COLUMNS",
    "Article",
    "PublishedGuess",
    "article_from_text",
    "clean_text",
    "folder_manifest",
    "infer_published",
    "load_file",
    "load_folder",
    "load_sources",
    "parse_article",
    "safe_name",
]

#: Columns of a folder's ``sources.csv``; only ``file`` is required to be filled.
SOURCES_COLUMNS = ("file", "published", "outlet", "title", "url", "published_basis")
#: Files larger than this (bytes) are skipped with a warning.
MAX_BYTES = 2_000_000


@dataclass(frozen=True, slots=True)
class Article:
    """One news article, cleaned, with its metadata.

    Attributes
    ----------
    file : str
        The file name (no folder), e.g. ``"002_b6e1c9c5c40487a0.txt"``; for uploads the name
        given by the user.
    text : str
        The cleaned text; all offsets reported for this article index it.
    published : datetime.date or None
        Publication day; None when unknown.
    outlet, title, url : str
        Empty when unknown.
    published_basis : str
        How the publication date is known ("sources.csv", the header, an inference...).
    warnings : tuple of str
        Problems met while loading, each naming the file.
    """

    file: str
    text: str
    published: dt.date | None = None
    outlet: str = ""
    title: str = ""
    url: str = ""
    published_basis: str = ""
    warnings: tuple[str, ...] = ()


def parse_article(name: str, text: str, *, published: dt.date | None = None,
                  outlet: str = "", title: str = "", url: str = "",
                  published_basis: str = "", warnings: tuple[str, ...] = (),
                  infer_date: bool = True) -> Article:
    """Build an :class:`Article` from already decoded text.

    Parameters
    ----------
    name : str
        The article's file name, used in warnings and in the event table. A name that is
        not Unicode text (undecodable bytes of a file name) is kept with ``\\x`` escapes.
    text : str
        The raw text; it is cleaned (:func:`clean_text`) and a leading ``date`` header is
        removed. Lone surrogate code points become U+FFFD (one for one: offsets hold).
    published : datetime.date, optional
        The publication day when known from elsewhere; it wins over the header. A day
        outside the plausible range (:func:`gazetteer.dates.day_out_of_range`) is reported
        and dropped, as is such a day in the header or the text.
    infer_date : bool
        With neither ``published`` nor a header, read the day from the text
        (:func:`infer_published`); the basis and a note say so.
    """
    name, notes = safe_name(name), list(warnings)
    text = clean_text(replace_surrogates(name, text, notes))
    if published is not None and (problem := day_out_of_range(published)):
        notes.append(f"{name}: publication day {problem}; publication date unknown")
        published, published_basis = None, ""
    header = DATE_HEADER.match(text)
    if header:
        text = text[header.end():]
        stated = _header_day(name, header.group(1), notes)
        if stated is not None and published is None:
            published, published_basis = stated, f"the file's 'date {stated}' header"
        elif stated is not None and stated != published:
            notes.append(f"{name}: date header {stated} differs from sources.csv "
                         f"({published}); using sources.csv")
    if published is None and infer_date and not header:
        published, published_basis = _inferred(name, text, notes)
    if not text.strip():
        notes.append(f"{name}: no text")
    return Article(name, text, published, outlet, title, url, published_basis, tuple(notes))


def _inferred(name: str, text: str, notes: list[str]) -> tuple[dt.date | None, str]:
    """The day :func:`infer_published` reads in ``text``, with a note naming the file."""
    guess = infer_published(text)
    if guess is None:
        return None, ""
    if problem := day_out_of_range(guess.day):
        notes.append(f"{name}: publication day read in the text, {problem}; unknown")
        return None, ""
    notes.append(f"{name}: publication date {guess.day} {guess.basis}")
    return guess.day, guess.basis


def _header_day(name: str, value: str, notes: list[str]) -> dt.date | None:
    try:
        stated = dt.date.fromisoformat(value)
    except ValueError:
        notes.append(f"{name}: line 1: date header {value!r} is not a real day;"
                     " publication date unknown")
        return None
    if problem := day_out_of_range(stated):
        notes.append(f"{name}: line 1: date header {problem}; publication date unknown")
        return None
    return stated


def article_from_text(name: str, raw: bytes | str, *,
                      published: dt.date | str | None = None) -> Article:
    """An article from in-memory content (an upload): bytes are decoded as in a folder.

    Parameters
    ----------
    name : str
        A file name to report in warnings and in the event table.
    raw : bytes or str
        The content; bytes that are not UTF-8 are replaced and a warning is attached.
    published : datetime.date or str, optional
        Publication day (a date or ``YYYY-MM-DD``); otherwise taken from a ``date``
        header, else unknown.

    Raises
    ------
    ArticleError
        ``published`` is a string that is not a ``YYYY-MM-DD`` day. A real day outside the
        plausible range (:func:`gazetteer.dates.day_out_of_range`) is dropped with a
        warning instead.
    """
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published.strip()) if published.strip() else None
        except ValueError:
            raise ArticleError(f"{safe_name(name)}: published {published!r} is not a "
                               "YYYY-MM-DD day") from None
    text, warnings = decode_bytes(safe_name(name), raw) if isinstance(raw, bytes) \
        else (raw, ())
    return parse_article(name, text, published=published,
                         published_basis="given" if published else "", warnings=warnings)


def load_sources(path: str | Path) -> tuple[dict[str, dict[str, str]], list[str]]:
    """Read a ``sources.csv``: file name -> row, and warnings for skipped rows.

    A row is skipped, with a warning naming the file and the physical line its record
    starts on, when it has the wrong number of fields, a field over the csv module's
    limit (128 KB), no file name, a file name seen before, or a ``published`` value that
    is not a ``YYYY-MM-DD`` day in the plausible range (1900 to a year from now).

    Raises
    ------
    ArticleError
        The file cannot be read or lacks the ``file`` column.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise ArticleError(f"{path}: cannot read ({err.strerror})") from err
    text, decode_warnings = decode_bytes(path.name, raw)
    records, warnings = _csv_records(path.name, text.lstrip("\ufeff"))
    if not records or "file" not in [h.strip() for h in records[0][1]]:
        raise ArticleError(f"{path}:1: sources table needs a header with a 'file' column "
                           f"(columns: {', '.join(SOURCES_COLUMNS)})")
    header = [h.strip() for h in records[0][1]]
    found: dict[str, dict[str, str]] = {}
    warnings = [*decode_warnings, *warnings]
    for line, values in records[1:]:
        if not any(v.strip() for v in values):
            continue
        row, problem = _source_row(header, values, found)
        if problem:
            warnings.append(f"{path.name}:{line}: {problem}; row skipped")
        elif row is not None:
            found[row["file"]] = row
    warnings.sort(key=_line_of)
    return found, warnings


def _csv_records(name: str, text: str) -> tuple[list[tuple[int, list[str]]], list[str]]:
    """CSV records with the physical line each starts on; unreadable records reported."""
    reader = csv.reader(io.StringIO(text, newline=""))
    records: list[tuple[int, list[str]]] = []
    warnings: list[str] = []
    while True:
        first = reader.line_num + 1
        try:
            values = next(reader)
        except StopIteration:
            return records, warnings
        except csv.Error as err:
            warnings.append(f"{name}:{first}: {err}; row skipped")
            continue
        records.append((first, values))


def _line_of(warning: str) -> int:
    m = re.match(r"[^:]*:(\d+):", warning)
    return int(m.group(1)) if m else 0


def _source_row(header: list[str], values: list[str], found: dict[str, dict[str, str]]
                ) -> tuple[dict[str, str] | None, str]:
    """One sources.csv row as a dict, or the reason to skip it."""
    if len(values) != len(header):
        return None, f"{len(values)} fields, expected {len(header)}"
    row = {k: v.strip() for k, v in zip(header, values, strict=True)}
    name = row.get("file", "")
    if not name:
        return None, "empty file name"
    if name in found:
        return None, f"{name} listed twice"
    published = row.get("published", "")
    if published:
        day = iso_day(published)
        if day is None:
            return None, f"published {published!r} is not a YYYY-MM-DD day"
        if problem := day_out_of_range(day):
            return None, f"published {problem}"
    return row, ""


def load_folder(path: str | Path, *, max_bytes: int = MAX_BYTES,
                mtime_fallback: bool = False) -> tuple[list[Article], list[str]]:
    """Load every ``*.txt`` article of a folder, sorted by file name.

    Parameters
    ----------
    path : str or Path
        The folder. Its ``sources.csv``, when present, supplies metadata.
    max_bytes : int
        Files larger than this many bytes are skipped with a warning.
    mtime_fallback : bool
        For an article no metadata, header or text dates, use the file's modification day
        (basis "file modified time", with a warning). Off by default: a copied or
        downloaded file's time is seldom its publication day.

    Returns
    -------
    (articles, warnings)
        Articles that could be read, and every problem met (each naming the file, and the
        line for ``sources.csv``). Empty, oversized and unreadable files are skipped, and
        so are links to files outside the folder; one bad file never stops the others.

    Raises
    ------
    ArticleError
        ``path`` is not a folder.
    """
    entries, warnings = folder_manifest(path)
    read = [(file, *load_file(file, meta, max_bytes=max_bytes)) for file, meta in entries]
    # second pass: undated articles dated by the folder's other articles, then (only when
    # asked) by the file's modified time; warnings stay in the files' order
    dated = iter(_dated_by_folder([article for _, article, _ in read if article is not None]))
    articles: list[Article] = []
    for file, article, notes in read:
        if article is None:
            warnings.extend(notes)
            continue
        article = next(dated)
        if article.published is None and mtime_fallback:
            article = _dated_by_mtime(file, article)
        warnings.extend(article.warnings)
        articles.append(article)
    return articles, warnings


def folder_manifest(path: str | Path) -> tuple[list[tuple[Path, dict[str, str]]], list[str]]:
    """The articles of a folder without reading them: ``(file, sources.csv row)`` pairs
    sorted by file name, and the warnings met (sources.csv rows, links that lead outside
    the folder). :func:`load_file` reads one entry; a distributed job ships entries to
    its workers.

    Raises
    ------
    ArticleError
        ``path`` is not a folder.
    """
    folder = Path(path)
    if not folder.is_dir():
        raise ArticleError(f"{folder}: not a folder of articles")
    root = folder.resolve()
    warnings: list[str] = []
    sources: dict[str, dict[str, str]] = {}
    sources_path = folder / "sources.csv"
    if sources_path.is_file() and _inside(root, sources_path, warnings):
        try:
            sources, source_warnings = load_sources(sources_path)
            warnings.extend(source_warnings)
        except ArticleError as err:
            warnings.append(f"{err}; metadata ignored")
    files = sorted((p for p in folder.iterdir() if p.suffix.lower() == ".txt" and p.is_file()),
                   key=lambda p: safe_name(p.name))
    names = {safe_name(p.name) for p in files}
    for name in sorted(set(sources) - names):
        warnings.append(f"sources.csv lists {name}, which is not in {folder}")
    entries = [(file, sources.get(safe_name(file.name), {})) for file in files
               if _inside(root, file, warnings)]
    return entries, warnings


def _inside(root: Path, file: Path, warnings: list[str]) -> bool:
    """True when ``file`` (or the file a link names) lies in the folder ``root``."""
    try:
        real = file.resolve(strict=True)
    except (OSError, RuntimeError) as err:  # a dangling link, a loop of links
        warnings.append(f"{safe_name(file.name)}: cannot follow ({err}); skipped")
        return False
    if real.parent == root or root in real.parents:
        return True
    warnings.append(f"{safe_name(file.name)}: a link to a file outside {root}; skipped")
    return False


def load_file(file: str | Path, meta: dict[str, str] | None = None, *,
              max_bytes: int = MAX_BYTES) -> tuple[Article | None, list[str]]:
    """Read one article file with its ``sources.csv`` row (``meta``), as a folder does.

    Returns
    -------
    (article or None, warnings)
        None when the file is skipped (too large, empty, unreadable, no text); the
        warnings name the file, and include the article's own.
    """
    file = Path(file)
    name = safe_name(file.name)
    try:
        size = file.stat().st_size
        if size > max_bytes:
            return None, [f"{name}: {size:,} bytes is over the {max_bytes:,}-byte limit; "
                          "skipped"]
        raw = file.read_bytes()
    except OSError as err:
        return None, [f"{name}: cannot read ({err.strerror}); skipped"]
    if not raw.strip():
        return None, [f"{name}: empty file; skipped"]
    text, decode_warnings = decode_bytes(name, raw)
    if name != file.name:
        decode_warnings = (f"{name}: the file name is not valid UTF-8; shown with \\x "
                           "escapes", *decode_warnings)
    meta = meta or {}
    published = iso_day(meta.get("published", ""))
    article = parse_article(
        name, text, published=published, outlet=meta.get("outlet", ""),
        title=meta.get("title", ""), url=meta.get("url", ""),
        published_basis=(meta.get("published_basis") or "sources.csv") if published else "",
        warnings=decode_warnings)
    if not article.text.strip():
        return None, [f"{name}: no text after cleaning; skipped"]
    if article.published is None:
        article = replace(article, warnings=(*article.warnings,
                                             f"{name}: publication date unknown"))
    return article, list(article.warnings)


def _dated_by_folder(articles: list[Article]) -> list[Article]:
    """Second pass: every undated article dated by the folder's other, dated articles
    (:func:`date_from_folder`)."""
    others = [(a.file, a.published) for a in articles if a.published is not None]
    if not others or all(a.published is not None for a in articles):
        return articles
    today = dt.date.today()
    return [date_from_folder(article, others, today=today) for article in articles]


def date_from_folder(article: Article, others: Sequence[tuple[str, dt.date]], *,
                     today: dt.date) -> Article:
    """``article`` dated by the folder's ``others`` (``(file, published)`` pairs) when it
    has no publication date and its day-month dates fit one year of them
    (:func:`gazetteer.yearless.folder_guess`), said in the basis and in a warning that
    replaces "publication date unknown". A dated article, or one no year fits, comes back
    unchanged. A distributed job calls this per article once it knows the whole folder's
    dates."""
    from gazetteer.yearless import folder_guess

    if article.published is not None or not others:
        return article
    guess = folder_guess(article.text, others, today=today)
    if guess is None:
        return article
    notes = [w for w in article.warnings if not w.endswith("publication date unknown")]
    notes.append(f"{article.file}: publication date {guess.day} {guess.basis}")
    return replace(article, published=guess.day, published_basis=guess.basis,
                   warnings=tuple(notes))


def _dated_by_mtime(file: Path, article: Article) -> Article:
    """``article`` dated by its file's modification day (local time), said in its basis
    and in a warning that replaces "publication date unknown"."""
    try:
        day = dt.date.fromtimestamp(file.stat().st_mtime)
    except (OSError, ValueError, OverflowError):
        return article
    notes = [w for w in article.warnings if not w.endswith("publication date unknown")]
    notes.append(f"{safe_name(file.name)}: publication date {day} taken from the file's "
                 "modified time "
                 "(no date in metadata or text)")
    return replace(article, published=day, published_basis=f"file modified time ({day})",
                   warnings=tuple(notes))
