"""The dashboard behind nginx (``make serve``): compression, cache headers, and the page with
its websocket working through the proxy. nginx and Streamlit run on free loopback ports;
nginx comes from Debian (``make nginx``): without it these tests fail, saying how to
install it."""

from __future__ import annotations

import gzip
import re
import socket
import urllib.request
from collections.abc import Iterator

import pytest

from gazetteer.deploy import NginxMissing, find_nginx, render_nginx_conf
from gazetteer.deploy.serve import Proxy

pytestmark = pytest.mark.browser


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, *, gzip_ok: bool = True) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok
                                     else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, {k.lower(): v for k, v in response.headers.items()}, \
            response.read()


@pytest.fixture(scope="module")
def proxy(tmp_path_factory) -> Iterator[Proxy]:
    try:
        find_nginx()
    except NginxMissing as err:
        pytest.fail(str(err), pytrace=False)
    server = Proxy(port=_free_port(), streamlit_port=_free_port(),
                   run_dir=tmp_path_factory.mktemp("serve"))
    try:
        server.start()
    except Exception:
        server.stop(keep_logs=True)
        raise
    yield server
    server.stop()
    assert server.nginx.poll() is not None and server.streamlit.poll() is not None


def test_rendered_config_refuses_values_that_would_break_out():
    with pytest.raises(ValueError):
        render_nginx_conf(listen="8080; include /etc/passwd", upstream="127.0.0.1:1",
                          run_dir="/tmp")
    text = render_nginx_conf(listen="127.0.0.1:9", upstream="127.0.0.1:1", run_dir="/tmp")
    assert "listen 127.0.0.1:9;" in text and "@@" not in text


def test_text_is_compressed_and_hashed_bundles_are_immutable(proxy):
    status, headers, body = get(proxy.url + "/")
    assert status == 200 and headers.get("content-encoding") == "gzip"
    page = gzip.decompress(body).decode()
    assert "immutable" not in headers.get("cache-control", "")       # the page revalidates
    bundle = re.search(r'src="\./(static/js/[^"]+\.js)"', page).group(1)
    status, headers, body = get(f"{proxy.url}/{bundle}")
    assert headers.get("content-encoding") == "gzip"
    assert "accept-encoding" in headers.get("vary", "").lower()
    cache = headers.get("cache-control", "")
    assert "immutable" in cache and "max-age=31536000" in cache
    plain = get(f"{proxy.url}/{bundle}", gzip_ok=False)[2]             # same bytes, smaller
    assert gzip.decompress(body) == plain and len(body) < len(plain) / 2
    direct = get(f"http://127.0.0.1:{proxy.streamlit_port}/{bundle}")[1]
    assert "content-encoding" not in direct                            # Streamlit: plain


def test_the_page_loads_and_steps_through_the_proxy(page, proxy):
    sockets: list[str] = []
    page.on("websocket", lambda ws: sockets.append(ws.url))
    page.goto(f"{proxy.url}/?date=2024-11-19")
    frame = None
    for _ in range(600):
        frame = next((f for f in page.frames if "streamlit_folium" in f.url), None)
        if frame is not None and frame.evaluate(
                "() => document.querySelectorAll('path.kcm-marker').length") > 0:
            break
        page.wait_for_timeout(50)
    else:
        raise AssertionError("the map never drew its markers through the proxy")
    page.locator(".st-key-date input[type=range]").focus()
    page.keyboard.press("ArrowRight")                        # a rerun over the websocket
    page.get_by_text("Control on 2024-11-20", exact=True).wait_for(timeout=15_000)
    assert all(u.startswith(proxy.url) for u in page.requests if u.startswith("http"))
    assert sockets == [f"ws://127.0.0.1:{proxy.port}/_stcore/stream"]
    assert page.errors == []
