"""Alembic environment: the engine is handed over by ``bot.db.upgrade``."""
from alembic import context

from bot import models  # noqa: F401  (registers the tables on the metadata)
from sqlmodel import SQLModel

engine = context.config.attributes["engine"]
with engine.begin() as connection:
    context.configure(connection=connection, target_metadata=SQLModel.metadata,
                      render_as_batch=connection.dialect.name == "sqlite")
    with context.begin_transaction():
        context.run_migrations()
