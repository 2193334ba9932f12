"""Extraction of one untrusted article in a worker process, with a time limit.

A server that extracts an upload in its own process holds the interpreter lock for as
long as the article takes: every other visitor waits. :func:`extract_isolated` runs the
same reading and extraction (:func:`gazetteer.articles.article_from_text`,
:func:`gazetteer.extract.extract_articles`) in a child forked from a ``forkserver``
process that has the extractor loaded already (``gazetteer._warm``), waits without
holding the lock, and kills the child when the time limit passes.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
from typing import Any

from gazetteer.errors import GazetteerError

__all__ = ["UPLOAD_SECONDS", "IsolatedResult", "extract_isolated", "extract_upload_parts"]

#: Default time limit of one upload's extraction, seconds.
UPLOAD_SECONDS = 30.0

#: (article record or None when nothing could be read, event table, warnings)
IsolatedResult = tuple[dict[str, str] | None, Any, list[str]]


def _context() -> Any:
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["gazetteer._warm"])
    return ctx


def _child(conn: Any, name: str, raw: bytes, published: dt.date | None) -> None:
    try:
        conn.send(("ok", _extract(name, raw, published)))
    except GazetteerError as err:
        conn.send(("error", str(err)))
    finally:
        conn.close()


def _extract(name: str, raw: bytes, published: dt.date | None) -> IsolatedResult:
    return extract_upload_parts(name, raw, published=published)


def extract_upload_parts(name: str, raw: bytes, *, published: dt.date | None = None
                         ) -> IsolatedResult:
    """Read one upload (a saved web page when named ``.html``/``.htm``, else text) and
    extract it: the article's record (:func:`gazetteer.sources.article_record` plus its
    ``published_basis``), its events and its warnings. A page with no article text gives
    no record and the reason as its warning."""
    from dataclasses import replace

    from gazetteer.articles import article_from_text
    from gazetteer.errors import ArticleError
    from gazetteer.extract import extract_articles
    from gazetteer.sources import article_record

    if name.lower().endswith((".html", ".htm")):
        from gazetteer.ingest import article_from_html

        try:
            article = article_from_html(name, raw)
        except ArticleError as err:
            return None, None, [str(err)]
        if published is not None and article.published is None:
            article = replace(article, published=published, published_basis="given")
    else:
        article = article_from_text(name, raw, published=published)
    record = {**article_record(article), "published_basis": article.published_basis}
    return record, extract_articles([article]), list(article.warnings)


def extract_isolated(name: str, raw: bytes, *, published: dt.date | None = None,
                     timeout: float = UPLOAD_SECONDS) -> IsolatedResult | None:
    """Read and extract one article in a worker process; None when it ran out of time.

    Parameters
    ----------
    name, raw, published
        As for :func:`gazetteer.articles.article_from_text`.
    timeout : float
        Seconds the worker may take; it is killed after that.

    Returns
    -------
    (article record, events, warnings) or None
        The record as :func:`gazetteer.sources.article_record` gives it, the event table,
        and the article's warnings; None when the time limit passed.

    Raises
    ------
    GazetteerError
        As the extraction raises (an ``ArticleError`` for a bad ``published``), or an
        ``EngineError`` when the worker died without an answer.
    """
    from gazetteer.errors import EngineError

    ctx = _context()
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(send, name, raw, published), daemon=True)
    child.start()
    send.close()
    try:
        if not receive.poll(timeout):
            return None
        kind, value = receive.recv()
    except EOFError:
        raise EngineError(f"{name}: the extraction worker stopped without an answer "
                          f"(exit code {child.exitcode})") from None
    finally:
        receive.close()
        if child.is_alive():
            child.kill()
        child.join()
    if kind == "error":
        raise EngineError(value)
    return value
