"""Adding articles to the corpus store: text files, folders, saved web pages, and (only when
asked) pages and RSS/Atom feeds fetched online. Each article is extracted as it is added.

* ``.txt`` files are loaded as :mod:`gazetteer.articles` loads a folder (a ``sources.csv``
  beside them supplies metadata, a ``date YYYY-MM-DD`` first line the publication day).
* Saved pages (``.html``/``.htm``): the main text through trafilatura, the publication day
  through htmldate (page metadata first; a day found only in the text or the address is
  kept with a basis that says it was inferred), title and outlet from the page's metadata,
  the address from the canonical link or the browser's "saved from" note.
* Online (:func:`add_url`, :func:`add_feed`): a :class:`Fetcher` sends a user agent, waits
  :data:`REQUEST_INTERVAL_S` between requests to a host, and fails within seconds with a
  :class:`~gazetteer.errors.FetchError` when there is no network.

The same article (same address, or same text after loading) is never stored twice.
:func:`reextract` runs the current extractor over the whole store; review decisions are
bound to evidence and survive it (:mod:`gazetteer.review` lists any left orphaned).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from gazetteer import __version__
from gazetteer.articles import (
    MAX_BYTES,
    Article,
    article_from_text,
    load_folder,
    load_sources,
    parse_article,
)
from gazetteer.errors import ArticleError, FetchError, GazetteerError
from gazetteer.places import Gazetteer
from gazetteer.settings import PACKAGE_DIR, PLACES_CSV
from gazetteer.store import AddedArticle, Store, StoredArticle

__all__ = [
    "PAGE_SUFFIXES",
    "REQUEST_INTERVAL_S",
    "USER_AGENT",
    "Fetcher",
    "IngestReport",
    "add_article",
    "add_feed",
    "add_paths",
    "add_url",
    "article_from_html",
    "extractor_version",
    "open_store",
    "reextract",
]

#: File suffixes read as saved web pages.
PAGE_SUFFIXES = frozenset({".html", ".htm"})
#: Saved pages carry their styles and scripts: allowed up to this many bytes.
MAX_PAGE_BYTES = 20_000_000
#: A page whose main text is shorter than this (characters) holds no article.
MIN_PAGE_CHARS = 40
#: Seconds between two requests to the same host (one request a second).
REQUEST_INTERVAL_S = 1.0
#: Seconds to wait for a connection, a name lookup or a read before giving up.
FETCH_TIMEOUT_S = 5.0
USER_AGENT = (f"kachin-control-map/{__version__} (news mapping for research; "
              "one request a second)")

_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.IGNORECASE)


@dataclass(slots=True)
class IngestReport:
    """What an ingest did: articles stored, duplicates skipped (with the article they
    repeat), problems (each naming its file or address), events and candidates stored."""

    added: list[AddedArticle] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: Called with each article as soon as it is committed (progress, kill-safe logs).
    on_added: Callable[[AddedArticle], None] | None = field(default=None, repr=False)

    @property
    def events(self) -> int:
        """Events stored with the added articles."""
        return sum(a.events for a in self.added)

    @property
    def candidates(self) -> int:
        """Candidates stored with the added articles."""
        return sum(a.candidates for a in self.added)

    def summary(self) -> str:
        """One line: added, duplicates, events, candidates, problems."""
        return (f"{len(self.added)} article(s) added, {len(self.duplicates)} already in the "
                f"store; {self.events} event(s), {self.candidates} candidate(s); "
                f"{len(self.warnings)} problem(s)")


# -- extraction ------------------------------------------------------------------------
@lru_cache(maxsize=1)
def extractor_version() -> str:
    """``VERSION+DIGEST``: the package version and a digest of everything extraction reads
    (the extractor's code, its rules and the places table), so an upgrade shows."""
    from gazetteer import extract

    source = Path(extract.__file__)
    code = sorted(source.parent.glob("*.py")) if source.name == "__init__.py" else [source]
    files = [*code, PACKAGE_DIR / "dates.py", PACKAGE_DIR / "ruledata.py",
             PACKAGE_DIR / "events.py",
             *sorted((PACKAGE_DIR / "rules").glob("*.toml")), PLACES_CSV]
    digest = hashlib.sha256()
    for path in files:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def extract_rows(article: Article, *, gazetteer: Gazetteer | None = None
                 ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The article's events and candidates as plain dicts (the event table's columns).

    Candidates (sentences the extractor could not settle) come from the extractor's
    ``extract_candidates(article, gazetteer=...)`` when it offers one; none otherwise.
    """
    from gazetteer import extract

    gaz = gazetteer or Gazetteer.default()
    events = [e.row() for e in extract.extract_article(article, gazetteer=gaz)]
    find = getattr(extract, "extract_candidates", None)
    candidates: list[dict[str, Any]] = []
    if find is not None:
        for c in find(article, gazetteer=gaz):
            candidates.append(dict(c) if isinstance(c, Mapping) else c.row())
    return events, candidates


def text_hash(text: str) -> str:
    """SHA-256 (hex) of an article's text as loaded: the store's content key."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def add_article(store: Store, article: Article, *, origin: str = "",
                gazetteer: Gazetteer | None = None) -> AddedArticle:
    """Extract one article and store it with its events and candidates (one transaction).

    An article already stored (same ``url`` or same text) is not extracted again; the
    result says which one it repeats.
    """
    digest = text_hash(article.text)
    known = store.find_article(url=article.url, sha256=digest)
    if known is not None:
        why = "same address" if article.url and known.url == article.url else "same text"
        return AddedArticle(known.id, known.file, False, duplicate_of=why)
    events, candidates = extract_rows(article, gazetteer=gazetteer)
    return store.add_article(
        file=article.file, text=article.text, sha256=digest, url=article.url,
        outlet=article.outlet, title=article.title,
        published=article.published.isoformat() if article.published else "",
        published_basis=article.published_basis, origin=origin, events=events,
        candidates=candidates, extractor_version=extractor_version())


