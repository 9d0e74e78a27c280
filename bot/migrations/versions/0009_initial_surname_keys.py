"""patient_name: an initial-and-family-name key for every patient ("d. huang" for Derek Huang)

A draft signed "— D. Huang" must find Derek Huang in the registry, whose withdrawal then stops it.
New and updated patients get the key from bot.consent.names.patient_keys; this indexes the patients
already registered with the same function. Idempotent: a key a patient already has is skipped.

Revision ID: 0009_initial_surname_keys
Revises: 0008_console_credentials

"""
from alembic import op
import sqlalchemy as sa

from bot.consent.names import patient_keys


revision = '0009_initial_surname_keys'
down_revision = '0008_console_credentials'
branch_labels = None
depends_on = None

_KIND = "initial_surname"


def upgrade() -> None:
    conn = op.get_bind()
    names = sa.table("patient_name", sa.column("name_key"), sa.column("kind"), sa.column("patient_id"))
    have = {(k, p) for k, p in conn.execute(sa.text("SELECT name_key, patient_id FROM patient_name WHERE kind = :k"),
                                            {"k": _KIND})}
    rows = []
    for pid, display_name in conn.execute(sa.text("SELECT id, display_name FROM patient")):
        rows += [{"name_key": key, "kind": _KIND, "patient_id": pid}
                 for key, kind in patient_keys(display_name).items() if kind == _KIND and (key, pid) not in have]
    if rows:
        op.bulk_insert(names, rows)


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM patient_name WHERE kind = :k").bindparams(k=_KIND))
