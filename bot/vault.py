"""Encryption of what must be stored about a draft (its text, its rewrite).

With ``CLEARPOST_DATA_KEY`` set, values are Fernet-encrypted (AES-128-CBC +
HMAC). ``load_config`` accepts only a Fernet key for it (start-up is refused
otherwise); here a passphrase is still hashed to one, for tests and old
callers. Text sealed under another key raises ``InvalidToken`` on opening:
callers show it as unreadable rather than fail.

Without it, a draft's text still never reaches the disk in plaintext while it
waits to be checked (database pages, the SQLite WAL, a crash dump of the
file): it is sealed with a key this process makes up at start and holds only
in memory (``Vault.ephemeral``). A crash loses that key, so such a draft's
review fails closed and asks for the draft to be posted again."""
from __future__ import annotations

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken


class Vault:
    def __init__(self, key: str | None):
        self._fernet = Fernet(self._as_fernet_key(key)) if key else None

    @staticmethod
    def _as_fernet_key(key: str) -> bytes:
        try:
            raw = base64.urlsafe_b64decode(key.encode())
            if len(raw) == 32:
                return key.encode()
        except (ValueError, TypeError):
            pass
        return base64.urlsafe_b64encode(hashlib.sha256(key.encode()).digest())

    @classmethod
    def ephemeral(cls) -> "Vault":
        """A vault whose key exists only in this process's memory."""
        return cls(Fernet.generate_key().decode())

    @property
    def enabled(self) -> bool:
        return self._fernet is not None

    def seal(self, value: str | None) -> str | None:
        if value is None:
            return None
        if not self._fernet:
            return value
        return "enc:" + self._fernet.encrypt(value.encode()).decode()

    def open(self, value: str | None) -> str | None:
        if value is None or not value.startswith("enc:"):
            return value
        if not self._fernet:
            raise InvalidToken("stored text is encrypted but CLEARPOST_DATA_KEY is not set")
        return self._fernet.decrypt(value[4:].encode()).decode()

    def seal_bytes(self, data: bytes) -> str:
        """A file (a cleaned image) sealed like a text; this vault must have a key
        (``ReviewService.text_vault`` always has one)."""
        if not self._fernet:
            raise ValueError("sealing a file needs a key")
        return "enc:" + self._fernet.encrypt(data).decode()

    def open_bytes(self, value: str) -> bytes:
        if not value.startswith("enc:") or not self._fernet:
            raise InvalidToken("not a file sealed by this vault")
        return self._fernet.decrypt(value[4:].encode())
