"""The corpus store's commands: ``add``, ``feed``, ``reextract`` and ``reviews``.

Each has an ``_add_NAME`` (its arguments) and a ``_cmd_NAME`` (running it), listed in
:data:`ADDERS` for :mod:`gazetteer.cli`. Every command takes ``--db PATH`` (default: the
``KACHIN_MAP_DB`` variable, else the per-user data folder; see
:func:`gazetteer.store.default_path`). ``add`` prints one line per stored article as soon
as it is committed, so an interrupted run says exactly what it kept.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

__all__ = ["ADDERS", "add_db_arg"]


def add_db_arg(p: argparse.ArgumentParser) -> None:
    """``--db PATH``: the corpus store to use."""
    p.add_argument("--db", metavar="PATH", default=None,
                   help="the corpus store (default: $KACHIN_MAP_DB, else corpus.sqlite3 in "
                        "your data folder, ~/.local/share/kachin-control-map on Linux)")


def _report(command: str, report) -> None:
    for dup in report.duplicates:
        print(f"{command}: skipped: {dup}", file=sys.stderr)
    for warning in report.warnings:
        print(f"{command}: warning: {warning}", file=sys.stderr)
    print(f"{command}: {report.summary()}", file=sys.stderr)


def _cmd_add(args: argparse.Namespace) -> int:
    from gazetteer import ingest
    from gazetteer.store import Store, default_path

    if not args.paths and not args.url:
        print("add: give files or folders to add, or --url URL", file=sys.stderr)
        return 2
    path = default_path(args.db)
    with Store(path) as store:
        report = ingest.add_paths(store, args.paths, on_added=_print_added)
        for url in args.url or ():
            part = ingest.add_url(store, url, fetcher=ingest.Fetcher(timeout=args.timeout))
            for added in part.added:
                _print_added(added)
            report.added += part.added
            report.duplicates += part.duplicates
            report.warnings += part.warnings
    _report("add", report)
    print(f"add: store {path}", file=sys.stderr)
    return 0


def _print_added(added) -> None:
    print(f"added\t{added.file}\t{added.events} event(s)", flush=True)


def _add_add(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("add", help="add articles to the corpus store (.txt files, saved "
                                   "pages .html/.htm, folders of them; --url fetches a page)")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders to add")
    p.add_argument("--url", action="append", metavar="URL",
                   help="fetch this page and add it (online; one request a second)")
    p.add_argument("--timeout", type=float, default=5.0, metavar="S",
                   help="seconds before an online request gives up (default 5)")
    add_db_arg(p)
    p.set_defaults(func=_cmd_add)


def _cmd_feed(args: argparse.Namespace) -> int:
    from gazetteer import ingest
    from gazetteer.store import Store, default_path

    with Store(default_path(args.db)) as store:
        report = ingest.add_feed(store, args.url, limit=args.limit,
                                 fetcher=ingest.Fetcher(timeout=args.timeout))
    for added in report.added:
        _print_added(added)
    _report("feed", report)
    return 0


def _add_feed(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("feed", help="fetch an RSS or Atom feed and add its new articles "
                                    "(online; one request a second)")
    p.add_argument("url", metavar="URL")
    p.add_argument("--limit", type=int, default=None, metavar="N",
                   help="add at most the first N entries")
    p.add_argument("--timeout", type=float, default=5.0, metavar="S",
                   help="seconds before an online request gives up (default 5)")
    add_db_arg(p)
    p.set_defaults(func=_cmd_feed)


def _cmd_reextract(args: argparse.Namespace) -> int:
    from gazetteer import ingest
    from gazetteer.store import Store, default_path

    with Store(default_path(args.db), create=False) as store:
        result = ingest.reextract(store)
    print(f"reextract: {result.articles} article(s) extracted again with {result.version}: "
          f"{result.events} event(s), {result.candidates} candidate(s); "
          f"{result.orphaned} decision(s) whose event no longer appears (kept; listed by "
          "'reviews')", file=sys.stderr)
    return 0


def _add_reextract(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("reextract", help="extract every stored article again (after an "
                                         "extractor upgrade); review decisions are kept")
    add_db_arg(p)
    p.set_defaults(func=_cmd_reextract)


def _cmd_reviews(args: argparse.Namespace) -> int:
    from pathlib import Path

    from gazetteer.review import reviews_csv
    from gazetteer.store import Store, default_path

    out = Path(args.out) if args.out else None
    if out is not None and out.exists() and not args.force:
        print(f"reviews: {out} exists; pass --force to overwrite it", file=sys.stderr)
        return 1
    with Store(default_path(args.db), create=False) as store:
        text = reviews_csv(store)
    if out is None:
        sys.stdout.write(text)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        print(f"reviews: wrote {out} ({text.count(chr(10)) - 1} decision(s))",
              file=sys.stderr)
    return 0


def _add_reviews(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("reviews", help="export every review decision (who, when, what, why, "
                                       "the evidence; orphaned ones too) as CSV")
    p.add_argument("--out", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--force", action="store_true", help="overwrite --out if it exists")
    add_db_arg(p)
    p.set_defaults(func=_cmd_reviews)


#: The store's subcommands, in the order ``--help`` lists them.
ADDERS: list[Callable[[argparse._SubParsersAction], None]] = [
    _add_add, _add_feed, _add_reextract, _add_reviews]
