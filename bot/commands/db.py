"""`clearpost db upgrade`: apply migrations (the server and CLI also do it by themselves)."""
from __future__ import annotations

from bot.commands.common import config_from, guarded
from bot.db import make_engine, upgrade


def register(sub) -> None:
    p = sub.add_parser("db", help="database schema")
    dsub = p.add_subparsers(dest="db_command", required=True)
    up = dsub.add_parser("upgrade", help="apply migrations up to the newest")
    up.set_defaults(func=guarded(_upgrade))


def _upgrade(args) -> int:
    config = config_from(args)
    upgrade(make_engine(config.database_url))
    print("database is up to date")
    return 0
