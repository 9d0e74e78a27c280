"""`clearpost users`: local accounts for the web console.

The password is read from a prompt (typed twice) on a terminal, or from the
first line of standard input otherwise, never from the command line where it
would land in shell history and the process list."""
from __future__ import annotations

import getpass
import secrets
import sys

from bot import totp
from bot.accounts import (ROLES, AccountError, add_user, end_sessions, get_user, list_sessions, list_users,
                          remove_user, set_password, set_role)
from bot.commands.common import UsageError, config_from, guarded
from bot.db import make_engine, upgrade


def register(sub) -> None:
    p = sub.add_parser("users", help="console accounts (officer, staff)")
    usub = p.add_subparsers(dest="users_command", required=True)
    add = usub.add_parser("add", help="create a console account; the password is read from a prompt or stdin",
                          description="Create a console account. The password is read from a prompt (typed twice) "
                                      "or the first line of standard input, never from the command line. An officer "
                                      "can decide drafts only once their name is also listed under officers.console "
                                      "in the profile; until then they act as staff.")
    add.add_argument("name", help="user name (lower-case letters, digits, '.', '_', '-')")
    add.add_argument("--role", choices=ROLES, required=True,
                     help="officer (decides drafts; also list the name under officers.console) or staff")
    add.set_defaults(func=guarded(_add))
    pw = usub.add_parser("password", help="set a new password for a console account")
    pw.add_argument("name")
    pw.set_defaults(func=guarded(_password))
    role = usub.add_parser("role", help="change a console account's role")
    role.add_argument("name")
    role.add_argument("--role", choices=ROLES, required=True)
    role.set_defaults(func=guarded(_role))
    rm = usub.add_parser("remove", help="delete a console account and end its sessions")
    rm.add_argument("name")
    rm.set_defaults(func=guarded(_remove))
    ls = usub.add_parser("list", help="list console accounts")
    ls.set_defaults(func=guarded(_list))
    ss = usub.add_parser("sessions", help="list a user's live console sessions; --end ends them all",
                         description="List a user's live console sessions: when each was signed in, last used and "
                                     "ends, and the address it signed in from (never the session token). With "
                                     "--end, end all of them at once (audited as console_sessions_ended); the "
                                     "user's browsers are sent to the sign-in page on their next click. A new "
                                     "password, a changed role and a second-factor reset end them too.")
    ss.add_argument("name")
    ss.add_argument("--end", action="store_true", help="end every session of the user (all of them, at once)")
    ss.set_defaults(func=guarded(_sessions))
    tr = usub.add_parser("totp-reset", help="remove a user's two-step sign-in (lost phone) and end their sessions",
                         description="Remove the user's TOTP second factor, for a lost or replaced phone, and end "
                                     "their sessions (audited as console_totp_reset). They sign in with the "
                                     "password alone and can set up two-step sign-in again in the console. Check "
                                     "who is asking before you run it.")
    tr.add_argument("name")
    tr.set_defaults(func=guarded(_totp_reset))
    qs = usub.add_parser("quickstart", help="create a first officer (the first name under officers.console) "
                                            "and a staff account, with random passwords it prints; "
                                            "accounts that exist are left alone")
    qs.add_argument("--staff", default="staff", help="the staff account's name (default: staff)")
    qs.set_defaults(func=guarded(_quickstart))


def read_password() -> str:
    if sys.stdin.isatty():
        first = getpass.getpass("password: ")
        if getpass.getpass("again: ") != first:
            raise UsageError("the passwords do not match")
        return first
    line = sys.stdin.readline()
    if not line:
        raise UsageError("no password on standard input")
    return line.rstrip("\r\n")


def _engine(args):
    config = config_from(args)
    engine = make_engine(config.database_url)
    upgrade(engine)
    return config, engine


