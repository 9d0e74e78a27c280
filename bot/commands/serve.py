"""`clearpost serve`: the web console and the chat bots in one process (HTTP on
aiohttp, or Slack Socket Mode when SLACK_APP_TOKEN is set). Secrets are checked before anything
is built, so a missing or malformed one stops start-up with its name."""
from __future__ import annotations

import logging

from bot.commands.common import UsageError, config_from, guarded

log = logging.getLogger(__name__)


def register(sub) -> None:
    p = sub.add_parser("serve", help="serve the web console (/console/) and the Slack / Teams bots that are configured",
                       description="Serve the web console on /console/ (always) and the Slack and Teams bots whose "
                                   "credentials are in the environment, with a health check on /healthz. "
                                   "Prints the address it listens on.")
    p.add_argument("--port", type=int,
                   help="HTTP port; 0 picks a free one (default: server.port in the config)")
    p.add_argument("--host", help="bind address (default: server.host in the config)")
    p.set_defaults(func=guarded(_serve))


def _serve(args) -> int:
    config = config_from(args)
    s = config.secrets
    slack = bool(s.slack_bot_token or s.slack_signing_secret or s.slack_app_token)
    if not (slack or s.teams_app_id or s.teams_service_url_override):
        # no chat credentials: the web console (always mounted) runs alone
        log.warning("no chat platform configured: serving the web console only")
    if slack:
        from adapters.slack.settings import slack_problems
        problems = slack_problems(s)
        if problems:
            raise UsageError("cannot start the Slack bot:\n  " + "\n  ".join(problems))
    port = args.port if args.port is not None else config.profile.server.port
    if not 0 <= port <= 65535:
        raise UsageError(f"--port {port}: expected 1-65535, or 0 for any free port")
    host = args.host or config.profile.server.host

    from bot.app import build_services
    from bot.server import listen, run

    try:
        sock = listen(host, port)  # before the slow start-up: a port in use is said at once
    except OSError as e:
        raise UsageError(f"cannot listen on {host}:{port}: {e.strerror or e}") from None
    services = build_services(config, analysis_processes=config.profile.server.analysis_processes)
    mode = "Slack Socket Mode + " if s.slack_app_token else ""
    bound = sock.getsockname()[1]
    log.info("clearpost serving on %s:%d (%sHTTP)", host, bound, mode)
    shown = f"[{host}]" if ":" in host else host
    print(f"clearpost: listening on http://{shown}:{bound}/ (web console: http://{shown}:{bound}/console/)",
          flush=True)
    try:
        run(services, sock)
    finally:
        services.close()
    return 0
