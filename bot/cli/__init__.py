"""Admin commands: `flask --app bot db upgrade`, `flask --app bot users create …`,
`flask --app bot handoffs events ID`, `flask --app bot worker`."""
from __future__ import annotations

import json
import threading

import click
from flask import Flask
from flask.cli import AppGroup

from bot import migrate, retention, worker
from bot.cli import records as records_cli
from bot.console import auth
from bot.console import handoffs as console
from bot.services import services

db_cli = AppGroup("db", help="Database schema.")
users_cli = AppGroup("users", help="Agents and supervisors of the console.")


@db_cli.command("upgrade")
def db_upgrade():
    """Create or migrate the database to the newest schema."""
    migrate.upgrade(services().config.database_url)
    click.echo("database is up to date")


def _csv(value: str | None) -> list[str] | None:
    if value is None:
        return None
    return [part.strip() for part in value.split(",") if part.strip() and part.strip() != "all"]


_serving = [
    click.option("--lines", default=None, help="Lines served, comma separated (all: every line)."),
    click.option("--languages", default=None,
                 help="Languages served, e.g. nl,en (all: every one)."),
    click.option("--phone", default=None, help="E.164 number for pages (SMS); '' removes it."),
]


def serving_options(command):
    for option in reversed(_serving):
        command = option(command)
    return command


def _set_serving(username, lines, languages, phone):
    try:
        auth.update_agent(services(), username, lines=_csv(lines), languages=_csv(languages),
                          phone=phone)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None


@users_cli.command("create")
@click.argument("username")
@click.option("--role", type=click.Choice(auth.ROLES), default="agent", show_default=True)
@click.option("--password-stdin", is_flag=True,
              help="Read the password from stdin instead of generating one.")
@serving_options
def users_create(username: str, role: str, password_stdin: bool, lines, languages, phone):
    """Create an agent or supervisor; a generated password is printed once."""
    password = click.get_text_stream("stdin").readline().strip() if password_stdin else None
    try:
        password = auth.create_agent(services(), username, role, password)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    if lines is not None or languages is not None or phone is not None:
        _set_serving(username, lines, languages, phone)
    click.echo(f"created {role} {username!r}")
    if not password_stdin:
        click.echo(f"password (shown once): {password}")


@users_cli.command("set")
@click.argument("username")
@serving_options
def users_set(username: str, lines, languages, phone):
    """Which lines and languages someone serves, and their pager number."""
    _set_serving(username, lines, languages, phone)
    click.echo(f"updated {username!r}")


@users_cli.command("list")
def users_list():
    """Everyone with a console account: role, lines, languages, presence (no passwords)."""
    for row in auth.list_agents(services()):
        fields = [row["username"], row["role"], "lines=" + (",".join(row["lines"]) or "all"),
                  "languages=" + (",".join(row["languages"]) or "all"), row["status"],
                  "pager=" + ("yes" if row["phone"] else "no")]
        if not row["active"]:
            fields.append("inactive")
        click.echo("\t".join(fields))


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
    counts = retention.purge(services(), days, dry_run)
    verb = "would remove" if dry_run else "removed"
    click.echo(f"transcripts: {verb} {counts['messages']} messages and {counts['notes']} notes "
               f"of {counts['conversations']} conversations last active before {counts['cutoff']}")


handoffs_cli = AppGroup("handoffs", help="Handoffs to a person.")


@handoffs_cli.command("events")
@click.argument("handoff_id", type=int)
def handoffs_events(handoff_id: int):
    """A handoff's steps as JSON lines, oldest first (for audits)."""
    try:
        rows = console.events(services(), handoff_id)
    except KeyError:
        raise click.ClickException(f"no handoff {handoff_id}") from None
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False))


@click.command("worker")
@click.option("--interval", type=float, default=1.0, show_default=True,
              help="Seconds between passes over due escalations.")
@click.option("--passes", type=int, default=None, help="Stop after this many passes.")
@click.option("--trace", is_flag=True, help="Print a line per pass (for tests and debugging).")
def worker_command(interval: float, passes, trace: bool):
    """Carry out due escalations (pages, console alerts, what the caller is told) until stopped."""

    stop = threading.Event()
    worker.install_signal_handlers(stop)
    click.echo(f"escalation worker: every {interval} s", err=True)
    worker.run(services(), interval, stop, passes, trace)


def register(app: Flask) -> None:
    app.cli.add_command(db_cli)
    app.cli.add_command(users_cli)
    app.cli.add_command(transcripts_cli)
    app.cli.add_command(handoffs_cli)
    app.cli.add_command(worker_command)
    records_cli.register(app)  # donors / customers import, demo data
