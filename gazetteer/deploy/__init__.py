"""Serving the dashboard to others: Streamlit behind nginx (``make serve``).

Streamlit sends its JavaScript bundles uncompressed and expects a compressing reverse
proxy in production. :func:`render_nginx_conf` fills ``nginx.conf.in``: gzip for text
responses, a year of ``Cache-Control: immutable`` for Streamlit's content-hashed bundles
under ``/static/`` (and the app's hash-named tables), and the websocket at
``/_stcore/stream`` passed through. :mod:`gazetteer.deploy.serve` starts both servers.

No web library is imported here: this is process and file plumbing only.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from gazetteer.errors import GazetteerError

__all__ = ["NGINX_TEMPLATE", "NginxMissing", "find_nginx", "render_nginx_conf"]

NGINX_TEMPLATE = Path(__file__).resolve().parent / "nginx.conf.in"
_MIME_TYPES = ("/etc/nginx/mime.types",)


class NginxMissing(GazetteerError):
    """nginx is not installed (``make nginx`` installs Debian's package)."""


def find_nginx() -> str:
    """The nginx binary: ``$NGINX``, else ``nginx`` on the PATH, else ``/usr/sbin/nginx``.

    Raises
    ------
    NginxMissing
        None of them exists; the message gives the command that installs it.
    """
    for candidate in (os.environ.get("NGINX"), shutil.which("nginx"), "/usr/sbin/nginx"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    raise NginxMissing("nginx is not installed. Run `make nginx` (as root) or "
                       "`sudo apt-get install -y nginx`, or set NGINX=/path/to/nginx.")


def render_nginx_conf(*, listen: str, upstream: str, run_dir: str | Path,
                      template: str | Path = NGINX_TEMPLATE) -> str:
    """nginx's configuration for one proxy.

    Parameters
    ----------
    listen : str
        nginx's ``listen`` address, e.g. ``8080`` or ``127.0.0.1:8080``.
    upstream : str
        Where Streamlit listens, ``host:port``.
    run_dir : path
        A folder for nginx's pid, logs and temporary files (must exist; readable by
        nginx's workers, which run as ``nobody`` when started by root).
    """
    for name, value in (("listen", listen), ("upstream", upstream)):
        if not value or any(c in value for c in ";{}\n\r\t '\"$#"):
            raise ValueError(f"{name} {value!r} is not an address")
    run = Path(run_dir).resolve()
    if any(c in str(run) for c in ";{}\n\r\t'\"$#"):
        raise ValueError(f"run_dir {run} cannot be written into an nginx configuration")
    mime = next((m for m in _MIME_TYPES if Path(m).is_file()), None)
    if mime is None:
        raise NginxMissing("nginx's mime.types is missing (is Debian's nginx installed?)")
    text = Path(template).read_text(encoding="utf-8")
    user = "user nobody nogroup;" if hasattr(os, "geteuid") and os.geteuid() == 0 else ""
    for key, value in (("RUN_DIR", str(run)), ("LISTEN", listen), ("UPSTREAM", upstream),
                       ("MIME_TYPES", mime), ("USER", user)):
        text = text.replace(f"@@{key}@@", value)
    return text