def _add(args) -> int:
    config, engine = _engine(args)
    password = read_password()
    try:
        account = add_user(engine, args.name, password, args.role)
    except AccountError as e:
        raise UsageError(str(e)) from None
    print(f"added {account.username} ({account.role})")
    if account.role == "officer" and account.username not in config.officers_for("console"):
        print(f"note: {account.username} can approve drafts only once listed under officers.console "
              f"in {config.source}", file=sys.stderr)
    return 0


def _password(args) -> int:
    _config, engine = _engine(args)
    password = read_password()
    try:
        set_password(engine, args.name, password)
    except AccountError as e:
        raise UsageError(str(e)) from None
    print(f"password changed for {args.name.strip().lower()}")
    return 0


def _role(args) -> int:
    config, engine = _engine(args)
    try:
        set_role(engine, args.name, args.role)
    except AccountError as e:
        raise UsageError(str(e)) from None
    name = args.name.strip().lower()
    print(f"{name} is now {args.role}")
    if args.role == "officer" and name not in config.officers_for("console"):
        print(f"note: {name} can approve drafts only once listed under officers.console in {config.source}",
              file=sys.stderr)
    return 0


def _remove(args) -> int:
    _config, engine = _engine(args)
    try:
        remove_user(engine, args.name)
    except AccountError as e:
        raise UsageError(str(e)) from None
    print(f"removed {args.name.strip().lower()}; their sessions have ended")
    return 0


def _list(args) -> int:
    config, engine = _engine(args)
    officers = set(config.officers_for("console"))
    for a in list_users(engine):
        listed = " (not in officers.console: acts as staff)" if a.role == "officer" and a.username not in officers else ""
        two_step = "\ttwo-step sign-in" if a.totp_enabled else ""
        print(f"{a.username}\t{a.role}{listed}\tcreated {a.created_at:%Y-%m-%d}{two_step}")
    return 0


def _sessions(args) -> int:
    _config, engine = _engine(args)
    name = args.name.strip().lower()
    try:
        if args.end:
            ended = end_sessions(engine, name)
            print(f"ended {ended} session{'s' if ended != 1 else ''} of {name}")
            return 0
        sessions = list_sessions(engine, name)
    except AccountError as e:
        raise UsageError(str(e)) from None
    if not sessions:
        print(f"{name} has no live sessions")
        return 0
    print("signed in\tlast seen\tends\taddress")
    for x in sessions:
        waiting = "\t(waiting for the second-factor code)" if x.waiting_for_code else ""
        print(f"{x.created_at:%Y-%m-%d %H:%M} UTC\t{x.last_seen:%Y-%m-%d %H:%M} UTC\t{x.expires_at:%Y-%m-%d %H:%M} UTC"
              f"\t{x.address or 'unknown'}{waiting}")
    return 0


def _totp_reset(args) -> int:
    _config, engine = _engine(args)
    name = args.name.strip().lower()
    try:
        removed = totp.reset(engine, name)
    except AccountError as e:
        raise UsageError(str(e)) from None
    if not removed:
        print(f"{name} has no two-step sign-in; nothing changed")
        return 0
    print(f"two-step sign-in removed for {name}; their sessions have ended")
    return 0


def _quickstart(args) -> int:
    """Two accounts to try the console with: a staff member submits, the officer clears (an officer
    cannot clear their own draft). Prints each new password once; never changes an existing account."""
    config, engine = _engine(args)
    officers = config.officers_for("console")
    if not officers:
        raise UsageError(f"no console officer in {config.source}: list a user name under officers.console first")
    wanted = [(officers[0], "officer"), (args.staff.strip().lower(), "staff")]
    for name, role in wanted:
        if get_user(engine, name) is not None:
            print(f"{name}: exists, password unchanged")
            continue
        password = secrets.token_urlsafe(12)
        try:
            add_user(engine, name, password, role)
        except AccountError as e:
            raise UsageError(str(e)) from None
        print(f"{name}: created ({role}), password: {password}")
    return 0
