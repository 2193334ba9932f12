"""Extraction of a large corpus on dask.distributed, written as Parquet.

The job maps the extractor over a folder's articles on a Dask cluster: a
:class:`distributed.LocalCluster` on this machine by default (one worker process per core
asked for, one thread each: extraction is pure Python and holds the interpreter lock), or
an existing cluster when a scheduler address is given. The client lists the folder and
reads ``sources.csv`` (:func:`gazetteer.articles.folder_manifest`); each task then reads a
chunk of articles, extracts them exactly as a single process does
(:func:`gazetteer.articles.load_file`, :func:`gazetteer.extract.extract_article`) and writes
its events as one Parquet part, so rows never travel back through the client. When some
articles have no publication day in ``sources.csv``, a first, lighter round of tasks reads
those to learn the days their own text gives; every task of the extraction round then gets
the folder's days, so that an undated article is dated by its folder
(:func:`gazetteer.articles.date_from_folder`) as :func:`gazetteer.articles.load_folder`
does. The parts,
read in name order, are the single-process event table row for row
(``tests/test_distributed.py`` checks it).

Workers read the articles from the folder's path: with a remote cluster the folder (and the
output folder) must be visible to every worker at the same path, as on a shared disk.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import shutil
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gazetteer.articles import MAX_BYTES, date_from_folder, folder_manifest, load_file
from gazetteer.cleaning import safe_name
from gazetteer.errors import EngineError, GazetteerError
from gazetteer.events import Event, events_frame
from gazetteer.published import iso_day

__all__ = ["DEFAULT_CHUNK", "JobReport", "event_schema", "extract_to_parquet"]

#: Articles per task: large enough that scheduling costs little (a task takes ~1 s),
#: small enough that two workers stay busy to the end of a few thousand articles.
DEFAULT_CHUNK = 64
_PART = "part-{:06d}.parquet"
_ARROW_TYPES = {"str": "string", "float": "float64", "int": "int64", "bool": "bool_"}


@dataclass(frozen=True)
class JobReport:
    """What a distributed extraction did.

    Attributes
    ----------
    out : Path
        The Parquet folder written (one ``part-NNNNNN.parquet`` per task).
    articles_read : int
        Articles read and extracted (skipped files are in ``warnings``).
    by_type : dict
        Event count per event type.
    warnings : list of str
        Every problem met, each naming its file (and line for ``sources.csv``).
    workers : int
        Worker processes of the cluster that ran the job.
    seconds : float
        Wall-clock time of the job, cluster start-up included (seconds).
    startup_seconds : float
        Of which starting the LocalCluster (or connecting to the scheduler), seconds.
    """

    out: Path
    articles_read: int
    by_type: dict[str, int]
    warnings: list[str] = field(default_factory=list)
    workers: int = 0
    seconds: float = 0.0
    startup_seconds: float = 0.0

    @property
    def events(self) -> int:
        """Events written, all types."""
        return sum(self.by_type.values())


def event_schema() -> Any:
    """The Parquet (Arrow) schema of the event table, from :class:`gazetteer.events.Event`:
    every part has it, so parts with no event read back together with the others."""
    import pyarrow as pa

    return pa.schema([(f.name, getattr(pa, _ARROW_TYPES[str(f.type)])())
                      for f in dataclasses.fields(Event)])


def extract_to_parquet(folder: str | Path, out: str | Path, *, scheduler: str | None = None,
                       workers: int = 2, chunk: int = DEFAULT_CHUNK,
                       max_bytes: int = MAX_BYTES, connect_timeout: float = 10.0,
                       overwrite: bool = False) -> JobReport:
    """Extract every article of ``folder`` on a Dask cluster and write Parquet to ``out``.

    Parameters
    ----------
    folder : str or Path
        A folder of ``*.txt`` articles (and ``sources.csv``), as for
        :func:`gazetteer.extract.extract_folder`.
    out : str or Path
        The Parquet folder to write (``events.parquet``); read it back with
        ``pandas.read_parquet`` or :func:`gazetteer.exchange.read_events`.
    scheduler : str, optional
        Address of a running scheduler (``tcp://10.0.0.5:8786``); default: a LocalCluster
        of ``workers`` processes on 127.0.0.1, closed when the job ends.
    workers : int
        Worker processes of the LocalCluster (ignored with ``scheduler``).
    chunk : int
        Articles per task.
    max_bytes : int
        Larger files are skipped with a warning.
    connect_timeout : float
        Seconds to wait for the scheduler at ``scheduler`` before giving up.
    overwrite : bool
        Replace ``out`` when it is a Parquet folder or file this job could have written.

    Raises
    ------
    EngineError
        No scheduler answers at ``scheduler``, ``out`` exists (without ``overwrite``), or a
        worker failed outside the package's own errors.
    ArticleError
        ``folder`` is not a folder.
    """
    started = time.perf_counter()
    entries, warnings = folder_manifest(folder)
    target = _fresh_output(Path(out), overwrite=overwrite)
    tasks = [[(str(path), meta) for path, meta in entries[i:i + chunk]]
             for i in range(0, len(entries), max(1, chunk))] or [[]]
    connecting = time.perf_counter()
    client, cluster = _connect(scheduler, workers=workers, timeout=connect_timeout)
    startup = time.perf_counter() - connecting
    try:
        n_workers = len(client.scheduler_info().get("workers", {}))
        days = _folder_days(client, entries, chunk=chunk, max_bytes=max_bytes)
        futures = client.map(_extract_chunk, range(len(tasks)), tasks, out=str(target),
                             max_bytes=max_bytes, days=days, today=dt.date.today(),
                             pure=False)
        results = client.gather(futures)
    except GazetteerError:
        raise
    except Exception as err:
        raise EngineError(f"the Dask job failed: {type(err).__name__}: {err}") from err
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    by_type: Counter[str] = Counter()
    read = 0
    for result in results:
        read += result["read"]
        by_type.update(result["by_type"])
        warnings.extend(result["warnings"])
    return JobReport(out=target, articles_read=read, by_type=dict(sorted(by_type.items())),
                     warnings=warnings, workers=n_workers,
                     seconds=time.perf_counter() - started, startup_seconds=startup)


def _fresh_output(out: Path, *, overwrite: bool) -> Path:
    """``out`` made ready for new parts: created, or emptied of an earlier job's parts."""
    if out.exists():
        if not overwrite:
            raise EngineError(f"{out} exists; pass overwrite (--force) to replace it")
        if out.is_dir():
            strays = [p.name for p in out.iterdir() if p.suffix != ".parquet"]
            if strays:
                raise EngineError(f"{out} holds files other than Parquet parts "
                                  f"({', '.join(sorted(strays)[:3])}); not replaced")
            shutil.rmtree(out)
        elif out.suffix == ".parquet":
            out.unlink()
        else:
            raise EngineError(f"{out} is not a Parquet file or folder; not replaced")
    out.mkdir(parents=True)
    return out


def _connect(scheduler: str | None, *, workers: int, timeout: float) -> tuple[Any, Any]:
    """(client, cluster): a LocalCluster on 127.0.0.1, or a client of ``scheduler``."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as err:
        raise EngineError(f"dask.distributed is not installed ({err}); run make test "
                          "or pip install 'dask[distributed]'") from err
    if scheduler:
        try:
            return Client(scheduler, timeout=f"{timeout}s"), None
        except (OSError, TimeoutError, ValueError) as err:
            raise EngineError(f"no Dask scheduler answers at {scheduler} within "
                              f"{timeout:g} s ({err})") from err
    cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                           host="127.0.0.1", dashboard_address=None,
                           silence_logs=logging.ERROR)
    return Client(cluster), cluster


def _folder_days(client: Any, entries: Sequence[tuple[Path, dict[str, str]]], *, chunk: int,
                 max_bytes: int) -> list[tuple[str, dt.date]]:
    """The folder's ``(article, publication day)`` pairs: from ``sources.csv`` where it
    gives a day, else read on the workers (only when some entry lacks one). A file that
    ``sources.csv`` dates counts even if it later proves unreadable."""
    days: list[tuple[str, dt.date]] = []
    unread: list[tuple[str, dict[str, str]]] = []
    for path, meta in entries:
        day = iso_day(meta.get("published", ""))
        if day is None:
            unread.append((str(path), meta))
        else:
            days.append((safe_name(path.name), day))
    if len(unread) > 1 or (unread and days):  # an article alone cannot date itself
        step = max(1, chunk)
        rounds = [unread[i:i + step] for i in range(0, len(unread), step)]
        for found in client.gather(client.map(_read_days, rounds, max_bytes=max_bytes,
                                              pure=False)):
            days.extend(found)
    return days


def _read_days(entries: Sequence[tuple[str, dict[str, str]]], *,
               max_bytes: int) -> list[tuple[str, dt.date]]:
    """One task of the first round: the publication days these articles' texts give."""
    days = []
    for path, meta in entries:
        article, _ = load_file(path, meta, max_bytes=max_bytes)
        if article is not None and article.published is not None:
            days.append((article.file, article.published))
    return days


def _extract_chunk(index: int, entries: Sequence[tuple[str, dict[str, str]]], *, out: str,
                   max_bytes: int, days: Sequence[tuple[str, dt.date]],
                   today: dt.date) -> dict[str, Any]:
    """One task, on a worker: read and extract ``entries``, write part ``index``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from gazetteer.extract import extract_article

    events: list[Event] = []
    warnings: list[str] = []
    read = 0
    for path, meta in entries:
        article, notes = load_file(path, meta, max_bytes=max_bytes)
        if article is None:
            warnings.extend(notes)
            continue
        article = date_from_folder(article, days, today=today)
        warnings.extend(article.warnings)
        read += 1
        try:
            events.extend(extract_article(article))
        except GazetteerError as err:
            warnings.append(f"{article.file}: not extracted ({err})")
    frame = events_frame(events)
    table = pa.Table.from_pandas(frame, schema=event_schema(), preserve_index=False)
    pq.write_table(table, Path(out) / _PART.format(index))
    return {"read": read, "by_type": dict(Counter(frame["event_type"])),
            "warnings": warnings}
