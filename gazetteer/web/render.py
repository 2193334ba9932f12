"""Rendering plumbing of the web wing: templates, escaping, and verbatim layer scripts.

Every value from the data reaches HTML through :func:`escape_text` (or an autoescaping
Jinja template from :data:`page_templates`) and JavaScript through :func:`js_json` (both
from :mod:`gazetteer.escaping`, shared with the map file).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import cache
from typing import Any

import jinja2
import pandas as pd
from branca.element import Element
from folium.elements import ElementAddToElement
from folium.template import Template

from gazetteer.escaping import escape_text, js_json  # noqa: F401 (re-exported)
from gazetteer.settings import PACKAGE_DIR

TEMPLATES_DIR = PACKAGE_DIR / "web" / "templates"


#: Jinja environment of the page's HTML templates (autoescaped, strict).
page_templates = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(TEMPLATES_DIR)),
    autoescape=jinja2.select_autoescape(["html"], default_for_string=True),
    undefined=jinja2.StrictUndefined,
)


@cache
def _template(name: str) -> Template:
    text = (TEMPLATES_DIR / name).read_text(encoding="utf-8")
    if _HELPERS_MARK in text:
        helpers = (TEMPLATES_DIR / "layer_helpers.js").read_text(encoding="utf-8")
        text = text.replace(_HELPERS_MARK, helpers)
    return Template(text)


_HELPERS_MARK = "    /* kcm:layer-helpers */\n"


def records(frame: pd.DataFrame, fields: tuple[str, ...]) -> list[dict[str, Any]]:
    """Rows as dicts of the given columns (those present): faster than ``to_dict``."""
    cols = [f for f in fields if f in frame.columns]
    values = [frame[c].tolist() for c in cols]
    return [dict(zip(cols, row, strict=True)) for row in zip(*values, strict=True)]


class _VerbatimScript(Element):
    """A layer's rendered script, kept as text.

    folium wraps each rendered script in a new ``Element`` whose template is that text,
    so Jinja compiles it again: slow for a large payload, and data that looked like a
    Jinja tag would break or change the page.
    """

    _template = Template("{{ this.text }}")

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text


class _RendersVerbatim:
    """Mixin for our layers: folium's ``Layer.render`` with the script kept as text."""

    def render(self, **kwargs: Any) -> None:
        if self.show:
            self.add_child(ElementAddToElement(element_name=self.get_name(),
                                               element_parent_name=self._parent.get_name()),
                           name=self.get_name() + "_add")
        script = self._template.module.__dict__["script"](self, kwargs)
        self.get_root().script.add_child(_VerbatimScript(script), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)


class _Interner:
    """Values numbered in order of first use: the shared tables of a day's payload."""

    def __init__(self, make: Callable[..., Any]) -> None:
        self.values: list[Any] = []
        self._make = make
        self._index: dict[tuple[Any, ...], int] = {}

    def __call__(self, *key: Any) -> int:
        """The index of ``make(*key)``, made on first use."""
        if key not in self._index:
            self._index[key] = len(self.values)
            self.values.append(self._make(*key))
        return self._index[key]


#: Stand-ins for the holes of a tooltip template (escape_text keeps control characters, so
#: they survive it; the page fills in the escaped place name and date).
_PLACE_HOLE, _DATE_HOLE = "\x00", "\x01"


def _tip_pieces(tip: str) -> list[str]:
    """A tooltip made with the stand-ins, as ``[before place, between, after date]``."""
    before, _, rest = tip.partition(_PLACE_HOLE)
    between, _, after = rest.partition(_DATE_HOLE)
    return [before, between, after]


def _fill_tip(pieces: list[str], place: str, date: str = "") -> str:
    """The tooltip of ``pieces`` for ``place``, as the page builds it (``date`` escaped)."""
    return f"{pieces[0]}{escape_text(place)}{pieces[1]}{date}{pieces[2]}"


def _key(js: str) -> str:
    return hashlib.sha256(js.encode("utf-8")).hexdigest()[:16]