def _record(report: IngestReport, result: AddedArticle, name: str) -> None:
    if result.added:
        report.added.append(result)
        if report.on_added is not None:
            report.on_added(result)
    else:
        report.duplicates.append(f"{name}: already in the store as {result.file} "
                                 f"({result.duplicate_of})")


# -- files and folders -------------------------------------------------------------------
def article_from_html(name: str, raw: bytes | str, *, url: str = "") -> Article:
    """A saved or fetched web page as an :class:`Article` (main text, date, title, outlet).

    Raises
    ------
    ArticleError
        No main text could be found in the page.
    """
    import trafilatura

    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    text = trafilatura.extract(data, include_comments=False, include_tables=False,
                               favor_precision=True, deduplicate=False)
    if not text or len(text.strip()) < MIN_PAGE_CHARS:
        raise ArticleError(f"{name}: no article text found in the page")
    meta = trafilatura.extract_metadata(data)
    saved = _SAVED_FROM.search(data[:4096])
    page_url = (getattr(meta, "url", None) or "") if meta is not None else ""
    if not page_url.startswith(("http://", "https://")):
        page_url = saved.group(1).decode("ascii", "replace") if saved else ""
    url = url or page_url
    published, basis = _page_date(data)
    outlet = (getattr(meta, "sitename", None) or "") if meta is not None else ""
    if not outlet and url:
        outlet = urllib.parse.urlsplit(url).hostname or ""
    title = (getattr(meta, "title", None) or "") if meta is not None else ""
    return parse_article(name, text, published=dt.date.fromisoformat(published)
                         if published else None, outlet=outlet, title=title, url=url,
                         published_basis=basis)


def _page_date(data: bytes) -> tuple[str, str]:
    """The page's publication day and its basis (``""`` when none is found)."""
    from htmldate import find_date

    try:
        stated = find_date(data, extensive_search=False, original_date=True)
        if stated:
            return stated, "the page's metadata (htmldate)"
        guessed = find_date(data, extensive_search=True, original_date=True)
    except (ValueError, TypeError):  # htmldate gives up on some malformed pages
        return "", ""
    if guessed:
        return guessed, "inferred from the page's text or address (htmldate); not stated"
    return "", ""


