"""Engine creation and schema upgrades (Alembic, run programmatically)."""
from __future__ import annotations

import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from alembic import command
from alembic.config import Config as AlembicConfig
from sqlalchemy import Insert, Table, event
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session, create_engine

MIGRATIONS = Path(__file__).parent / "migrations"


def normalise_url(url: str) -> str:
    """Accept the common ``postgresql://`` / ``postgres://`` forms and use psycopg 3."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _make_parent_dir(url: str) -> None:
    """A first run with `sqlite:///clearpost-data/clearpost.db` creates clearpost-data/."""
    database = make_url(url).database
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def make_engine(url: str) -> Engine:
    """``hide_parameters``: a failed write's exception (and SQL logging) would
    otherwise quote the bound values, i.e. the draft text (tests/test_logs_no_phi.py)."""
    url = normalise_url(url)
    if url.startswith("sqlite"):
        _make_parent_dir(url)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                               hide_parameters=True)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        return engine
    engine = create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10, hide_parameters=True)
    event.listen(engine, "handle_error", _withhold_row_detail)
    return engine


def _withhold_row_detail(ctx) -> None:
    """PostgreSQL's DETAIL of a NOT NULL or CHECK violation quotes the whole
    failing row ("Failing row contains (...)"), draft text included: keep it out
    of the exception text that gets logged (it stays on ``orig.diag``)."""
    diag = getattr(ctx.original_exception, "diag", None)
    detail = getattr(diag, "message_detail", None)
    if not detail or "row contains" not in detail:
        return
    for exc in (ctx.original_exception, ctx.sqlalchemy_exception):
        if exc is not None and exc.args and isinstance(exc.args[0], str):
            exc.args = (exc.args[0].replace(detail, "(failing row withheld)"), *exc.args[1:])


def alembic_config(engine: Engine) -> AlembicConfig:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision``; an empty database gets every table."""
    command.upgrade(alembic_config(engine), revision)


def insert_new(bind, table: Table, key: str) -> Insert:
    """INSERT that skips rows whose ``key`` is already stored (ON CONFLICT DO NOTHING):
    with RETURNING it tells which rows are new, where a plain INSERT would fail the transaction."""
    dialect = bind.dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:
        raise NotImplementedError(f"database {dialect!r}: ClearPost supports SQLite and PostgreSQL")
    return insert(table).on_conflict_do_nothing(index_elements=[key])


_sqlite_write_locks: dict[int, threading.Lock] = {}
_locks_guard = threading.Lock()


def _write_lock(engine: Engine) -> threading.Lock | None:
    if engine.dialect.name != "sqlite":
        return None
    with _locks_guard:
        return _sqlite_write_locks.setdefault(id(engine), threading.Lock())


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """One unit of work, committed on success and rolled back on error.

    SQLite allows one writer at a time; taking a process lock up front avoids
    "database is locked" and keeps the audit chain linear."""
    lock = _write_lock(engine)
    if lock:
        lock.acquire()
    try:
        with Session(engine, expire_on_commit=False) as session:
            yield session
            session.commit()
    finally:
        if lock:
            lock.release()


@contextmanager
def scratch_database(url: str, prefix: str) -> Iterator[str]:
    """A throw-away PostgreSQL database beside the one ``url`` names, dropped
    afterwards, so test sessions and benchmark runs never see each other's rows."""
    import uuid

    from sqlalchemy import create_engine, text

    admin_url = normalise_url(url)
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as c:
        c.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield admin_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as c:
            c.execute(text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"))
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()
