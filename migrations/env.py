"""Alembic environment: the database URL comes from the caller (bot.migrate) or DATABASE_URL."""
from alembic import context

from core.config import Config
from core.db import engine_for
from core.models import Base

config = context.config
url = config.get_main_option("sqlalchemy.url") or Config().database_url


def run_migrations_online() -> None:
    with engine_for(url).connect() as connection:
        context.configure(connection=connection, target_metadata=Base.metadata,
                          render_as_batch=url.startswith("sqlite"))
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