def add_paths(store: Store, paths: Iterable[str | Path], *,
              gazetteer: Gazetteer | None = None,
              on_added: Callable[[AddedArticle], None] | None = None) -> IngestReport:
    """Add ``.txt`` files, saved pages and folders of them (searched recursively, except
    the ``*_files`` folders browsers save page assets in). One bad file never stops the
    others: it is reported and skipped. ``on_added`` is called after each commit."""
    report = IngestReport(on_added=on_added)
    for given in paths:
        path = Path(given)
        if path.is_dir():
            _add_folder(store, path, report, gazetteer)
        elif not path.is_file():
            report.warnings.append(f"{path}: no such file or folder")
        elif path.suffix.lower() in PAGE_SUFFIXES:
            _add_page_file(store, path, report, gazetteer)
        elif path.suffix.lower() == ".txt":
            _add_text_file(store, path, report, gazetteer)
        else:
            report.warnings.append(f"{path}: not a .txt or .html/.htm file; skipped")
    return report


def _add_folder(store: Store, folder: Path, report: IngestReport,
                gazetteer: Gazetteer | None) -> None:
    folders = [folder, *sorted(p for p in folder.rglob("*") if p.is_dir()
                               and not any(part.endswith("_files") or part.startswith(".")
                                           for part in p.relative_to(folder).parts))]
    for sub in folders:
        if any(p.suffix.lower() == ".txt" for p in sub.iterdir() if p.is_file()):
            articles, warnings = load_folder(sub)
            report.warnings.extend(warnings)
            for article in articles:
                _record(report, add_article(store, article, origin=str(sub / article.file),
                                            gazetteer=gazetteer), article.file)
        for page in sorted(p for p in sub.iterdir()
                           if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES):
            _add_page_file(store, page, report, gazetteer)


def _add_text_file(store: Store, path: Path, report: IngestReport,
                   gazetteer: Gazetteer | None) -> None:
    meta: dict[str, str] = {}
    sources = path.parent / "sources.csv"
    if sources.is_file():
        try:
            meta = load_sources(sources)[0].get(path.name) or {}
        except ArticleError as err:
            report.warnings.append(f"{err}; metadata ignored")
    try:
        if path.stat().st_size > MAX_BYTES:
            report.warnings.append(f"{path}: over the {MAX_BYTES:,}-byte limit; skipped")
            return
        raw = path.read_bytes()
    except OSError as err:
        report.warnings.append(f"{path}: cannot read ({err.strerror}); skipped")
        return
    article = article_from_text(path.name, raw, published=meta.get("published") or None)
    article = replace(article, outlet=meta.get("outlet", ""), title=meta.get("title", ""),
                      url=meta.get("url", ""), published_basis=(
                          meta.get("published_basis") or "sources.csv"
                          if meta.get("published") else article.published_basis))
    report.warnings.extend(article.warnings)
    if not article.text.strip():
        report.warnings.append(f"{path}: no text; skipped")
        return
    _record(report, add_article(store, article, origin=str(path), gazetteer=gazetteer),
            path.name)


def _add_page_file(store: Store, path: Path, report: IngestReport,
                   gazetteer: Gazetteer | None) -> None:
    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            report.warnings.append(f"{path}: {size:,} bytes is over the "
                                   f"{MAX_PAGE_BYTES:,}-byte limit; skipped")
            return
        article = article_from_html(path.name, path.read_bytes())
    except OSError as err:
        report.warnings.append(f"{path}: cannot read ({err.strerror}); skipped")
        return
    except GazetteerError as err:
        report.warnings.append(f"{path}: {err}; skipped" if str(path) not in str(err)
                               else f"{err}; skipped")
        return
    report.warnings.extend(article.warnings)
    _record(report, add_article(store, article, origin=str(path), gazetteer=gazetteer),
            path.name)


