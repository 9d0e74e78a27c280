"""Console accounts, issue 19's last pieces, over real HTTP on 127.0.0.1 with a real database:
TOTP second factor (enrolment, two-step sign-in, replay, throttle, officers required to enrol,
reset) and session management (`clearpost users sessions`, credential versions).

Codes come from pyotp for the real current time, never a mocked clock. Enrolment takes the code of
the *previous* 30-second step where a test signs in right after (the server accepts one step either
side, and each step once), so the current code is still unused for the sign-in."""
from __future__ import annotations

import json
import re
import time

import pyotp
import pytest
import yaml
from aiohttp.test_utils import TestServer
from cryptography.fernet import Fernet
from sqlmodel import select

from bot import totp
from bot.accounts import add_user, authenticate, set_password
from bot.app import build_services
from bot.cli import main
from bot.config import ConfigError, load_config
from bot.db import transaction
from bot.models import AuditEvent, ConsoleSession, ConsoleUser
from bot.server import build_web_app
from bot.vault import Vault
from tests.conftest import EXAMPLE_PROFILE, make_config
from tests.console_client import (CLEAN_DRAFT, OFFICERS, PASSWORDS, ROLES, ConsoleClient, signed_in, state_of,
                                  submit)

DATA_KEY = Fernet.generate_key().decode()
SECRET = re.compile(r'id="totp-secret">([A-Z2-7 ]+)<')


@pytest.fixture
async def make_site(db_url, analyzer):
    """Start the real web app; ``console`` and ``secrets`` go into the profile and environment."""
    started = []

    async def start(require_totp: bool = False, data_key: str | None = DATA_KEY):
        config = make_config(db_url, secrets={"data_key": data_key} if data_key else None, officers=OFFICERS,
                             console={"require_totp_for_officers": require_totp})
        services = build_services(config, analyzer=analyzer)
        for name, pw in PASSWORDS.items():
            add_user(services.engine, name, pw, ROLES[name])
        server = TestServer(build_web_app(services), host="127.0.0.1")
        await server.start_server()
        clients: list[ConsoleClient] = []

        def client() -> ConsoleClient:
            c = ConsoleClient(str(server.make_url("/")))
            clients.append(c)
            return c
        started.append((services, server, clients))
        return services, client

    yield start
    for services, server, clients in started:
        for c in clients:
            await c.close()
        await server.close()
        services.pipeline.close()
        services.engine.dispose()


def vault() -> Vault:
    return Vault(DATA_KEY)


def enrol(services, name: str) -> pyotp.TOTP:
    """Enrol ``name`` as the page would, confirming with the previous step's code (see module doc)."""
    secret = totp.begin_enrolment(services.engine, vault(), name).secret
    app = pyotp.TOTP(secret)
    assert totp.confirm_enrolment(services.engine, vault(), name, app.at(time.time() - 30))
    return app


def wrong_code(app: pyotp.TOTP) -> str:
    """A code that is none of the three the server accepts right now."""
    near = {app.at(time.time() + d) for d in (-60, -30, 0, 30, 60)}
    return next(c for c in (f"{n:06d}" for n in range(1000, 10 ** 6, 7919)) if c not in near)


def audit_rows(services, action: str) -> list[AuditEvent]:
    with transaction(services.engine) as s:
        return list(s.exec(select(AuditEvent).where(AuditEvent.action == action).order_by(AuditEvent.id)).all())


def user_row(services, name: str) -> ConsoleUser:
    with transaction(services.engine) as s:
        return s.get(ConsoleUser, name)


async def page_status(c: ConsoleClient, path: str = "/console/review") -> int:
    status, _ = await c.get(path, redirects=False)
    return status


# ---- enrolment ----

async def test_when_enrolling_then_the_page_shows_the_secret_and_uri_and_a_code_is_needed(make_site):
    services, client = await make_site()
    c = await signed_in(client, "officer")
    other = await signed_in(client, "officer")  # another browser of the same user
    status, page = await c.get("/console/account/two-step")
    assert status == 200
    secret = SECRET.search(page).group(1).replace(" ", "")
    assert f"otpauth://totp/ClearPost:officer?secret={secret}&amp;issuer=ClearPost" in page
    assert "<svg" in page and "<script" not in page  # the QR code is drawn inline, no script
    stored = user_row(services, "officer").totp_secret
    assert stored.startswith("enc:") and secret not in stored  # sealed with CLEARPOST_DATA_KEY
    _, again = await c.get("/console/account/two-step")
    assert secret in again.replace(" ", "")  # a reload shows the same secret, not a new one

    app = pyotp.TOTP(secret)
    status, page = await c.post("/console/account/two-step", {"code": wrong_code(app)})
    assert status == 400 and "not the current one" in page
    assert user_row(services, "officer").totp_enabled_at is None
    status, _ = await c.post("/console/account/two-step", {"code": app.now()}, redirects=False)
    assert status == 303
    status, page = await c.get("/console/account/two-step")
    assert status == 200 and "<strong>on</strong>" in page and secret not in page.replace(" ", "")
    assert user_row(services, "officer").totp_enabled_at is not None
    [row] = audit_rows(services, "console_totp_enrolled")
    assert row.actor == "officer" and json.loads(row.details) == {"username": "officer", "sessions_ended": 1}
    assert await page_status(c) == 200  # the browser that enrolled stays signed in
    assert await page_status(other) == 303  # the other browser is signed out


