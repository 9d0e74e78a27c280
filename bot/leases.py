"""Who holds review leases, and whether that holder is still alive.

A review being checked and reported is leased to one process
(``review.lease_owner``). Waiting out the lease of a process that died would
delay its drafts by the whole lease; instead every serving process registers
itself as a holder (host, process id, that process's start time) and beats a
heartbeat. A holder is dead when it runs on this host and its process is gone
(or the id now belongs to another process), or when its heartbeat is older
than ``holder_timeout`` (another host, or a hung process): its leases are
released at once and its reviews are taken over by whoever sweeps next.
"""
from __future__ import annotations

import logging
import os
import socket
import uuid
from datetime import timedelta
from pathlib import Path

from sqlalchemy import delete, update
from sqlmodel import select

from bot.db import transaction
from bot.models import LeaseHolder, Review, utcnow

log = logging.getLogger(__name__)

HOST = socket.gethostname()[:200]


def process_start(pid: int) -> str | None:
    """The process's start time (clock ticks since boot, Linux), which tells a
    reused process id apart; None where /proc is not available."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()  # the command name may hold spaces or parentheses
    return fields[19] if len(fields) > 19 else None  # field 22 of proc(5); fields[0] is field 3


def process_alive(pid: int, started: str | None) -> bool:
    """Is the process that registered as ``pid`` (started at ``started``) still running here?"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, under another user
    if started is not None:
        now = process_start(pid)
        if now is not None and now != started:
            return False  # the id was reused by a newer process
    return True


class LeaseHolders:
    """This process's identity as a lease holder, and the reclaiming of dead holders' leases."""

    def __init__(self, engine, holder_timeout: timedelta):
        self.engine = engine
        self.holder_timeout = holder_timeout
        self.id = f"{HOST}:{os.getpid()}:{uuid.uuid4().hex[:8]}"

    def register(self) -> None:
        now = utcnow()
        with transaction(self.engine) as s:
            s.merge(LeaseHolder(id=self.id, host=HOST, pid=os.getpid(), pid_started=process_start(os.getpid()),
                                started_at=now, heartbeat_at=now))

    def heartbeat(self) -> None:
        with transaction(self.engine) as s:
            beat = s.execute(update(LeaseHolder).where(LeaseHolder.id == self.id)
                             .values(heartbeat_at=utcnow())).rowcount
        if not beat:  # judged dead by a replica (a long stall): register again; our old leases are gone
            log.warning("this process was taken for dead by another replica; registering again")
            self.register()

    def reclaim(self) -> int:
        """Release every lease held by a dead holder and forget the holder;
        returns how many reviews were released."""
        now = utcnow()
        with transaction(self.engine) as s:
            dead = [h.id for h in s.exec(select(LeaseHolder)) if h.id != self.id and self._dead(h, now)]
            if not dead:
                return 0
            released = s.execute(update(Review).where(Review.lease_owner.in_(dead))
                                 .values(lease_owner=None, lease_until=None)).rowcount
            s.execute(delete(LeaseHolder).where(LeaseHolder.id.in_(dead)))
        log.info("took over %d review(s) from %d stopped process(es)", released, len(dead))
        return released

    def _dead(self, holder: LeaseHolder, now) -> bool:
        if holder.host == HOST and not process_alive(holder.pid, holder.pid_started):
            return True
        heartbeat = holder.heartbeat_at
        if heartbeat.tzinfo is None:
            heartbeat = heartbeat.replace(tzinfo=now.tzinfo)
        return heartbeat < now - self.holder_timeout

    def release_mine(self) -> int:
        """On shutdown: whatever this process could not finish is free for the next one at once."""
        with transaction(self.engine) as s:
            released = s.execute(update(Review).where(Review.lease_owner == self.id)
                                 .values(lease_owner=None, lease_until=None)).rowcount
            s.execute(delete(LeaseHolder).where(LeaseHolder.id == self.id))
        return released