# -- online, only when asked ---------------------------------------------------------------
_last_request: dict[str, float] = {}
_throttle_lock = threading.Lock()


class Fetcher:
    """A polite HTTP client: a user agent, one request a second per host, short time-outs.

    Parameters
    ----------
    user_agent : str
        Sent with every request.
    interval : float
        Seconds between two requests to one host (shared by every Fetcher of the process).
    timeout : float
        Seconds allowed for the name lookup, the connection and each read.
    max_bytes : int
        Larger responses are refused.
    """

    def __init__(self, *, user_agent: str = USER_AGENT, interval: float = REQUEST_INTERVAL_S,
                 timeout: float = FETCH_TIMEOUT_S, max_bytes: int = MAX_PAGE_BYTES) -> None:
        self.user_agent = user_agent
        self.interval = float(interval)
        self.timeout = float(timeout)
        self.max_bytes = int(max_bytes)

    def get(self, url: str) -> tuple[bytes, str]:
        """The body and final address of ``url`` (http or https only).

        Raises
        ------
        FetchError
            Bad address, no network, refused connection, time-out, HTTP error, too large.
        """
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(f"{url}: not an http(s) address")
        self._resolve(url, parts.hostname)
        self._wait(parts.hostname)
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                body = response.read(self.max_bytes + 1)
                final = response.geturl()
        except urllib.error.HTTPError as err:
            raise FetchError(f"{url}: the server answered {err.code} {err.reason}") from None
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise FetchError(f"{url}: cannot fetch ({reason}); no network, or the site is "
                             "down") from None
        if len(body) > self.max_bytes:
            raise FetchError(f"{url}: over {self.max_bytes:,} bytes; not fetched")
        return body, final

    def _resolve(self, url: str, host: str) -> None:
        """Look the host up within the time-out (a lookup without network can hang)."""
        done: list[BaseException | None] = []

        def lookup() -> None:
            try:
                socket.getaddrinfo(host, None)
                done.append(None)
            except OSError as err:
                done.append(err)

        thread = threading.Thread(target=lookup, daemon=True)
        thread.start()
        thread.join(self.timeout)
        if not done:
            raise FetchError(f"{url}: no answer looking up {host} within "
                             f"{self.timeout:g} s; no network?")
        if done[0] is not None:
            raise FetchError(f"{url}: cannot look up {host} ({done[0]}); no network?")

    def _wait(self, host: str) -> None:
        with _throttle_lock:
            now = time.monotonic()
            ready = _last_request.get(host, 0.0) + self.interval
            _last_request[host] = max(now, ready)
        if ready > now:
            time.sleep(ready - now)


def add_url(store: Store, url: str, *, fetcher: Fetcher | None = None,
            gazetteer: Gazetteer | None = None) -> IngestReport:
    """Fetch one page and add it (skipped without a request when the address is stored).

    Raises
    ------
    FetchError
        The page could not be fetched (no network, time-out, HTTP error).
    """
    report = IngestReport()
    _add_fetched(store, url, fetcher or Fetcher(), report, gazetteer)
    return report


def _add_fetched(store: Store, url: str, fetcher: Fetcher, report: IngestReport,
                 gazetteer: Gazetteer | None, *, published: str = "",
                 title: str = "") -> None:
    known = store.find_article(url=url)
    if known is not None:
        report.duplicates.append(f"{url}: already in the store as {known.file} "
                                 "(same address)")
        return
    body, final = fetcher.get(url)
    article = article_from_html(_name_for(url), body, url=url)
    if published:
        article = replace(article, published=dt.date.fromisoformat(published),
                          published_basis="the feed entry's date")
    if title and not article.title:
        article = replace(article, title=title)
    report.warnings.extend(article.warnings)
    origin = url if final == url else f"{url} (redirected to {final})"
    _record(report, add_article(store, article, origin=origin, gazetteer=gazetteer), url)


