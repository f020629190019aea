"""Engine, sessions and migrations. SQLite (WAL) by default; any SQLAlchemy URL works.

Opening a store always brings its schema to the newest migration, under a lock so that two
reviewers starting at once do not race. Migrations only ever add; a past round's data is never
dropped.
"""

from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, SQLAlchemyError
from sqlmodel import Session

from webaudit.errors import StoreError
from webaudit.store.retry import first_line, is_transient, unavailable

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
_PG_MIGRATION_LOCK = 0x77656261  # 'weba': advisory lock id held while migrating


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Transactions are begun by _sqlite_begin below, not by the driver, so that a writer can
    # take the write lock up front (BEGIN IMMEDIATE) instead of failing half-way.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable across process kills
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(connection: Any) -> None:
    mode = "IMMEDIATE" if connection.get_execution_options().get("webaudit_write") else "DEFERRED"
    connection.exec_driver_sql(f"BEGIN {mode}")


def create_store_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise StoreError(f"ogiltig databasadress: {url}") from error
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    if backend == "postgresql":
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        return create_engine(parsed, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    raise StoreError(f"databastypen '{backend}' stöds inte (använd sqlite:/// eller postgresql://)")


@contextlib.contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    if engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
        lock_path = Path(str(engine.url.database) + ".migrate-lock")
        with lock_path.open("w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
    elif engine.dialect.name == "postgresql":
        with engine.connect() as connection:
            connection.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _PG_MIGRATION_LOCK})
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _PG_MIGRATION_LOCK})
                connection.commit()
    else:
        yield


def schema_revision(engine: Engine) -> str | None:
    """The newest applied migration (one of them, if branches were applied)."""
    revisions = schema_revisions(engine)
    return max(revisions) if revisions else None


def schema_revisions(engine: Engine) -> set[str]:
    with engine.connect() as connection:
        return set(MigrationContext.configure(connection).get_current_heads())


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migrations; refuse a database newer than this code.

    Independent migration branches (heads) are all applied.
    """
    config = _alembic_config()
    scripts = ScriptDirectory.from_config(config)
    heads = set(scripts.get_heads())
    with _migration_lock(engine):
        current = schema_revisions(engine)
        if current == heads:
            return
        known = {rev.revision for rev in scripts.walk_revisions()}
        unknown = current - known
        if unknown:
            raise StoreError(
                f"databasen har schemaversion {', '.join(sorted(unknown))}, som denna webaudit inte "
                "känner till; uppdatera webaudit"
            )
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "heads")


class Store:
    """The database of one installation: captures, findings, decisions, events."""

    def __init__(self, url: str, *, migrate_schema: bool = True) -> None:
        self.url = url
        self.engine = create_store_engine(url)
        self._writer = self.engine.execution_options(webaudit_write=True)
        try:
            if migrate_schema:
                migrate(self.engine)
        except OperationalError as error:
            self.engine.dispose()
            raise StoreError(
                f"kan inte öppna databasen {self.display_url}: {first_line(error)}"
            ) from error
        except SQLAlchemyError as error:
            self.engine.dispose()
            raise StoreError(f"databasfel i {self.display_url}: {error}") from error

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def display_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    @contextlib.contextmanager
    def session(self, *, write: bool = False) -> Iterator[Session]:
        """A session whose transaction commits on success and rolls back on error.

        `write=True` takes the write lock at the start (SQLite: BEGIN IMMEDIATE), for
        read-then-write transactions such as recording a decision.
        """
        bind = self._writer if write else self.engine
        with Session(bind, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except DBAPIError as error:
                with contextlib.suppress(DBAPIError):
                    session.rollback()
                if is_transient(error):  # the server is gone for now: one clear line, no trace
                    raise unavailable(error, self.display_url) from error
                raise
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
