"""The console's small parts on their own: marking findings in a draft,
sign-in throttling, password hashing, session expiry."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from adapters.console.highlight import pieces
from adapters.console.sessions import IDLE, SessionStore
from adapters.console.throttle import Throttle
from bot import accounts
from bot.accounts import AccountError, add_user, authenticate, hash_password, needs_rehash, verify_password
from bot.db import make_engine, transaction, upgrade
from bot.domain import Finding, Severity
from bot.models import ConsoleSession, ConsoleUser, utcnow


def f(start, end, severity=Severity.BLOCK, entity="PERSON"):
    return Finding(check="phi", code=f"phi.{entity.lower()}", severity=Severity(severity), message="m",
                   entity=entity, start=start, end=end)


@pytest.mark.parametrize("text,findings,expected", [
    ("no findings", [], [("no findings", (), None)]),
    ("call Ann now", [f(5, 8)], [("call ", (), None), ("Ann", (1,), "1 PERSON"), (" now", (), None)]),
    # overlapping spans split at every boundary; each run is labelled where a finding ends
    ("Ann Lee Smith", [f(0, 7), f(4, 13, Severity.WARN, "NAME")],
     [("Ann ", (1,), None), ("Lee", (1, 2), "1 PERSON"), (" Smith", (2,), "2 NAME")]),
    # a finding without a position, or one outside the text, marks nothing
    ("short", [Finding("policy", "p.x", Severity.WARN, "m"), f(3, 99)], [("short", (), None)]),
    ("", [f(0, 0)], []),
])
def test_when_findings_have_spans_then_pieces_mark_them_with_labels(text, findings, expected):
    got = pieces(text, findings)
    assert [(p.text, p.numbers, p.label) for p in got] == expected
    assert "".join(p.text for p in got) == text


def test_when_spans_overlap_then_the_worst_severity_wins():
    got = pieces("Ann Lee", [f(0, 7, Severity.WARN), f(4, 7, Severity.BLOCK)])
    assert [(p.text, p.severity) for p in got] == [("Ann ", "warn"), ("Lee", "block")]


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.mark.parametrize("failures,user,client,blocked", [
    (4, "ann", "1.1.1.1", False),
    (5, "ann", "1.1.1.1", True),
    (5, "ann", "2.2.2.2", False),  # the same user from another address
    (5, "bob", "2.2.2.2", False),  # another user from another address
])
def test_when_sign_ins_fail_then_the_user_is_throttled_after_five(failures, user, client, blocked):
    t = Throttle(per_user=5, per_client=20, clock=Clock())
    for _ in range(failures):
        t.failed("ann", "1.1.1.1")
    assert t.blocked(user, client) is blocked


def test_when_the_window_passes_or_the_user_succeeds_then_the_throttle_lifts():
    clock = Clock()
    t = Throttle(per_user=2, per_client=3, window_seconds=60, clock=clock)
    t.failed("ann", "1.1.1.1")
    t.failed("ann", "1.1.1.1")
    assert t.blocked("ann", "1.1.1.1")
    assert not t.blocked("ann", "9.9.9.9")  # guessing from elsewhere cannot lock ann out
    clock.now += 61
    assert not t.blocked("ann", "1.1.1.1")
    for name in ("a", "b", "c"):
        t.failed(name, "1.1.1.1")
    assert t.blocked("zed", "1.1.1.1")  # one address guessing many names is throttled too
    t.failed("ann", "2.2.2.2")
    t.succeeded("ann", "2.2.2.2")
    assert not t.blocked("ann", "2.2.2.2")


def test_when_attempts_begin_then_they_count_before_any_password_is_checked():
    t = Throttle(per_user=5, per_client=20, clock=Clock())
    started = [t.begin("officer", "1.1.1.1") for _ in range(30)]
    assert started.count(True) == 5  # the other 25 are refused before hashing
    assert t.begin("officer", "5.5.5.5")  # the officer, from their own desk, still gets in


def test_when_guessing_is_spread_over_many_addresses_then_the_account_backstop_holds():
    t = Throttle(per_user=5, per_client=20, clock=Clock(), per_user_anywhere=10)
    for i in range(10):
        t.failed("officer", f"10.0.0.{i}")
    assert t.blocked("officer", "10.0.0.99")


def test_when_a_password_is_hashed_then_it_verifies_only_with_the_same_password():
    stored = hash_password("correct horse battery")
    assert stored.startswith("scrypt$32768$8$3$")
    assert verify_password("correct horse battery", stored)
    assert not verify_password("correct horse batterY", stored)
    assert hash_password("correct horse battery") != stored  # salted


@pytest.mark.parametrize("stored", ["", "plain-text", "scrypt$1$2$3", "bcrypt$x$y$z$a$b", "scrypt$x$8$1$AA$BB"])
def test_when_a_stored_hash_is_malformed_then_verification_fails_closed(stored):
    assert not verify_password("anything-at-all", stored)
    assert needs_rehash(stored)


@pytest.fixture
def store_engine(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'c.db'}")
    upgrade(engine)
    yield engine
    engine.dispose()


def test_when_hash_parameters_are_raised_then_the_next_sign_in_rehashes(store_engine, monkeypatch):
    monkeypatch.setattr(accounts, "SCRYPT_N", 2 ** 14)
    add_user(store_engine, "ann", "a-long-password-1", "staff")
    monkeypatch.undo()
    with transaction(store_engine) as s:
        before = s.get(ConsoleUser, "ann").password_hash
    assert before.startswith("scrypt$16384$") and needs_rehash(before)
    assert authenticate(store_engine, "ANN", "a-long-password-1").username == "ann"
    with transaction(store_engine) as s:
        assert s.get(ConsoleUser, "ann").password_hash.startswith("scrypt$32768$")


@pytest.mark.parametrize("name,password,role,said", [
    ("a", "a-long-password-1", "staff", "user name"),
    ("ann smith", "a-long-password-1", "staff", "user name"),
    ("ann", "short", "staff", "too short"),
    ("ann", "a-long-password-1", "root", "unknown role"),
])
def test_when_an_account_is_invalid_then_it_is_refused(store_engine, name, password, role, said):
    with pytest.raises(AccountError, match=said):
        add_user(store_engine, name, password, role)


def test_when_a_session_is_idle_too_long_then_it_ends(store_engine):
    add_user(store_engine, "ann", "a-long-password-1", "staff")
    store = SessionStore(store_engine)
    token = store.create("ann")
    assert store.lookup(token).username == "ann"
    assert store.lookup(token + "x") is None
    with transaction(store_engine) as s:
        row = s.exec(select(ConsoleSession)).one()
        assert row.token_hash != token  # only a hash is stored
        row.last_seen = utcnow() - IDLE - timedelta(seconds=1)
        s.add(row)
    assert store.lookup(token) is None
    with transaction(store_engine) as s:
        assert s.get(ConsoleSession, row.token_hash) is None  # and the row is gone


def test_when_an_account_is_removed_then_its_sessions_end_and_its_history_stays(store_engine):
    from bot.accounts import remove_user, set_role
    from bot.models import AuditEvent
    add_user(store_engine, "ann", "a-long-password-1", "officer")
    store = SessionStore(store_engine)
    token = store.create("ann")
    set_role(store_engine, "ann", "staff")
    assert store.lookup(token) is None  # a role change ends the sessions: sign in again under it
    token = store.create("ann")
    remove_user(store_engine, "ann")
    assert store.lookup(token) is None
    assert authenticate(store_engine, "ann", "a-long-password-1") is None
    with pytest.raises(AccountError, match="no user"):
        remove_user(store_engine, "ann")
    with transaction(store_engine) as s:
        actions = [e.action for e in s.exec(select(AuditEvent).order_by(AuditEvent.id))]
    assert actions[-3:] == ["console_user_added", "console_role_set", "console_user_removed"]


def test_when_a_password_changes_then_every_session_of_that_user_ends(store_engine):
    from bot.accounts import set_password
    add_user(store_engine, "ann", "a-long-password-1", "officer")
    add_user(store_engine, "bob", "b-long-password-1", "staff")
    store = SessionStore(store_engine)
    anns, bobs = store.create("ann"), store.create("bob")
    set_password(store_engine, "ann", "another-long-pass-2")
    assert store.lookup(anns) is None and store.lookup(bobs) is not None


@pytest.mark.parametrize("password", [" " * 12, "aaaaaaaaaaaa", "abababababab", "123456789012", "qwertyuiop12",
                                      "password1234", "short-pass"])
def test_when_a_password_is_easy_to_guess_then_it_is_refused(store_engine, password):
    with pytest.raises(AccountError):
        add_user(store_engine, "ann", password, "staff")


def test_when_the_password_is_the_user_name_then_it_is_refused(store_engine):
    with pytest.raises(AccountError, match="user name"):
        add_user(store_engine, "annabelle-smith", "annabelle-smith", "staff")

