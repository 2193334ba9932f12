"""Villages and wards (MIMU Place Codes 9.6, ``data/villages.csv``) and where a mention is.

The table is built by ``data/build/build_villages.py`` from the ``mm-geo-coder`` package
(see ``data/SOURCES.md``). Columns: ``pcode, kind (v village | w ward), name, parent
(village tract, or town for a ward), township, state, lat, lon (WGS84 decimal degrees),
basis``. ``basis`` says where the point comes from: ``mimu`` (MIMU's coordinate, cited as
sourced), ``tract`` (MIMU gives none: the mean of the located villages of the village
tract), ``town:<Pcode>`` (at that MIMU town, normally the township seat) or ``township``
(the mean of the township's located villages); all but ``mimu`` are ``approximate``.

Village names repeat by the hundred ("Ywar Thit" 112 times in the five states kept), so a
name alone never places a village: :meth:`VillageIndex.resolve` answers only when the
township, the village tract or a distance to other places the article names leaves one
place, and otherwise returns None. Names match by :func:`~gazetteer.places.spelling_key`
(so "Tar Ma Khan" finds MIMU's "Tar Ma Hkan").
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import fields
from functools import lru_cache
from pathlib import Path
from typing import overload

from gazetteer.errors import DataFileError
from gazetteer.places import Place, haversine_km, spelling_key
from gazetteer.settings import VILLAGES_CSV

__all__ = ["VILLAGE_COLUMNS", "VillageIndex", "load_villages"]

VILLAGE_COLUMNS = ("pcode", "kind", "name", "parent", "township", "state", "lat", "lon",
                   "basis")
SOURCE = "MIMU Place Codes 9.6 (via mm-geo-coder 0.2.1)"
#: Candidates left that all lie within this many km of each other are one place.
SAME_PLACE_KM = 1.0
_KINDS = {"v": "village", "w": "ward"}
_PAREN = re.compile(r"\(([^)]*)\)")
_WARD = re.compile(r"\s+ward$", re.IGNORECASE)


def _coord_source(pcode: str, kind: str, parent: str, basis: str) -> tuple[str, str]:
    """``(coord_basis, coord_source)`` for a row's ``basis`` code; ValueError if unknown."""
    what = f"{kind} {pcode}"
    if basis == "mimu":
        return "sourced", f"{SOURCE}, {what}"
    why = f"{SOURCE} gives {what} no coordinate"
    if basis.startswith("rejected>"):
        basis = basis.removeprefix("rejected>")
        why = (f"{SOURCE} puts {what} far outside its state, so that point was discarded "
               "(no coordinate)")
    if basis == "tract":
        return "approximate", (f"{why}; placed at the mean of the located villages of its "
                               f"village tract {parent}")
    if basis.startswith("town:") and len(basis) > 5:
        return "approximate", f"{why}; placed at MIMU town {basis[5:]}"
    if basis == "township":
        return "approximate", (f"{why}; placed at the mean of the located villages of its "
                               "township")
    raise ValueError(basis)


def _row_place(path: Path, line: int, row: dict[str, str],
               districts: Mapping[str, str]) -> tuple[Place, str]:
    name, kind = (row.get("name") or "").strip(), (row.get("kind") or "").strip()
    if not name:
        raise DataFileError(path, "empty name", line=line)
    if kind not in _KINDS:
        raise DataFileError(path, f"{name}: kind must be 'v' or 'w', not {kind!r}", line=line)
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
    except (TypeError, ValueError):
        raise DataFileError(path, f"{name}: lat/lon {row.get('lat')!r}, {row.get('lon')!r} "
                                  "are not numbers", line=line) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or math.isnan(lat + lon):
        raise DataFileError(path, f"{name}: ({lat}, {lon}) is out of range", line=line)
    pcode, parent = row["pcode"].strip(), (row.get("parent") or "").strip()
    try:
        basis, source = _coord_source(pcode, _KINDS[kind], parent, row["basis"].strip())
    except ValueError:
        raise DataFileError(path, f"{name}: unknown basis {row['basis']!r} (mimu, tract, "
                                  "town:<Pcode>, township)", line=line) from None
    township = (row.get("township") or "").strip()
    return Place(name=name, aliases=(), lat=lat, lon=lon, kind=_KINDS[kind],
                 township=township, district=districts.get(township, ""),
                 state=(row.get("state") or "").strip(), pcode=pcode, coord_basis=basis,
                 coord_source=source), parent


