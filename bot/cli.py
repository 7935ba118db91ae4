"""Admin commands: `flask --app bot db upgrade`, `flask --app bot users create …`."""
from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

from bot import auth, migrate, records_cli
from bot.services import services

db_cli = AppGroup("db", help="Database schema.")
users_cli = AppGroup("users", help="Agents and supervisors of the console.")


@db_cli.command("upgrade")
def db_upgrade():
    """Create or migrate the database to the newest schema."""
    migrate.upgrade(services().config.database_url)
    click.echo("database is up to date")


@users_cli.command("create")
@click.argument("username")
@click.option("--role", type=click.Choice(auth.ROLES), default="agent", show_default=True)
@click.option("--password-stdin", is_flag=True,
              help="Read the password from stdin instead of generating one.")
def users_create(username: str, role: str, password_stdin: bool):
    """Create an agent or supervisor; a generated password is printed once."""
    password = click.get_text_stream("stdin").readline().strip() if password_stdin else None
    try:
        password = auth.create_agent(services(), username, role, password)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"created {role} {username!r}")
    if not password_stdin:
        click.echo(f"password (shown once): {password}")


@users_cli.command("first-supervisor")
@click.option("--username", default="supervisor", show_default=True)
def users_first_supervisor(username: str):
    """Create a first supervisor if there is none (used by `make run`); prints its password once."""
    if auth.count_agents(services(), "supervisor"):
        click.echo("console: log in with your supervisor account (`flask --app bot users create` "
                   "adds more)")
        return
    password = auth.create_agent(services(), username, "supervisor")
    click.echo(f"console: first supervisor {username!r} created, password (shown once): {password}")


transcripts_cli = AppGroup("transcripts", help="Conversation transcripts.")


@transcripts_cli.command("purge")
@click.option("--days", type=int, default=None,
              help="Keep this many days (default: TRANSCRIPT_RETENTION_DAYS).")
@click.option("--dry-run", is_flag=True, help="Count what would be removed, remove nothing.")
def transcripts_purge(days, dry_run):
    """Remove transcripts older than the retention period (run daily, e.g. from cron)."""
    from bot import retention
    counts = retention.purge(services(), days, dry_run)
    verb = "would remove" if dry_run else "removed"
    click.echo(f"transcripts: {verb} {counts['messages']} messages and {counts['notes']} notes "
               f"of {counts['conversations']} conversations last active before {counts['cutoff']}")


def register(app: Flask) -> None:
    app.cli.add_command(db_cli)
    app.cli.add_command(users_cli)
    app.cli.add_command(transcripts_cli)
    records_cli.register(app)  # donors / customers import, demo data
