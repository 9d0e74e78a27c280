"""`clearpost` command line. Exit status: 0 pass or warn, 1 block, 2 usage,
config or input error."""
from __future__ import annotations

import argparse
import logging
import sys

from bot.commands import audit, check, consent, db, serve, users, teams

COMMANDS = [audit, check, consent, db, serve, users, teams]

EXIT_OK, EXIT_BLOCK, EXIT_USAGE = 0, 1, 2


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
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    for name in ("presidio-analyzer", "presidio_analyzer"):
        logging.getLogger(name).setLevel(logging.ERROR)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