def load_villages(path: str | Path = VILLAGES_CSV, *,
                  districts: Mapping[str, str] | None = None
                  ) -> tuple[tuple[Place, ...], tuple[str, ...]]:
    """Read and check the village table.

    Parameters
    ----------
    path : str or Path
        ``data/villages.csv`` or a table with its columns.
    districts : mapping, optional
        Township name -> district name, to fill :attr:`Place.district`.

    Returns
    -------
    (places, parents)
        One :class:`~gazetteer.places.Place` per row (``kind`` "village" or "ward") and,
        aligned with it, each row's village tract (or town, for a ward).

    Raises
    ------
    DataFileError
        Naming the file and line: a missing column, an empty name, an unknown kind or
        basis, a coordinate that is not a number or out of range, a Pcode seen twice.
    """
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as err:
        raise DataFileError(path, f"cannot read the village table ({err.strerror})") from err
    places: list[Place] = []
    parents: list[str] = []
    seen: dict[str, int] = {}
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in VILLAGE_COLUMNS if c not in (reader.fieldnames or ())]
        if missing:
            raise DataFileError(path, f"missing column(s): {', '.join(missing)}", line=1)
        for row in reader:
            place, parent = _row_place(path, reader.line_num, row, districts or {})
            if place.pcode in seen:
                raise DataFileError(path, f"Pcode {place.pcode} appears twice (first on "
                                          f"line {seen[place.pcode]})", line=reader.line_num)
            seen[place.pcode] = reader.line_num
            places.append(place)
            parents.append(parent)
    return tuple(places), tuple(parents)


def name_forms(name: str) -> set[str]:
    """The forms a MIMU village or ward name is found by: as written, without its
    parenthesis, each parenthesised alternative, and a ward without the word "Ward"."""
    forms = {name, _PAREN.sub(" ", name), *_PAREN.findall(name)}
    forms |= {_WARD.sub("", f.strip()) for f in forms}
    return {" ".join(f.split()) for f in forms if f.strip()}


@lru_cache(maxsize=131_072)
def _area_keys(name: str) -> tuple[str, ...]:
    """The spelling keys of ``name``'s forms, sorted: a tuple of strings, which the
    garbage collector stops tracking (the table holds some 60,000 of them)."""
    return tuple(sorted({spelling_key(f) for f in name_forms(name)} - {""}))


_PLACE_FIELDS = tuple(f.name for f in fields(Place))
_LAT, _LON, _BASIS = (_PLACE_FIELDS.index(f) for f in ("lat", "lon", "coord_basis"))


class _PlaceRows(Sequence[Place]):
    """The table's places kept as plain tuples of strings and numbers, which the garbage
    collector stops tracking (some 29,000 :class:`Place` objects would be scanned by every
    full collection of a process), each made a :class:`Place` when read."""

    __slots__ = ("_rows",)

    def __init__(self, places: Sequence[Place]) -> None:
        self._rows = tuple(tuple(getattr(p, f) for f in _PLACE_FIELDS) for p in places)

    def __len__(self) -> int:
        return len(self._rows)

    def point(self, i: int) -> tuple[float, float]:
        """``(lat, lon)`` of place ``i``, without making the :class:`Place`."""
        row = self._rows[i]
        return (row[_LAT], row[_LON])

    def sourced(self, i: int) -> bool:
        """Whether place ``i``'s coordinates are sourced (not approximate)."""
        return self._rows[i][_BASIS] == "sourced"

    @overload
    def __getitem__(self, i: int) -> Place: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[Place, ...]: ...

    def __getitem__(self, i: int | slice) -> Place | tuple[Place, ...]:
        if isinstance(i, slice):
            return tuple(Place(*row) for row in self._rows[i])
        return Place(*self._rows[i])


