"""Pages, feeds and a loopback web server that the corpus-store tests write themselves.

Every sentence here is written for these tests. The server listens on 127.0.0.1 only,
serves a dict of path -> (content type, bytes), and records each request's path and
User-Agent with the time it arrived.
"""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html import escape

#: Sentences of our own, each reporting one capture the extractor finds.
CAPTURE_SUMPRABUM = ("The Kachin Independence Army captured Sumprabum on 17 October after "
                     "a week of fighting, residents said on Saturday.")
CAPTURE_WAINGMAW = ("Resistance fighters seized Waingmaw on 3 November, a spokesman for the "
                    "group told reporters.")
ASSAULT_BHAMO = ("Since 4 December the KIA has been attacking Bhamo, people who left the "
                 "town said by phone.")


def page_html(*, title: str, body: list[str], site: str = "Hill Post",
              published: str | None = "2024-10-19", canonical: str = "",
              saved_from: str = "") -> str:
    """A news page as a browser would save it: menus, an article, a footer."""
    meta = [f"<title>{escape(title)} | {escape(site)}</title>",
            f'<meta property="og:site_name" content="{escape(site)}">',
            f'<meta property="og:title" content="{escape(title)}">']
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}T08:00:00'
                    '+06:30">')
    if canonical:
        meta.append(f'<link rel="canonical" href="{escape(canonical)}">')
    head = f"<!-- saved from url=({len(saved_from):04d}){saved_from} -->\n" if saved_from \
        else ""
    paragraphs = "\n".join(f"<p>{escape(p)}</p>" for p in body)
    return (f"{head}<!doctype html><html><head>{''.join(meta)}</head><body>"
            "<nav><a href='/'>Home</a> | <a href='/news'>News</a> | About us</nav>"
            f"<article><h1>{escape(title)}</h1>\n{paragraphs}\n</article>"
            "<footer>All rights reserved. Subscribe to our letter.</footer></body></html>")


def rss(items: list[tuple[str, str, str]], *, title: str = "Hill Post") -> str:
    """An RSS 2.0 feed of (title, link, RFC 822 date) items."""
    entries = "".join(
        f"<item><title>{escape(t)}</title><link>{escape(link)}</link>"
        f"<pubDate>{day}</pubDate></item>" for t, link, day in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{escape(title)}</title><link>http://127.0.0.1/</link>"
            f"<description>news</description>{entries}</channel></rss>")


def atom(items: list[tuple[str, str, str]], *, title: str = "Valley Wire") -> str:
    """An Atom feed of (title, link, ISO date) entries."""
    entries = "".join(
        f"<entry><title>{escape(t)}</title><link href=\"{escape(link)}\"/>"
        f"<id>{escape(link)}</id><updated>{day}T06:00:00Z</updated>"
        f"<published>{day}T06:00:00Z</published></entry>" for t, link, day in items)
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{escape(title)}</title><id>urn:test</id><updated>2024-11-05T00:00:00Z"
            f"</updated>{entries}</feed>")


@dataclass
class Loopback:
    """A running loopback server: its base address, the routes and the requests seen."""

    base: str
    routes: dict[str, tuple[str, bytes]]
    requests: list[tuple[float, str, str]] = field(default_factory=list)

    def url(self, path: str) -> str:
        """The full address of ``path`` on this server."""
        return self.base + path


@contextmanager
def loopback_server(routes: dict[str, tuple[str, bytes]]) -> Iterator[Loopback]:
    """Serve ``routes`` from 127.0.0.1 on a free port, in a thread, for the block."""
    server_box: list[Loopback] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            box = server_box[0]
            box.requests.append((time.monotonic(), self.path,
                                 self.headers.get("User-Agent", "")))
            found = box.routes.get(self.path)
            if found is None:
                self.send_error(404)
                return
            kind, body = found
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            return

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    box = Loopback(f"http://127.0.0.1:{httpd.server_address[1]}", routes)
    server_box.append(box)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield box
    finally:
        httpd.shutdown()
        httpd.server_close()
