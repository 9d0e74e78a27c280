"""`clearpost teams package`: build the Teams app package (zip) to sideload.

Fills the app id (and the practice name and website) into adapters/teams/app/manifest.json
and zips it with the two icons, all at the root of the archive as Teams
expects."""
from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

from bot.commands.common import UsageError, config_from, guarded

# shipped as package data next to the Teams adapter, so it is there after `pip install .` too
APP_DIR = Path(__file__).resolve().parents[2] / "adapters" / "teams" / "app"
FILES = ("manifest.json", "color.png", "outline.png")
GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
PLACEHOLDER = re.compile(r"\$\{([A-Z_]+)\}")


def register(sub) -> None:
    p = sub.add_parser("teams", help="Microsoft Teams helpers")
    teams_sub = p.add_subparsers(dest="teams_command", required=True)
    pkg = teams_sub.add_parser("package", help="zip the Teams app package for sideloading")
    pkg.add_argument("--app-id", help="the bot's Microsoft App ID (default: $TEAMS_APP_ID)")
    pkg.add_argument("--website", help="https URL shown as the developer site (default: practice.websites[0])")
    pkg.add_argument("--name", help="developer name (default: practice.name)")
    pkg.add_argument("--output", "-o", default="clearpost-teams.zip", help="zip to write")
    pkg.add_argument("--source", default=str(APP_DIR), help="folder with manifest.json and the icons")
    pkg.set_defaults(func=guarded(_package))


def _https(url: str) -> str:
    url = url.strip()
    if not url.startswith(("https://", "http://")):
        url = "https://" + url
    if not url.startswith("https://"):
        raise UsageError(f"--website must be an https URL, not {url}")
    return url


def _values(args) -> dict[str, str]:
    app_id, website, name = args.app_id, args.website, args.name
    if not (app_id and website and name):
        config = config_from(args)
        practice = config.profile.practice
        app_id = app_id or config.secrets.teams_app_id
        website = website or (practice.websites[0] if practice.websites else None)
        name = name or practice.name
    if not app_id:
        raise UsageError("no app id: pass --app-id or set TEAMS_APP_ID")
    if not GUID.match(app_id):
        raise UsageError(f"the app id must be a GUID (the bot's Microsoft App ID), not {app_id!r}")
    if not website:
        raise UsageError("no website: pass --website or list one under practice.websites")
    return {"TEAMS_APP_ID": app_id.lower(), "WEBSITE_URL": _https(website), "PRACTICE_NAME": name[:32]}


def render_manifest(template: str, values: dict[str, str]) -> dict:
    """Substitute ${NAME} placeholders (JSON-escaped) and parse the result."""
    def sub(m: re.Match) -> str:
        if m.group(1) not in values:
            raise UsageError(f"manifest.json: no value for ${{{m.group(1)}}}")
        return json.dumps(values[m.group(1)])[1:-1]
    return json.loads(PLACEHOLDER.sub(sub, template))


def build_package(source: Path, output: Path, values: dict[str, str]) -> Path:
    missing = [f for f in FILES if not (source / f).is_file()]
    if missing:
        raise UsageError(f"{source}: missing {', '.join(missing)}")
    manifest = render_manifest((source / "manifest.json").read_text(encoding="utf-8"), values)
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False))
        for name in FILES[1:]:
            z.write(source / name, name)
    return output


def _package(args) -> int:
    out = build_package(Path(args.source), Path(args.output), _values(args))
    print(f"wrote {out}: upload it in Teams (Apps > Manage your apps > Upload an app)")
    return 0
