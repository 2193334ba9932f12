"""The package's one exception tree.

Every error raised on purpose descends from :class:`GazetteerError`; each subclass also
inherits the built-in that fits, so callers may catch either (``except LookupError``).
Messages say what went wrong and what to do about it.
"""

from __future__ import annotations


class GazetteerError(Exception):
    """Base class of every error this package raises on purpose."""


class DataFileError(GazetteerError, ValueError):
    """A data file (places, aliases, actors, rules, events) is malformed.

    Raised with the file's path and, where it applies, the 1-based line number, so the
    user can open the file at the right place: ``data/places.csv:42: lat 123.4 is out of
    range [-90, 90]``.
    """

    def __init__(self, path: object, problem: str, *, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")


class PlaceNotFound(GazetteerError, LookupError):
    """A place name matched nothing, even fuzzily. ``suggestions`` holds the closest names."""

    def __init__(self, query: str, suggestions: list[str] | tuple[str, ...] = ()) -> None:
        self.query = query
        self.suggestions = tuple(suggestions)
        hint = f"; closest: {', '.join(self.suggestions)}" if self.suggestions else ""
        super().__init__(f"no place matches {query!r}{hint}")


class AmbiguousPlace(GazetteerError, LookupError):
    """A name fits several places and no region hint settles it.

    ``candidates`` holds the places; pass ``state=``, ``township=`` or ``near=`` to choose.
    """

    def __init__(self, query: str, candidates: list | tuple) -> None:
        self.query = query
        self.candidates = tuple(candidates)
        where = "; ".join(
            f"{p.name} ({p.township} Township, {p.state})" for p in self.candidates
        )
        super().__init__(
            f"{query!r} fits {len(self.candidates)} places: {where}. "
            "Give a state, township or nearby point to choose."
        )


class GeocoderUnavailable(GazetteerError, ConnectionError):
    """An opt-in online fallback geocoder could not be reached (no network, time-out)."""


class ArticleError(GazetteerError, ValueError):
    """An article file cannot be read (named in the message); other articles still load."""


class EventTableError(GazetteerError, ValueError):
    """An event table (ours or an ACLED export) cannot be read at all."""


class StoreError(GazetteerError, RuntimeError):
    """The corpus store cannot be used: the file is corrupt, belongs to another program, was
    made by a newer version, lies inside the repository, or stays locked. The message names
    the file and says what to do; the file itself is never reset or deleted."""


class FetchError(GazetteerError, ConnectionError):
    """An opt-in online fetch (a page or a feed) failed: no network, a refused connection,
    a time-out or an HTTP error. The message names the address."""


class ReviewError(GazetteerError, ValueError):
    """A review decision is not valid (unknown target, missing reason, bad corrected field)."""


class EngineError(GazetteerError, RuntimeError):
    """The distributed engine cannot run a job: no scheduler answers at the address given,
    dask is not installed, or a worker failed (the message names the cause)."""
