"""The audit trail: evidence of who did what, when, that nobody can change
unnoticed.

``chain`` appends hash-chained rows (``audit.append(session, actor, action,
...)`` inside the caller's transaction); ``verify`` re-walks the chain;
``evidence`` and ``export`` build what a regulator is handed; ``retention``
purges stored draft texts without touching the chain.
"""
from bot.audit.chain import GENESIS, Entry, append, append_many, row_digest, stamp
from bot.audit.evidence import consents_cited

__all__ = ["GENESIS", "Entry", "append", "append_many", "row_digest", "stamp", "consents_cited"]