async def test_when_the_server_has_no_data_key_then_enrolment_is_refused_and_nothing_stored(make_site):
    services, client = await make_site(data_key=None)
    c = await signed_in(client, "staff1")
    status, page = await c.get("/console/account/two-step")
    assert status == 200 and "CLEARPOST_DATA_KEY" in page and 'id="totp-secret"' not in page
    assert user_row(services, "staff1").totp_secret is None


def test_when_totp_is_required_without_a_data_key_then_start_up_names_both(tmp_path):
    p = tmp_path / "config.yml"
    p.write_text(yaml.safe_dump(dict(EXAMPLE_PROFILE, console={"require_totp_for_officers": True})))
    with pytest.raises(ConfigError, match="require_totp_for_officers.*CLEARPOST_DATA_KEY"):
        load_config(p, environ={})
    assert load_config(p, environ={"CLEARPOST_DATA_KEY": DATA_KEY}).profile.console.require_totp_for_officers
    p.write_text(yaml.safe_dump(dict(EXAMPLE_PROFILE, console={"require_totp": True})))
    with pytest.raises(ConfigError, match="console.require_totp: unknown key"):
        load_config(p, environ={})


# ---- signing in ----

async def test_when_no_second_factor_then_the_password_alone_signs_in(make_site):
    services, client = await make_site()
    c = client()
    await c.get("/console/login")
    status, _ = await c.post("/console/login", {"username": "staff1", "password": PASSWORDS["staff1"]},
                             redirects=False)
    assert status == 303 and c.headers["Location"] == "/console/" and c.cookie("clearpost_session")
    signed = audit_rows(services, "console_signed_in")[-1]
    assert signed.actor == "staff1" and json.loads(signed.details)["second_factor"] is False


async def test_when_enrolled_then_sign_in_asks_for_the_code_after_the_password(make_site):
    services, client = await make_site()
    app = enrol(services, "officer")
    c = client()
    await c.get("/console/login")
    status, _ = await c.post("/console/login", {"username": "officer", "password": PASSWORDS["officer"]},
                             redirects=False)
    assert status == 303 and c.headers["Location"] == "/console/login/code"
    assert c.cookie("clearpost_session") is None and c.cookie("clearpost_second_step")
    assert await page_status(c) == 303  # a right password alone opens no page
    status, page = await c.get("/console/login/code")
    assert status == 200 and 'autocomplete="one-time-code"' in page
    status, _ = await c.post("/console/login/code", {"code": app.now()}, redirects=False)
    assert status == 303 and c.cookie("clearpost_session")
    assert await page_status(c, "/console/queue") == 200
    signed = audit_rows(services, "console_signed_in")[-1]
    assert signed.actor == "officer" and json.loads(signed.details)["second_factor"] is True


async def test_when_a_code_is_replayed_within_its_window_then_it_is_refused(make_site):
    services, client = await make_site()
    app = enrol(services, "officer")
    code = app.now()
    first = client()
    await first.sign_in("officer", PASSWORDS["officer"])
    status, _ = await first.post("/console/login/code", {"code": code})
    assert status == 200 and first.cookie("clearpost_session")
    thief = client()  # saw the code over the shoulder and has the password
    status, page = await thief.sign_in("officer", PASSWORDS["officer"])
    assert status == 200 and "Sign in: code" in page
    status, page = await thief.post("/console/login/code", {"code": code})
    assert status == 401 and "used already" in page and thief.cookie("clearpost_session") is None


async def test_when_codes_are_wrong_then_they_count_toward_the_sign_in_throttle(make_site):
    services, client = await make_site()
    app = enrol(services, "officer")
    c = client()
    status, _ = await c.sign_in("officer", PASSWORDS["officer"])  # attempt 1 (right password: still counted)
    assert status == 200
    for _ in range(4):  # attempts 2-5
        status, page = await c.post("/console/login/code", {"code": wrong_code(app)})
        assert status == 401 and "wrong" in page
    status, page = await c.post("/console/login/code", {"code": app.now()})
    assert status == 429 and c.cookie("clearpost_session") is None
    status, _ = await c.sign_in("officer", PASSWORDS["officer"])  # going back to the password does not help
    assert status == 429
    assert user_row(services, "officer").totp_last_step < app.timecode(time.time())  # the right code was not used


