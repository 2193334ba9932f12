"""Loading news articles: plain text plus publication metadata.

An :class:`Article` holds the *cleaned* text of one file. Every character offset the
extractor reports (``char_start``, ``char_end``, highlights) indexes :attr:`Article.text`,
so ``article.text[char_start:char_end]`` is exactly the event's excerpt. Cleaning:

* the bytes are decoded as UTF-8 (a byte-order mark is dropped); bytes that are not UTF-8
  are replaced by U+FFFD and the article carries a warning naming the file;
* CRLF and CR line ends become LF;
* stray HTML is removed: ``<script>``/``<style>`` blocks and tags are dropped (block tags
  such as ``<p>`` and ``<br>`` become line breaks) and entities (``&amp;``, ``&#8217;``) are
  unescaped; text without markup is left as it is;
* a leading ``date YYYY-MM-DD`` header, possibly sharing its line with the first sentence
  (``" date 2025-08-05 A resistance umbrella group ..."``), is removed from the text and
  used as the publication date when the folder's ``sources.csv`` gives none.

Metadata comes from ``sources.csv`` in the article folder when present (columns ``file,
published, outlet, title, url, published_basis``; a malformed row is reported with its
line and skipped), else from the ``date`` header, else the publication date is unknown.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import re
from dataclasses import dataclass, replace
from pathlib import Path

from gazetteer.errors import ArticleError

__all__ = [
    "SOURCES_COLUMNS",
    "Article",
    "article_from_text",
    "clean_text",
    "load_folder",
    "load_sources",
    "parse_article",
]

#: Columns of a folder's ``sources.csv``; only ``file`` is required to be filled.
SOURCES_COLUMNS = ("file", "published", "outlet", "title", "url", "published_basis")
#: Files larger than this (bytes) are skipped with a warning.
MAX_BYTES = 2_000_000

_HEADER = re.compile(r"\A[ \t\r\n]*date[ \t]*:?[ \t]*(\d{4}-\d{2}-\d{2})(?:[ \t]+|[ \t]*\n|\Z)",
                     re.IGNORECASE)
_MARKUP = re.compile(r"<(?:[a-zA-Z][\w:-]*|/[a-zA-Z][\w:-]*|!--)[^<>]*>")
_DROP_BLOCKS = re.compile(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_COMMENTS = re.compile(r"<!--.*?-->", re.DOTALL)
_BREAK_TAGS = re.compile(
    r"<(?:br|/?p|/?div|/?li|/?h[1-6]|/?tr|/?blockquote|/?section|/?article)\b[^>]*>",
    re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?>")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]\w*);")
_BLANK_RUN = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")


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


def clean_text(text: str) -> str:
    """Normalise line ends, drop a BOM and strip stray HTML markup (see module notes)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if _MARKUP.search(text):
        text = _COMMENTS.sub("", _DROP_BLOCKS.sub("", text))
        text = _BREAK_TAGS.sub("\n", text)
        text = _ANY_TAG.sub("", text)
        text = _BLANK_RUN.sub("\n\n", text)
    if _ENTITY.search(text):
        text = html.unescape(text)
    return text.replace("\xa0", " ")


def parse_article(name: str, text: str, *, published: dt.date | None = None,
                  outlet: str = "", title: str = "", url: str = "",
                  published_basis: str = "", warnings: tuple[str, ...] = ()) -> Article:
    """Build an :class:`Article` from already decoded text.

    Parameters
    ----------
    name : str
        The article's file name, used in warnings and in the event table.
    text : str
        The raw text; it is cleaned (:func:`clean_text`) and a leading ``date`` header is
        removed.
    published : datetime.date, optional
        The publication day when known from elsewhere; it wins over the header.
    """
    text = clean_text(text)
    header = _HEADER.match(text)
    notes = list(warnings)
    if header:
        text = text[header.end():]
        try:
            stated = dt.date.fromisoformat(header.group(1))
        except ValueError:
            notes.append(f"{name}: line 1: date header {header.group(1)!r} is not a real day;"
                         " publication date unknown")
            stated = None
        if stated is not None and published is None:
            published, published_basis = stated, f"the file's 'date {stated}' header"
        elif stated is not None and stated != published:
            notes.append(f"{name}: date header {stated} differs from sources.csv "
                         f"({published}); using sources.csv")
    if not text.strip():
        notes.append(f"{name}: no text")
    return Article(name, text, published, outlet, title, url, published_basis, tuple(notes))


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
        ``published`` is a string that is not a ``YYYY-MM-DD`` day.
    """
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published.strip()) if published.strip() else None
        except ValueError:
            raise ArticleError(f"{name}: published {published!r} is not a YYYY-MM-DD day") \
                from None
    text, warnings = _decode(name, raw) if isinstance(raw, bytes) else (raw, ())
    return parse_article(name, text, published=published,
                         published_basis="given" if published else "", warnings=warnings)


def load_sources(path: str | Path) -> tuple[dict[str, dict[str, str]], list[str]]:
    """Read a ``sources.csv``: file name -> row, and warnings for skipped rows.

    A row is skipped, with a warning naming the file and line, when it has the wrong
    number of fields, no file name, a file name seen before, or a ``published`` value
    that is not a ``YYYY-MM-DD`` day.

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
    text, decode_warnings = _decode(path.name, raw)
    rows = list(csv.reader(text.lstrip("\ufeff").splitlines()))
    if not rows or "file" not in [h.strip() for h in rows[0]]:
        raise ArticleError(f"{path}:1: sources table needs a header with a 'file' column "
                           f"(columns: {', '.join(SOURCES_COLUMNS)})")
    header = [h.strip() for h in rows[0]]
    found: dict[str, dict[str, str]] = {}
    warnings = list(decode_warnings)
    for line, values in enumerate(rows[1:], 2):
        if not any(v.strip() for v in values):
            continue
        where = f"{path.name}:{line}"
        if len(values) != len(header):
            warnings.append(f"{where}: {len(values)} fields, expected {len(header)}; "
                            "row skipped")
            continue
        row = {k: v.strip() for k, v in zip(header, values, strict=True)}
        name = row.get("file", "")
        if not name:
            warnings.append(f"{where}: empty file name; row skipped")
            continue
        if name in found:
            warnings.append(f"{where}: {name} listed twice; row skipped")
            continue
        if row.get("published") and _iso_day(row["published"]) is None:
            warnings.append(f"{where}: published {row['published']!r} is not a YYYY-MM-DD "
                            "day; row skipped")
            continue
        found[name] = row
    return found, warnings


