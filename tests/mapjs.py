"""Read the data a layer's script hands to the page: the JSON arguments of its call."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from gazetteer._assets import served_static_dir
from gazetteer.mapview import expand_markers


def call_args(js: str, group: str) -> list[Any]:
    """The JSON arguments after ``group`` in ``})(group, ARG, ...);`` of a layer script."""
    head = f"}})({group}, "
    pos = js.index(head) + len(head)
    decoder, args = json.JSONDecoder(), []
    while True:
        value, pos = decoder.raw_decode(js, pos)
        args.append(value)
        rest = js[pos:].lstrip()
        if not rest.startswith(","):
            return args
        pos = len(js) - len(rest) + 1
        pos += len(js[pos:]) - len(js[pos:].lstrip())


def static_json(url: str) -> Any:
    """A file the page fetches from the app's static folder (publish_static's address)."""
    folder, name = url.rsplit("/", 2)[-2:]
    return json.loads(Path(served_static_dir(), folder, name).read_text(encoding="utf-8"))


def status_markers(js: str, group: str = "feature_group_feature_group_0") -> list[dict]:
    """The markers a StatusLayer script draws (mapview.expand_markers of its arguments)."""
    sites, url, day = call_args(js, group)[:3]
    return expand_markers(sites if sites is not None else static_json(url), day)
