"""Shared fixtures: the real Presidio analyzer (loaded once per session), a
config built from the example profile, and databases: SQLite always, and
PostgreSQL too when DATABASE_URL points at one (each session gets its own
fresh PostgreSQL database, dropped at the end)."""
from __future__ import annotations

import copy
import os
from pathlib import Path

import pytest
import yaml
from sqlalchemy import text

from bot.app import build_services, practice_safe_values
from bot.config import Config, Profile, Secrets
from bot.db import make_engine, scratch_database

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_PROFILE = yaml.safe_load((ROOT / "config.example.yml").read_text())
PG_URL = os.environ.get("DATABASE_URL", "")


def make_config(database_url: str = "sqlite://", secrets: dict | None = None, **profile_overrides) -> Config:
    """A Config from the example profile, with top-level sections replaced."""
    data = copy.deepcopy(EXAMPLE_PROFILE)
    data.update(profile_overrides)
    profile = Profile.model_validate(data)
    return Config(profile=profile, secrets=Secrets(**(secrets or {})), database_url=database_url,
                  source="<test>", sha256="0" * 64)


@pytest.fixture(scope="session")
def analyzer():
    from checks.phi.analyzer import PhiAnalyzer
    cfg = make_config()
    return PhiAnalyzer(practice_safe_values(cfg))


@pytest.fixture(scope="session")
def pg_database():
    """A fresh PostgreSQL database for this test session, or None."""
    if not PG_URL.startswith(("postgres://", "postgresql")):
        yield None
        return
    with scratch_database(PG_URL, "clearpost_test") as url:
        yield url


def _backends():
    return ["sqlite"] + (["postgresql"] if PG_URL.startswith(("postgres://", "postgresql")) else [])


@pytest.fixture(params=_backends())
def db_url(request, tmp_path, pg_database):
    """A database URL with an empty schema: SQLite file, or a clean PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'clearpost.db'}"
    engine = make_engine(pg_database)
    with engine.begin() as c:
        c.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    return pg_database


@pytest.fixture
def engine(db_url):
    e = make_engine(db_url)
    yield e
    e.dispose()


@pytest.fixture
def services(db_url, analyzer):
    """The real composition root on a fresh database (PHI check only unless overridden)."""
    cfg = make_config(db_url)
    svc = build_services(cfg, analyzer=analyzer)
    yield svc
    svc.pipeline.close()
    svc.engine.dispose()