async def test_when_the_code_is_right_then_earlier_failures_are_forgiven(make_site):
    services, client = await make_site()
    app = enrol(services, "officer")
    c = client()
    await c.sign_in("officer", PASSWORDS["officer"])
    for _ in range(3):
        await c.post("/console/login/code", {"code": wrong_code(app)})
    status, _ = await c.post("/console/login/code", {"code": app.now()})
    assert status == 200 and c.cookie("clearpost_session")
    again = client()  # the same address may sign in again (throttle cleared), with the next step's code
    await again.sign_in("officer", PASSWORDS["officer"])
    status, _ = await again.post("/console/login/code", {"code": app.at(time.time() + 30)})
    assert status == 200 and again.cookie("clearpost_session")


# ---- officers must enrol ----

async def test_when_officers_must_enrol_then_they_act_as_staff_until_they_do(make_site):
    services, client = await make_site(require_totp=True)
    staff = await signed_in(client, "staff1")
    rid = await submit(staff, CLEAN_DRAFT)
    officer = client()
    await officer.get("/console/login")
    await officer.post("/console/login", {"username": "officer", "password": PASSWORDS["officer"]})
    assert officer.status == 200 and "Two-step sign-in" in officer.page and "act as staff" in officer.page
    status, _ = await officer.get("/console/queue", redirects=False)
    assert status == 303 and officer.headers["Location"] == "/console/account/two-step"
    await officer.get(f"/console/reviews/{rid}")
    assert officer.status == 404  # not an officer yet: another person's draft is not theirs to see
    await officer.get("/console/review")
    status, page = await officer.post(f"/console/reviews/{rid}/decide", {"action": "approve"})
    assert status == 404 and state_of(services, rid) == "clean"  # as for staff: not theirs to see or decide
    status, _ = await officer.post("/console/consents/add", {"patient": "Jane Roe"})
    assert status == 403 and "two-step" in officer.page  # officer-only forms say why

    _, page = await officer.get("/console/account/two-step")
    app = pyotp.TOTP(SECRET.search(page).group(1).replace(" ", ""))
    status, _ = await officer.post("/console/account/two-step", {"code": app.now()})
    assert status == 200 and "<strong>on</strong>" in officer.page
    status, _ = await officer.get("/console/queue")
    assert status == 200 and f"#{rid}" in officer.page
    await officer.get(f"/console/reviews/{rid}")
    status, _ = await officer.post(f"/console/reviews/{rid}/decide", {"action": "approve"})
    assert status == 200 and state_of(services, rid) == "cleared"
    # staff are not asked to enrol
    status, _ = await staff.get("/console/review")
    assert status == 200 and "act as staff" not in staff.page


# ---- the command line ----

@pytest.fixture
def cli(tmp_path, db_url, monkeypatch, capsys):
    """`clearpost ...` against the test database; returns (exit status, stdout)."""
    p = tmp_path / "cli-config.yml"
    p.write_text(yaml.safe_dump(dict(EXAMPLE_PROFILE, officers=OFFICERS, storage={"database_url": db_url})))
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.delenv("CLEARPOST_DATA_KEY", raising=False)

    def run(*args: str) -> tuple[int, str]:
        capsys.readouterr()
        code = main(["--config", str(p), *args])
        return code, capsys.readouterr().out
    return run


async def test_when_a_phone_is_lost_then_totp_reset_removes_the_factor_and_ends_sessions(make_site, cli):
    services, client = await make_site()
    app = enrol(services, "officer")
    c = client()
    await c.sign_in("officer", PASSWORDS["officer"])
    await c.post("/console/login/code", {"code": app.now()})
    assert await page_status(c) == 200
    code, out = cli("users", "totp-reset", "officer")
    assert code == 0 and "removed" in out
    assert await page_status(c) == 303  # signed out
    row = user_row(services, "officer")
    assert row.totp_secret is None and row.totp_enabled_at is None
    [reset] = audit_rows(services, "console_totp_reset")
    assert reset.actor == "cli"
    again = client()
    status, _ = await again.sign_in("officer", PASSWORDS["officer"])  # the password alone again
    assert status == 200 and again.cookie("clearpost_session")
    code, out = cli("users", "totp-reset", "officer")
    assert code == 0 and "nothing changed" in out and len(audit_rows(services, "console_totp_reset")) == 1
    code, _ = cli("users", "totp-reset", "nobody")
    assert code == 2


