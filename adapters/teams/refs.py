"""Conversation references in the database (table ``conversation_ref``).

Teams replies and card updates need the conversation reference of the draft
(service URL, conversation id with its thread, bot and tenant). Keeping them
in the database, keyed by the draft's ``MessageRef.key``, means a restarted
or second replica can still reply in the thread and update the card."""
from __future__ import annotations

import json

from botbuilder.schema import ConversationReference
from sqlalchemy.exc import IntegrityError

from bot.db import transaction
from bot.models import ConversationRef, utcnow

PLATFORM = "teams"


class ConversationRefStore:
    def __init__(self, engine):
        self.engine = engine

    def save(self, key: str, reference: ConversationReference) -> None:
        payload = json.dumps(reference.serialize(), sort_keys=True)
        for _ in range(2):  # a concurrent insert of the same key: update on the second pass
            try:
                with transaction(self.engine) as s:
                    row = s.get(ConversationRef, key)
                    if row is None:
                        s.add(ConversationRef(key=key, platform=PLATFORM, payload=payload))
                    elif row.payload != payload:
                        row.payload, row.updated_at = payload, utcnow()
                        s.add(row)
                return
            except IntegrityError:
                continue

    def load(self, key: str) -> ConversationReference | None:
        with transaction(self.engine) as s:
            row = s.get(ConversationRef, key)
            payload = row.payload if row else None
        if payload is None:
            return None
        return ConversationReference().deserialize(json.loads(payload))