def load_folder(path: str | Path, *, max_bytes: int = MAX_BYTES
                ) -> tuple[list[Article], list[str]]:
    """Load every ``*.txt`` article of a folder, sorted by file name.

    Parameters
    ----------
    path : str or Path
        The folder. Its ``sources.csv``, when present, supplies metadata.
    max_bytes : int
        Files larger than this many bytes are skipped with a warning.

    Returns
    -------
    (articles, warnings)
        Articles that could be read, and every problem met (each naming the file, and the
        line for ``sources.csv``). Empty, oversized and unreadable files are skipped; one
        bad file never stops the others.

    Raises
    ------
    ArticleError
        ``path`` is not a folder.
    """
    folder = Path(path)
    if not folder.is_dir():
        raise ArticleError(f"{folder}: not a folder of articles")
    warnings: list[str] = []
    sources: dict[str, dict[str, str]] = {}
    sources_path = folder / "sources.csv"
    if sources_path.is_file():
        try:
            sources, source_warnings = load_sources(sources_path)
            warnings.extend(source_warnings)
        except ArticleError as err:
            warnings.append(f"{err}; metadata ignored")
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() == ".txt" and p.is_file())
    names = {p.name for p in files}
    for name in sorted(set(sources) - names):
        warnings.append(f"sources.csv lists {name}, which is not in {folder}")
    articles: list[Article] = []
    for file in files:
        article = _load_file(file, sources.get(file.name), max_bytes, warnings)
        if article is not None:
            articles.append(article)
            warnings.extend(article.warnings)
    return articles, warnings


def _load_file(file: Path, meta: dict[str, str] | None, max_bytes: int,
               warnings: list[str]) -> Article | None:
    try:
        size = file.stat().st_size
        if size > max_bytes:
            warnings.append(f"{file.name}: {size:,} bytes is over the {max_bytes:,}-byte "
                            "limit; skipped")
            return None
        raw = file.read_bytes()
    except OSError as err:
        warnings.append(f"{file.name}: cannot read ({err.strerror}); skipped")
        return None
    if not raw.strip():
        warnings.append(f"{file.name}: empty file; skipped")
        return None
    text, decode_warnings = _decode(file.name, raw)
    meta = meta or {}
    published = _iso_day(meta.get("published", ""))
    article = parse_article(
        file.name, text, published=published, outlet=meta.get("outlet", ""),
        title=meta.get("title", ""), url=meta.get("url", ""),
        published_basis=(meta.get("published_basis") or "sources.csv") if published else "",
        warnings=decode_warnings)
    if not article.text.strip():
        warnings.append(f"{file.name}: no text after cleaning; skipped")
        return None
    if article.published is None:
        article = replace(article, warnings=(*article.warnings,
                                             f"{file.name}: publication date unknown"))
    return article


def _decode(name: str, raw: bytes) -> tuple[str, tuple[str, ...]]:
    try:
        return raw.decode("utf-8-sig"), ()
    except UnicodeDecodeError as err:
        text = raw.decode("utf-8-sig", errors="replace")
        return text, (f"{name}: not valid UTF-8 (first bad byte at offset {err.start}); "
                      "undecodable bytes replaced with U+FFFD",)


def _iso_day(value: str) -> dt.date | None:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value or ""):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
