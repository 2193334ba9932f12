"""Offline browser assets: Leaflet, jQuery and the boundary GeoJSON served by the app itself.

folium's maps load Leaflet, jQuery, Bootstrap and Font Awesome from public CDNs; offline
those requests fail and, inside streamlit-folium's component (which loads the scripts one
after another), a single failure leaves the map blank without an error. So at start-up
:func:`install_static_assets` copies the files shipped by the ``xstatic-leaflet`` and
``xstatic-jquery`` packages, and ``data/boundaries.geojson``, into the ``static/`` folder
next to ``dashboard.py``, which Streamlit serves at ``/app/static/`` when
``server.enableStaticServing`` is on. Files are copied, not linked: Streamlit refuses
symlinks that leave ``static/``.

:func:`use_local_assets` then points a map's ``default_js``/``default_css`` at those copies
and drops the assets our maps do not use (Bootstrap, Font Awesome, awesome-markers).
streamlit-folium renders the map in an iframe at
``/component/streamlit_folium.st_folium/index.html``, so the relative address
``../../app/static/vendor/...`` (:data:`COMPONENT_STATIC_URL`) reaches the static folder,
also behind a ``server.baseUrlPath``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import folium
import xstatic.pkg.jquery as xs_jquery
import xstatic.pkg.leaflet as xs_leaflet

from gazetteer.settings import BOUNDARIES_GEOJSON, ROOT_DIR

__all__ = [
    "BOUNDARIES_FILE",
    "COMPONENT_STATIC_URL",
    "STATIC_DIR",
    "install_static_assets",
    "use_local_assets",
]


#: Streamlit serves this folder at /app/static/ (the folder next to dashboard.py).
STATIC_DIR = ROOT_DIR / "static"
#: The static folder as seen from streamlit-folium's component iframe.
COMPONENT_STATIC_URL = "../../app/static"
#: The boundary GeoJSON's path under the static folder.
BOUNDARIES_FILE = "data/boundaries.geojson"


_LEAFLET_FILES = ("leaflet.js", "leaflet.css", "images/layers.png", "images/layers-2x.png",
                  "images/marker-icon.png", "images/marker-icon-2x.png",
                  "images/marker-shadow.png")
_JQUERY_FILES = ("jquery.min.js",)


def _sources() -> list[tuple[Path, str]]:
    leaflet = Path(xs_leaflet.BASE_DIR)
    jquery = Path(xs_jquery.BASE_DIR)
    files = [(leaflet / name, f"vendor/leaflet/{name}") for name in _LEAFLET_FILES]
    files += [(jquery / name, f"vendor/jquery/{name}") for name in _JQUERY_FILES]
    return files


def install_static_assets(static_dir: str | Path = STATIC_DIR, *,
                          boundaries: str | Path | None = BOUNDARIES_GEOJSON) -> list[Path]:
    """Copy Leaflet, jQuery and the boundaries into ``static_dir``; return what it holds.

    Parameters
    ----------
    static_dir : str or Path
        The folder Streamlit serves (``static/`` next to ``dashboard.py``).
    boundaries : str or Path, optional
        The boundary GeoJSON to publish as ``data/boundaries.geojson``; skipped when None
        or absent.

    Notes
    -----
    Idempotent and safe when several processes start at once: a file is rewritten only
    when its content differs, through a temporary file and an atomic rename.
    """
    static = Path(static_dir)
    pairs = _sources()
    if boundaries is not None and Path(boundaries).is_file():
        pairs.append((Path(boundaries), BOUNDARIES_FILE))
    written = []
    for src, rel in pairs:
        dest = static / rel
        if not _same(src, dest):
            dest.parent.mkdir(parents=True, exist_ok=True)
            with (tempfile.NamedTemporaryFile(dir=dest.parent, delete=False,
                                              prefix=".tmp-") as tmp,
                  src.open("rb") as handle):
                shutil.copyfileobj(handle, tmp)
            os.chmod(tmp.name, 0o644)
            os.replace(tmp.name, dest)
        written.append(dest)
    return written


def _same(src: Path, dest: Path) -> bool:
    if not dest.is_file() or dest.is_symlink():
        return False
    if src.stat().st_size != dest.stat().st_size:
        return False
    return _digest(src) == _digest(dest)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def use_local_assets(m: folium.Map, *, base_url: str = COMPONENT_STATIC_URL) -> folium.Map:
    """Point a map's JavaScript and CSS at the app's own copies of Leaflet and jQuery.

    Parameters
    ----------
    m : folium.Map
        Changed in place (instance attributes shadow folium's class defaults).
    base_url : str
        Where the static folder is, as seen from the page that renders the map:
        :data:`COMPONENT_STATIC_URL` inside streamlit-folium; a relative ``static`` for a
        saved HTML file next to a copy of the folder.

    Returns
    -------
    folium.Map
        ``m``, for chaining.
    """
    base = base_url.rstrip("/")
    m.default_js = [("leaflet", f"{base}/vendor/leaflet/leaflet.js"),
                    ("jquery", f"{base}/vendor/jquery/jquery.min.js")]
    m.default_css = [("leaflet_css", f"{base}/vendor/leaflet/leaflet.css")]
    return m


def served_static_dir() -> Path:
    """The ``static/`` folder the running Streamlit app serves (next to its main script).

    Falls back to :data:`STATIC_DIR` outside a Streamlit run (tests, scripts).
    """
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        ctx = get_script_run_ctx(suppress_warning=True)
    except ImportError:  # pragma: no cover - streamlit is a dependency
        ctx = None
    script = getattr(ctx, "main_script_path", None)
    return Path(script).resolve().parent / "static" if script else STATIC_DIR


def publish_static(text: str, *, folder: str, suffix: str = ".json",
                   static_dir: str | Path | None = None) -> str:
    """Write generated ``text`` once into the served static folder; return its address.

    The file is named by the text's SHA-256, so equal content is written once and a
    browser may cache it for good. Only the app's own generated ``static/`` folder is
    written (it is git-ignored): never a user's file.

    Returns
    -------
    str
        The address as seen from the map's iframe (``../../app/static/<folder>/<hash>``).
    """
    name = hashlib.sha256(text.encode("utf-8")).hexdigest()[:20] + suffix
    dest = Path(static_dir) if static_dir is not None else served_static_dir()
    dest = dest / folder / name
    if not dest.is_file():
        dest.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=dest.parent,
                                         delete=False, prefix=".tmp-") as tmp:
            tmp.write(text)
        os.chmod(tmp.name, 0o644)
        os.replace(tmp.name, dest)
    return f"{COMPONENT_STATIC_URL}/{folder}/{name}"
