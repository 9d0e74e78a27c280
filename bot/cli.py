"""`clearpost` command line. Exit status: 0 pass or warn, 1 block, 2 usage,
config or input error."""
from __future__ import annotations

import argparse
import logging
import os
import sys

from bot.commands import audit, check, consent, db, serve, users, teams

COMMANDS = [audit, check, consent, db, serve, users, teams]

EXIT_OK, EXIT_BLOCK, EXIT_USAGE = 0, 1, 2
EXIT_PIPE_CLOSED = 141  # 128 + SIGPIPE, as a shell reports a pipeline cut short


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse exits 2 on usage errors; keep it, with our wording
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"clearpost: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="clearpost", description=__doc__)
    parser.add_argument("--config", help="practice profile (default: $CLEARPOST_CONFIG or ./config.yml)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for module in COMMANDS:
        module.register(sub)
    _accept_config_anywhere(sub)
    return parser


def _accept_config_anywhere(subparsers) -> None:
    """`clearpost check --config X draft.txt` works as well as `clearpost --config X check`."""
    for p in set(subparsers.choices.values()):
        p.add_argument("--config", default=argparse.SUPPRESS, help="practice profile (as before the command)")
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                _accept_config_anywhere(action)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    for name in ("presidio-analyzer", "presidio_analyzer"):
        logging.getLogger(name).setLevel(logging.ERROR)
    try:
        return args.func(args)
    except BrokenPipeError:
        # `clearpost check --jsonl ... | head -1`: the reader left; no traceback, the shell's SIGPIPE status
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PIPE_CLOSED


if __name__ == "__main__":
    sys.exit(main())
