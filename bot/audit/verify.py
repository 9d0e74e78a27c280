"""Re-walk the audit chain and name the first row that does not fit.

Rows are streamed in id order (a server-side cursor on PostgreSQL) and each
one is recomputed with the same digest ``append`` used, so memory stays flat
and a million rows take seconds. An edited row fails its own hash; a row
inserted or deleted before row N breaks N's link to its predecessor.

Deleting the newest rows leaves a shorter chain that is still consistent: no
chain can see that on its own. ``anchors`` (``id:hash`` pairs recorded
earlier outside the database, e.g. the head printed by a previous verify)
close that gap: each must still be present with the same hash.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.engine import Engine

from bot.audit.chain import GENESIS, row_digest
from bot.models import AuditEvent

T = AuditEvent.__table__.c
COLUMNS = (T.id, T.at, T.actor, T.action, T.review_id, T.consent_id, T.details, T.prev_hash, T.hash)


@dataclass(frozen=True)
class Anchor:
    id: int
    hash: str

    @classmethod
    def parse(cls, text: str) -> "Anchor":
        """``ID:HASH``, as printed by ``clearpost audit verify``."""
        ident, sep, digest = text.strip().partition(":")
        if not sep or not ident.isdigit() or len(digest) != 64:
            raise ValueError(f"anchor {text!r} is not ID:SHA256 (as printed by `clearpost audit verify`)")
        return cls(int(ident), digest.lower())


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    rows: int
    head_id: int | None = None
    head_hash: str = GENESIS
    bad_id: int | None = None
    reason: str | None = None
    anchors_checked: int = 0

    @property
    def head(self) -> str:
        return f"{self.head_id}:{self.head_hash}" if self.head_id is not None else "(empty)"


def verify(engine: Engine, anchors: tuple[Anchor, ...] | list[Anchor] = (), batch: int = 20_000) -> VerifyResult:
    """Check every row; stop at the first bad one."""
    wanted = {a.id: a.hash for a in anchors}
    seen: set[int] = set()
    prev, count, last_id = GENESIS, 0, None
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=batch).execute(
            select(*COLUMNS).order_by(T.id))
        for rid, at, actor, action, review_id, consent_id, details, prev_hash, digest in result:
            if prev_hash != prev:
                where = "the start of the chain" if last_id is None else f"row {last_id}"
                return _broken(count, last_id, prev, rid,
                               f"row {rid} does not link to {where}: a row before it was "
                               "deleted, inserted or rewritten")
            if row_digest(prev_hash, at, actor, action, review_id, consent_id, details) != digest:
                return _broken(count, last_id, prev, rid,
                               f"row {rid} does not match its hash: its content was edited")
            if rid in wanted:
                if wanted[rid] != digest:
                    return _broken(count, last_id, prev, rid,
                                   f"row {rid} differs from the anchor recorded for it: "
                                   "the chain was rewritten from there on")
                seen.add(rid)
            prev, last_id = digest, rid
            count += 1
    absent = sorted(set(wanted) - seen)
    if absent:
        tail = last_id is None or absent[0] > last_id
        return VerifyResult(False, count, last_id, prev, bad_id=absent[0], anchors_checked=len(seen),
                            reason=f"anchored row {absent[0]} is gone: "
                                   + ("the newest rows were deleted" if tail else "the chain was rebuilt without it"))
    return VerifyResult(True, count, last_id, prev, anchors_checked=len(seen))


def _broken(count: int, last_id: int | None, prev: str, bad_id: int, reason: str) -> VerifyResult:
    return VerifyResult(False, count, last_id, prev, bad_id=bad_id, reason=reason)
