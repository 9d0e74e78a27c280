"""`clearpost serve`: the chat bots (and later the console) in one process."""
from __future__ import annotations

from bot.commands.common import UsageError, config_from, guarded


def register(sub) -> None:
    p = sub.add_parser("serve", help="run the Slack / Teams bot")
    p.add_argument("--port", type=int, help="HTTP port (default: server.port in the config)")
    p.add_argument("--host", help="bind address (default: server.host in the config)")
    p.set_defaults(func=guarded(_serve))


def _serve(args) -> int:
    config = config_from(args)
    s = config.secrets
    if not (s.slack_bot_token or s.teams_app_id):
        raise UsageError("no platform configured: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET "
                         "(Slack) or TEAMS_APP_ID and TEAMS_APP_PASSWORD (Teams)")
    raise UsageError("the chat adapters are not built yet")
