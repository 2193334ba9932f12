"""Streamlit's caches around loading, extraction and the model (one per input)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

from gazetteer.errors import GazetteerError
from gazetteer.events import empty_events
from gazetteer.ingest import open_store
from gazetteer.sources import LoadedData, load_data
from gazetteer.store import Store
from gazetteer.web.model import Model, Options, _state_cached, build_model
from gazetteer.web.uploads import Upload, extract_upload_isolated


@lru_cache(maxsize=1)
def _caches() -> SimpleNamespace:
    """Streamlit's caches around the loaders, made on first use (the CLI never needs them).

    Loading and extraction go through ``st.cache_data``; the model built from them is a
    shared ``st.cache_resource`` (one per input for the server's life), so a rerun (a
    slider step) repeats no work and copies no table. A corpus store is opened once per
    process; its model is cached per store revision, so a decision or an added article
    is on the map at the next full run of any session.
    """
    import streamlit as st

    data = st.cache_data(show_spinner="Reading the articles and extracting events…")(load_data)

    @st.cache_resource(show_spinner="Building the timeline…")
    def model(seeds: str, events: str | None, baseline: str,
              problems: tuple[str, ...]) -> Model:
        options = Options(seeds=Path(seeds), events=Path(events) if events else None,
                          baseline=Path(baseline), problems=problems)
        return build_model(options, data=data(seeds, events))

    @st.cache_resource(show_spinner="Opening the corpus store…")
    def store(db: str, seeds: str) -> Store:
        return open_store(db, seeds=seeds)

    @st.cache_resource(show_spinner="Reading the corpus store…", max_entries=4)
    def store_model(db: str, revision: int, reviewed_only: bool, baseline: str,
                    problems: tuple[str, ...]) -> Model:
        options = Options(db=Path(db), baseline=Path(baseline), problems=problems)
        return build_model(options, reviewed_only=reviewed_only)

    @st.cache_resource(show_spinner=False)
    def assets() -> tuple[str, ...]:
        from gazetteer.web.assets import install_static_assets

        return tuple(str(p) for p in install_static_assets())

    # keyed by the upload's name, content and date: the same text is extracted once, in
    # a worker process with a time limit (no upload can hold the server's other sessions)
    uploads = st.cache_data(show_spinner="Extracting events from the uploaded article…",
                            max_entries=256)(extract_upload_isolated)
    return SimpleNamespace(data=data, model=model, store=store, store_model=store_model,
                           assets=assets, uploads=uploads)


def cached_model(options: Options, *, reviewed_only: bool = False) -> Model:
    """:func:`build_model`, cached per input for the life of the server (see _caches).

    For a corpus store, per store revision and ``reviewed_only``; a store that cannot be
    opened gives a model whose ``data.errors`` says why (naming the file).
    """
    caches = _caches()
    if options.db is None:
        return caches.model(str(options.seeds), str(options.events) if options.events
                            else None, str(options.baseline), options.problems)
    try:
        revision = cached_store(options).revision()
    except GazetteerError as err:
        return build_model(options, data=LoadedData(events=empty_events(), errors=[str(err)]))
    return caches.store_model(str(options.db), revision, reviewed_only, str(options.baseline),
                              options.problems)


def cached_store(options: Options) -> Store:
    """The corpus store of ``options`` (created with the seeds on first start), opened
    once per server process.

    Raises
    ------
    StoreError
        The file is corrupt, another program's, of a newer schema, or in the repository.
    """
    return _caches().store(str(options.db), str(options.seeds))


def ensure_static_assets() -> tuple[str, ...]:
    """Copy Leaflet, the label placer and the boundaries into ``static/`` once per server
    process."""
    return _caches().assets()


def clear_caches() -> None:
    """Forget loaded data, so the next run reads the files again."""
    caches = _caches()
    for cache in (caches.data, caches.model, caches.store_model, caches.uploads):
        cache.clear()
    _state_cached.cache_clear()


def cached_extract_upload(name: str, raw: bytes, *, published: dt.date | None = None
                          ) -> Upload:
    """:func:`extract_upload`, cached by name, content and publication date."""
    return _caches().uploads(name, raw, published=published)