class VillageIndex:
    """Villages and wards by name, resolved only where the context settles them."""

    def __init__(self, places: Sequence[Place], parents: Sequence[str]) -> None:
        self.places = _PlaceRows(places)
        self.parents = tuple(parents)
        by_key: dict[str, list[int]] = {}
        for i, place in enumerate(self.places):
            for key in _area_keys(place.name):
                by_key.setdefault(key, []).append(i)
        #: tuples of ints, not lists: nothing for the garbage collector to scan
        self._by_key: dict[str, tuple[int, ...]] = {k: tuple(v) for k, v in by_key.items()}
        self._township_keys = tuple(_area_keys(p.township) for p in self.places)
        self._parent_keys = tuple(_area_keys(p) for p in self.parents)

    @classmethod
    def load(cls, path: str | Path = VILLAGES_CSV, *,
             districts: Mapping[str, str] | None = None) -> VillageIndex:
        """The index of a village table (see :func:`load_villages`)."""
        return cls(*load_villages(path, districts=districts))

    def __len__(self) -> int:
        return len(self.places)

    def by_pcode(self, pcode: str) -> Place | None:
        """The village or ward with this MIMU Pcode, or None."""
        if not hasattr(self, "_pcodes"):
            self._pcodes = {p.pcode: i for i, p in enumerate(self.places)}
        i = self._pcodes.get(pcode.strip())
        return None if i is None else self.places[i]

    def _indices(self, name: str) -> list[int]:
        keys = _area_keys(name)
        if len(keys) == 1:
            return list(self._by_key.get(keys[0], ()))
        found: dict[int, None] = {}
        for key in keys:
            found.update(dict.fromkeys(self._by_key.get(key, ())))
        return sorted(found)

    def candidates(self, name: str) -> tuple[Place, ...]:
        """Every village or ward ``name`` may be (any spelling variant), table order."""
        return tuple(self.places[i] for i in self._indices(name))

    def resolve(self, name: str, *, township: str | None = None, tract: str | None = None,
                near: tuple[float, float] | Iterable[tuple[float, float]] | None = None,
                max_km: float = 25.0) -> Place | None:
        """The one village or ward the context leaves for ``name``, else None.

        Parameters
        ----------
        name : str
            The name as the article writes it ("Tar Ma Khan", "Lu Pi village").
        township, tract : str, optional
            Township and village tract (or town, for a ward) the article puts it in.
        near : (lat, lon) or iterable of them, optional
            Points in decimal degrees (the article's other places): a candidate must lie
            within ``max_km`` kilometres of one of them.
        max_km : float
            Radius for ``near``, in kilometres.

        Returns
        -------
        Place or None
            None when no context is given, nothing matches, or more than one place
            remains (candidates all within :data:`SAME_PLACE_KM` of each other count as
            one: the first with MIMU's own coordinate is returned). Never a guess.
        """
        if township is None and tract is None and near is None:
            return None
        pool = self._indices(_WARD.sub("", re.sub(r"\s+village$", "", name.strip(),
                                                  flags=re.IGNORECASE)))
        if township:
            keys = frozenset(_area_keys(township))
            pool = [i for i in pool if not keys.isdisjoint(self._township_keys[i])]
        if tract:
            keys = frozenset(_area_keys(tract))
            pool = [i for i in pool if not keys.isdisjoint(self._parent_keys[i])]
        if near is not None:
            points = [near] if _is_point(near) else list(near)  # type: ignore[list-item]
            pool = [i for i in pool if any(haversine_km(self.places.point(i), p) <= max_km
                                           for p in points)]
        return self._settled(pool)

    def _settled(self, pool: list[int]) -> Place | None:
        if not pool:
            return None
        points = [self.places.point(i) for i in pool]
        if any(haversine_km(a, b) > SAME_PLACE_KM for n, a in enumerate(points)
               for b in points[n + 1:]):
            return None
        sourced = [i for i in pool if self.places.sourced(i)]
        return self.places[sourced[0] if sourced else pool[0]]


def _is_point(value: object) -> bool:
    return (isinstance(value, tuple) and len(value) == 2
            and all(isinstance(v, int | float) for v in value))
