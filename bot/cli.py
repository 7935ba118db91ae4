"""Admin commands: `flask --app bot db upgrade`."""
from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

from bot import migrate
from bot.services import services

db_cli = AppGroup("db", help="Database schema.")


@db_cli.command("upgrade")
def db_upgrade():
    """Create or migrate the database to the newest schema."""
    migrate.upgrade(services().config.database_url)
    click.echo("database is up to date")


def register(app: Flask) -> None:
    app.cli.add_command(db_cli)