async def test_when_listing_sessions_then_each_shows_times_and_address_and_end_ends_them(make_site, cli):
    services, client = await make_site()
    a, b = await signed_in(client, "staff1"), await signed_in(client, "staff1")
    officer = await signed_in(client, "officer")
    code, out = cli("users", "sessions", "staff1")
    assert code == 0
    rows = out.strip().splitlines()
    assert rows[0].startswith("signed in") and len(rows) == 3
    assert all("127.0.0.1" in r and " UTC" in r for r in rows[1:])
    with transaction(services.engine) as s:
        hashes = [r.token_hash for r in s.exec(select(ConsoleSession)).all()]
    for secret in [a.cookie("clearpost_session"), b.cookie("clearpost_session"), a.csrf(), *hashes]:
        assert secret and secret not in out  # never the token, nor its hash

    code, out = cli("users", "sessions", "staff1", "--end")
    assert code == 0 and "ended 2 sessions of staff1" in out
    assert await page_status(a) == 303 and await page_status(b) == 303
    assert await page_status(officer) == 200  # another user's session is untouched
    [ended] = audit_rows(services, "console_sessions_ended")
    assert ended.actor == "cli"
    code, out = cli("users", "sessions", "staff1")
    assert code == 0 and "no live sessions" in out
    assert cli("users", "sessions", "nobody")[0] == 2


async def test_when_the_password_or_role_changes_then_the_users_other_sessions_end(make_site, cli):
    services, client = await make_site()
    a, b = await signed_in(client, "staff1"), await signed_in(client, "staff1")
    officer = await signed_in(client, "officer")
    set_password(services.engine, "staff1", "a-brand-new-passphrase-9")
    assert await page_status(a) == 303 and await page_status(b) == 303
    assert await page_status(officer) == 200
    status, _ = await b.post("/console/review", {"text": CLEAN_DRAFT}, csrf="anything")
    assert status == 401
    c = client()
    assert (await c.sign_in("staff1", "a-brand-new-passphrase-9"))[0] == 200
    code, _ = cli("users", "role", "officer", "--role", "staff")
    assert code == 0 and await page_status(officer) == 303


def test_when_the_password_changes_while_a_sign_in_is_being_checked_then_that_sign_in_opens_no_session(engine):
    """The race the credential version closes: the old password was read and verified, the
    password changed, then the session would be made."""
    from adapters.console.sessions import SessionStore
    from bot.db import upgrade
    upgrade(engine)
    add_user(engine, "ann", "old-passphrase-ok-1", "staff")
    account = authenticate(engine, "ann", "old-passphrase-ok-1")
    set_password(engine, "ann", "new-passphrase-ok-2")
    store = SessionStore(engine)
    assert store.create("ann", account.credential_version) is None
    assert count_sessions(engine) == 0
    fresh = authenticate(engine, "ann", "new-passphrase-ok-2")
    assert store.lookup(store.create("ann", fresh.credential_version)) is not None


def count_sessions(engine) -> int:
    with transaction(engine) as s:
        return len(s.exec(select(ConsoleSession)).all())


def test_when_a_code_is_checked_then_only_the_window_and_one_use_count(engine):
    from bot.db import upgrade
    upgrade(engine)
    add_user(engine, "ann", "old-passphrase-ok-1", "staff")
    secret = totp.begin_enrolment(engine, vault(), "ann").secret
    app = pyotp.TOTP(secret)
    assert not totp.confirm_enrolment(engine, vault(), "ann", app.at(time.time() - 120))  # four steps old
    assert totp.confirm_enrolment(engine, vault(), "ann", app.at(time.time() - 30))
    version = user_row_engine(engine, "ann").credential_version
    assert not totp.verify(engine, vault(), "ann", app.at(time.time() - 30), version)  # the enrolment's code
    assert not totp.verify(engine, vault(), "ann", app.now(), version - 1)  # made before a credential change
    now = app.now()
    assert totp.verify(engine, vault(), "ann", now[:3] + " " + now[3:], version)  # "123 456" is fine
    assert not totp.verify(engine, vault(), "ann", now, version)  # once
    with pytest.raises(totp.SecondFactorError, match="CLEARPOST_DATA_KEY"):
        totp.verify(engine, Vault(Fernet.generate_key().decode()), "ann", app.at(time.time() + 30), version)


def user_row_engine(engine, name: str) -> ConsoleUser:
    with transaction(engine) as s:
        return s.get(ConsoleUser, name)



def test_when_a_two_step_sign_in_succeeds_then_its_address_gets_both_attempts_back():
    """20 people behind one office address each signing in with a code must not lock it."""
    from adapters.console.throttle import Throttle
    throttle = Throttle(per_client=20)
    for n in range(30):
        user = f"user{n}"
        assert throttle.begin(user, "192.0.2.1")  # the password
        assert throttle.begin(user, "192.0.2.1")  # the code
        throttle.succeeded(user, "192.0.2.1", attempts=2)
    assert not throttle.blocked("someone", "192.0.2.1")
    for _ in range(20):
        throttle.failed("x", "192.0.2.1")
    assert throttle.blocked("someone", "192.0.2.1")  # failures still add up
