"""Helpers shared by sub-commands: loading config with exit-2 errors."""
from __future__ import annotations

import sys

from bot.config import Config, ConfigError, load_config


class UsageError(Exception):
    """A problem the user can fix: printed without a traceback, exit 2."""


def fail(message: str) -> int:
    print(f"clearpost: {message}", file=sys.stderr)
    return 2


def config_from(args) -> Config:
    return load_config(getattr(args, "config", None))


def guarded(fn):
    """Turn config and usage errors into a message and exit status 2."""
    def run(args) -> int:
        try:
            return fn(args)
        except (ConfigError, UsageError) as e:
            return fail(str(e))
    return run
