"""The container set-up read as files (issue 18): compose.yaml's replicas are interchangeable and
share one PostgreSQL, and the README's `docker run` mounts what the Dockerfile reads. No engine
runs here; scripts/image_smoke.sh (tests/test_image_smoke.py) runs what the image runs."""
from __future__ import annotations

import re
import shlex
from pathlib import Path, PurePosixPath

import yaml
from sqlalchemy.engine import make_url

from bot.config import parse_profile

ROOT = Path(__file__).resolve().parents[1]
VARIABLE = re.compile(r"\$\{([A-Z_][A-Z0-9_]*)(?::?[-?]([^}]*))?\}")
# what may differ between two replicas: everything else must be the same
PER_REPLICA = {"hostname", "ports", "container_name"}


def _compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))


def _interpolate(value: str, env: dict[str, str]) -> str:
    """Compose's ${VAR}, ${VAR:-default} and ${VAR:?error}, from ``env``."""
    def sub(m: re.Match) -> str:
        name, rest = m.group(1), m.group(2)
        if name in env:
            return env[name]
        assert ":?" not in m.group(0), f"{name} must be set (compose stops otherwise)"
        return rest or ""
    return VARIABLE.sub(sub, value)


def _dockerfile() -> tuple[dict[str, str], list[str], str]:
    """The Dockerfile's ENV values, EXPOSEd ports and WORKDIR."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8").replace("\\\n", " ")
    env, exposed, workdir = {}, [], "/"
    for line in text.splitlines():
        words = shlex.split(line, comments=True)
        if not words:
            continue
        if words[0] == "ENV":
            env.update(w.split("=", 1) for w in words[1:])
        elif words[0] == "EXPOSE":
            exposed += words[1:]
        elif words[0] == "WORKDIR":
            workdir = words[1]
    return env, exposed, workdir


def _replicas(compose: dict) -> dict[str, dict]:
    """Services that run the image's own command (clearpost serve)."""
    return {name: s for name, s in compose["services"].items() if s.get("build") and "command" not in s}


def test_compose_runs_two_replicas_of_one_image_with_one_configuration():
    replicas = _replicas(_compose())
    assert len(replicas) >= 2, replicas.keys()
    shared = [{k: v for k, v in s.items() if k not in PER_REPLICA | {"depends_on"}} for s in replicas.values()]
    assert all(s == shared[0] for s in shared), "replicas differ in more than host name and port"
    assert shared[0]["image"] and shared[0]["build"] in (".", {"context": "."})
    hostnames = [s.get("hostname") for s in replicas.values()]
    assert None not in hostnames and len(set(hostnames)) == len(hostnames)  # lease holders: one host each
    published = [p for s in replicas.values() for p in s.get("ports", [])]
    assert len(set(published)) == len(published)
    env, _, _ = _dockerfile()
    config_mounts = [v for v in shared[0]["volumes"] if v.split(":")[1] == env["CLEARPOST_CONFIG"]]
    assert config_mounts, f"no profile mounted at {env['CLEARPOST_CONFIG']}"


def test_compose_replicas_point_database_url_at_the_postgres_service_and_share_the_data_key():
    compose = _compose()
    services, replicas = compose["services"], _replicas(compose)
    secrets = {"POSTGRES_PASSWORD": "s3cret", "CLEARPOST_DATA_KEY": "k" * 43 + "="}
    for name, s in replicas.items():
        url = make_url(_interpolate(s["environment"]["DATABASE_URL"], secrets))
        assert url.get_backend_name() == "postgresql" and url.host in services, (name, url.host)
        db = services[url.host]
        assert db["image"].startswith("postgres:")
        db_env = {k: _interpolate(str(v), secrets) for k, v in db["environment"].items()}
        assert (url.username, url.password, url.database, url.port or 5432) == \
            (db_env["POSTGRES_USER"], db_env["POSTGRES_PASSWORD"], db_env["POSTGRES_DB"], 5432), name
        assert s["depends_on"].get(url.host, {}).get("condition") == "service_healthy", name
        # the one key, from one variable that compose refuses to leave unset
        assert s["environment"]["CLEARPOST_DATA_KEY"].startswith("${CLEARPOST_DATA_KEY:?"), name
        assert _interpolate(s["environment"]["CLEARPOST_DATA_KEY"], secrets) == secrets["CLEARPOST_DATA_KEY"]


def test_compose_postgres_keeps_its_data_in_a_named_volume_and_has_a_healthcheck():
    compose = _compose()
    postgres = compose["services"]["postgres"]
    volume, target = postgres["volumes"][0].split(":")[:2]
    assert volume in compose["volumes"] and target == "/var/lib/postgresql/data"
    assert "pg_isready" in " ".join(postgres.get("healthcheck", {}).get("test", []))


def test_compose_migrates_once_before_the_replicas_start():
    compose = _compose()
    migrate = compose["services"]["migrate"]
    assert migrate["command"] == ["clearpost", "db", "upgrade"] and migrate["restart"] == "no"
    replica = next(iter(_replicas(compose).values()))
    assert {k: v for k, v in migrate.items() if k not in ("command", "restart", "depends_on")} == \
        {k: v for k, v in replica.items() if k not in PER_REPLICA | {"depends_on"} and k != "restart"}
    for name, s in _replicas(compose).items():
        assert s["depends_on"].get("migrate", {}).get("condition") == "service_completed_successfully", name


def test_readme_docker_run_mounts_the_profile_and_the_database_where_the_image_reads_them():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n((?:.*\n)*?)```", readme[readme.index("## Docker"):]).group(1)
    run = shlex.split(next(c for c in block.replace("\\\n", " ").splitlines() if c.startswith("docker run")))
    env, exposed, _ = _dockerfile()
    mounts = [run[i + 1] for i, w in enumerate(run) if w == "-v"]
    targets = {m.split(":")[1]: m.split(":")[0] for m in mounts}
    assert env["CLEARPOST_CONFIG"] in targets  # the profile
    db_path = PurePosixPath(make_url(env["DATABASE_URL"]).database)
    data_dir = str(db_path.parent)
    assert data_dir in targets and not targets[data_dir].startswith(("/", "$", ".")), \
        "the database directory needs a named volume (it holds the six-year audit trail)"
    published = run[run.index("-p") + 1]
    container_port = published.rsplit(":", 1)[1]
    profile = parse_profile((ROOT / "config.example.yml").read_bytes(), "config.example.yml")
    assert container_port in exposed and int(container_port) == profile.server.port
    assert "cp config.example.yml config.yml" in block  # the mounted profile exists before the run