def _name_for(url: str) -> str:
    """A readable file name for a fetched page: host and last path part."""
    parts = urllib.parse.urlsplit(url)
    tail = re.sub(r"[^A-Za-z0-9._-]+", "-", parts.path.rstrip("/").rpartition("/")[2])[:60]
    stem = tail.rsplit(".", 1)[0] if tail.lower().endswith((".html", ".htm")) else tail
    return f"{parts.hostname or 'page'}_{stem or 'index'}.html"


def add_feed(store: Store, url: str, *, fetcher: Fetcher | None = None,
             limit: int | None = None, gazetteer: Gazetteer | None = None) -> IngestReport:
    """Fetch an RSS or Atom feed and add the page of each entry not stored yet.

    Entries whose page cannot be fetched are reported and skipped; the feed's own date of
    an entry is used as its publication day.

    Raises
    ------
    FetchError
        The feed itself could not be fetched, or is not a feed.
    """
    import feedparser

    fetcher = fetcher or Fetcher()
    body, _ = fetcher.get(url)
    feed = feedparser.parse(body)
    if not feed.entries and getattr(feed, "bozo", False):
        raise FetchError(f"{url}: not an RSS or Atom feed "
                         f"({getattr(feed, 'bozo_exception', 'unreadable')})")
    report = IngestReport()
    for entry in feed.entries[:limit]:
        link = str(entry.get("link") or "")
        if not link:
            report.warnings.append(f"{url}: an entry without a link "
                                   f"({entry.get('title', 'untitled')!r}); skipped")
            continue
        link = urllib.parse.urljoin(url, link)
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        day = time.strftime("%Y-%m-%d", when) if when else ""
        try:
            _add_fetched(store, link, fetcher, report, gazetteer, published=day,
                         title=str(entry.get("title") or ""))
        except GazetteerError as err:
            report.warnings.append(f"{err}; skipped")
    return report


# -- the store of the page ------------------------------------------------------------------
def open_store(path: str | Path, *, seeds: str | Path | None = None) -> Store:
    """Open (creating it when missing) the store at ``path``; on its first opening, add
    the articles of ``seeds`` (the project's seed folder when None) once.

    The store records that the seeds were loaded, so they are loaded once, ever.
    """
    from gazetteer.settings import SEEDS_DIR

    store = Store(path)
    if not store.get_meta("seeds_loaded"):
        folder = Path(seeds) if seeds is not None else SEEDS_DIR
        report = add_paths(store, [folder]) if folder.is_dir() else IngestReport()
        store.set_meta("seeds_loaded", f"{folder}: {report.summary()}")
    return store


# -- re-extraction -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ReextractReport:
    """Articles re-extracted, events and candidates now stored, the version used, and the
    decisions whose event no longer appears (kept, listed as orphaned)."""

    articles: int
    events: int
    candidates: int
    version: str
    orphaned: int


def reextract(store: Store, *, gazetteer: Gazetteer | None = None) -> ReextractReport:
    """Run the current extractor over every stored article, replacing its events and
    candidates article by article (each in one transaction). Decisions are kept."""
    from gazetteer.review import orphaned_decisions

    gaz = gazetteer or Gazetteer.default()
    version = extractor_version()
    n_articles = n_events = n_cands = 0
    for stored in store.iter_articles():
        article = stored_article(stored)
        events, candidates = extract_rows(article, gazetteer=gaz)
        e, c = store.replace_extraction(stored.id, events=events, candidates=candidates,
                                        extractor_version=version)
        n_articles, n_events, n_cands = n_articles + 1, n_events + e, n_cands + c
    return ReextractReport(n_articles, n_events, n_cands, version,
                           len(orphaned_decisions(store)))


def stored_article(stored: StoredArticle) -> Article:
    """An :class:`Article` from a stored one (the text as loaded, its metadata)."""
    return Article(stored.file, stored.text,
                   dt.date.fromisoformat(stored.published) if stored.published else None,
                   stored.outlet, stored.title, stored.url, stored.published_basis)


