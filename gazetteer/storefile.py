"""The store file itself: where it lives, how it is opened, and its schema upgrades.

:mod:`gazetteer.store` keeps what is in the file; this module keeps the file. ``PRAGMA
application_id`` marks it as ours (:data:`APPLICATION_ID`) and ``PRAGMA user_version`` holds
the schema version; :func:`open_connection` applies the forward migrations of
:data:`MIGRATIONS` in order after copying the file aside (``NAME.schemaN.bak``), and refuses,
naming the file, another program's database, a newer schema or a damaged file.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from gazetteer.errors import StoreError
from gazetteer.settings import PACKAGE_DIR, ROOT_DIR

__all__ = ["APPLICATION_ID", "BUSY_TIMEOUT_S", "DB_ENV", "MIGRATIONS", "SCHEMA_VERSION",
           "default_path", "inside_repository", "open_connection", "store_error"]

#: Marks the file as this program's store ("KCMS" in ASCII), so a foreign file is told apart.
APPLICATION_ID = 0x4B434D53
#: Environment variable naming the store file when ``--db`` is not given.
DB_ENV = "KACHIN_MAP_DB"
#: Seconds a writer waits for another writer's lock before giving up with a clear error.
BUSY_TIMEOUT_S = 10.0

#: Forward migrations, one SQL file each (``gazetteer/migrations/NNNN_*.sql``):
#: ``MIGRATIONS[n - 1]`` takes a file from schema ``n - 1`` to ``n``.
MIGRATIONS: list[str] = [p.read_text(encoding="utf-8")
                         for p in sorted((PACKAGE_DIR / "migrations").glob("[0-9]*.sql"))]
#: The schema this program writes.
SCHEMA_VERSION = len(MIGRATIONS)


def default_path(explicit: str | Path | None = None) -> Path:
    """Where the store lives: ``explicit`` (``--db``), else ``$KACHIN_MAP_DB``, else
    ``corpus.sqlite3`` in the per-user data folder (``~/.local/share/kachin-control-map``
    on Linux)."""
    if explicit:
        return Path(explicit).expanduser()
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV]).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("kachin-control-map", appauthor=False)) \
        / "corpus.sqlite3"


def inside_repository(path: Path) -> bool:
    """True when ``path`` lies inside the project's git checkout."""
    if not (ROOT_DIR / ".git").exists():
        return False
    try:
        path.resolve().relative_to(ROOT_DIR.resolve())
    except ValueError:
        return False
    return True


def open_connection(path: Path, *, busy_timeout: float = BUSY_TIMEOUT_S) -> sqlite3.Connection:
    """A connection to the store file ``path`` in autocommit mode, its schema checked and
    brought up to :data:`SCHEMA_VERSION` (the file copied aside first), WAL on.

    Raises
    ------
    StoreError
        The file cannot be opened, is corrupt, another program's database or of a newer
        schema; it is left as it is.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        con = sqlite3.connect(path, timeout=busy_timeout, isolation_level=None,
                              check_same_thread=False)
    except (OSError, sqlite3.Error) as err:
        raise StoreError(f"{path}: cannot open the corpus store ({err})") from err
    try:
        con.execute(f"PRAGMA busy_timeout = {int(busy_timeout * 1000)}")
        _check_and_migrate(path, con)
        con.execute("PRAGMA journal_mode = WAL")
        con.execute("PRAGMA foreign_keys = ON")
        con.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.DatabaseError as err:
        con.close()
        raise store_error(path, err) from err
    except StoreError:
        con.close()
        raise
    return con


def _check_and_migrate(path: Path, con: sqlite3.Connection) -> None:
    app_id = con.execute("PRAGMA application_id").fetchone()[0]
    version = con.execute("PRAGMA user_version").fetchone()[0]
    tables = [r[0] for r in con.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    if app_id != APPLICATION_ID and (app_id != 0 or version != 0 or tables):
        shown = ", ".join(tables[:6]) + (", ..." if len(tables) > 6 else "")
        raise StoreError(
            f"{path}: an SQLite database of another program (tables: "
            f"{shown or 'none'}), not a corpus store; it was left as it is. Give "
            f"another path with --db or ${DB_ENV}")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{path}: made by a newer version of this program (schema {version}; "
            f"this one knows up to {SCHEMA_VERSION}). Upgrade the program; the file "
            "was left as it is")
    if version < SCHEMA_VERSION and version > 0:
        _backup(path, con, version)
    for step in range(version, SCHEMA_VERSION):
        con.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(MIGRATIONS[step]):
                con.execute(statement)
            con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            con.execute(f"PRAGMA user_version = {step + 1}")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise


def _backup(path: Path, con: sqlite3.Connection, version: int) -> None:
    target = path.with_name(f"{path.name}.schema{version}.bak")
    try:
        with sqlite3.connect(target) as copy:
            con.backup(copy)
        copy.close()
    except (OSError, sqlite3.Error) as err:
        raise StoreError(f"{path}: cannot copy the store aside to {target} before "
                         f"upgrading it ({err}); nothing was changed") from err


def store_error(path: Path, err: Exception) -> StoreError:
    """The :class:`StoreError` a user can act on for an SQLite error met on ``path``."""
    text = str(err)
    if isinstance(err, sqlite3.IntegrityError):
        return StoreError(f"{path}: cannot store this ({text}); nothing of it was "
                          "written")
    if "locked" in text or "busy" in text:
        return StoreError(f"{path}: the corpus store stayed locked by another "
                          f"program ({text}); try again")
    return StoreError(
        f"{path}: not a readable corpus store ({text}). The file may be damaged "
        "or not a database; it was left as it is. Restore a copy or give another path "
        f"with --db or ${DB_ENV}")


def _statements(script: str) -> list[str]:
    lines = [line for line in script.splitlines() if not line.lstrip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
