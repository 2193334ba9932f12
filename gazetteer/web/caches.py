"""Streamlit's caches around loading, extraction and the model (one per input)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import Any

from gazetteer.sources import load_data
from gazetteer.web.model import Model, Options, _state_cached, build_model
from gazetteer.web.uploads import Upload, extract_upload


@lru_cache(maxsize=1)
def _caches() -> tuple[Any, Any, Any, Any]:
    """Streamlit's caches around the loaders, made on first use (the CLI never needs them).

    Loading and extraction go through ``st.cache_data``; the model built from them is a
    shared ``st.cache_resource`` (one per input for the server's life), so a rerun (a
    slider step) repeats no work and copies no table.
    """
    import streamlit as st

    data = st.cache_data(show_spinner="Reading the articles and extracting events…")(load_data)

    @st.cache_resource(show_spinner="Building the timeline…")
    def model(seeds: str, events: str | None, baseline: str,
              problems: tuple[str, ...]) -> Model:
        options = Options(seeds=Path(seeds), events=Path(events) if events else None,
                          baseline=Path(baseline), problems=problems)
        return build_model(options, data=data(seeds, events))

    @st.cache_resource(show_spinner=False)
    def assets() -> tuple[str, ...]:
        from gazetteer.web.assets import install_static_assets

        return tuple(str(p) for p in install_static_assets())

    # keyed by the upload's name, content and date: the same text is extracted once
    uploads = st.cache_data(show_spinner="Extracting events from the uploaded article…",
                            max_entries=256)(extract_upload)
    return data, model, assets, uploads


def cached_model(options: Options) -> Model:
    """:func:`build_model`, cached per input for the life of the server (see _caches)."""
    return _caches()[1](str(options.seeds), str(options.events) if options.events else None,
                        str(options.baseline), options.problems)


def ensure_static_assets() -> tuple[str, ...]:
    """Copy Leaflet, jQuery and the boundaries into ``static/`` once per server process."""
    return _caches()[2]()


def clear_caches() -> None:
    """Forget loaded data, so the next run reads the files again."""
    data, model, _, uploads = _caches()
    data.clear()
    model.clear()
    uploads.clear()
    _state_cached.cache_clear()


def cached_extract_upload(name: str, raw: bytes, *, published: dt.date | None = None
                          ) -> Upload:
    """:func:`extract_upload`, cached by name, content and publication date."""
    return _caches()[3](name, raw, published=published)
