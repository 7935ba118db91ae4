"""The import and demo data commands: `flask --app bot donors import FILE.csv [--dry-run]`,
`flask --app bot customers import FILE.csv [--dry-run]`, `flask --app bot demo generate|load`.
The import itself is core/importer.py, the demo data core/demo_data.py.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import click
from flask import Flask
from flask.cli import AppGroup

from bot.services import services
from core import demo_data
from core.importer import DEMO_DIR, FileError, count_rows, import_customers, import_donors

# --- commands --------------------------------------------------------------------------------

def _run_with_progress(importer, services, path: str, dry_run: bool):
    try:
        total = count_rows(path)
        with click.progressbar(length=total, label=f"importing {Path(path).name}",
                               file=sys.stderr) as bar:
            report = importer(services, path, dry_run=dry_run, progress=bar.update)
    except FileError as exc:
        raise click.ClickException(str(exc)) from None
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise click.ClickException(f"{path}: {exc}") from None
    for error in report.errors:
        click.echo(str(error))
    click.echo(report.summary())
    return report


donors_cli = AppGroup("donors", help="Donors (Vrienden) of the foundation.")
customers_cli = AppGroup("customers", help="Customers of PatchPump.")
demo_cli = AppGroup("demo", help="Synthetic demo data.")

@donors_cli.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Validate and report; write nothing.")
def donors_import(path: str, dry_run: bool):
    """Import or update donors from a CSV file.

    Columns: donor_id,first_name,last_name,phone,email,street,house_number,postcode,city,
    iban,amount,frequency,start_date,status. Rows with errors are listed with their line
    number (header = line 1) and skipped; the good rows are imported. Exit status 1 when
    any row had an error.
    """
    report = _run_with_progress(import_donors, services(), path, dry_run)
    if report.errors:
        sys.exit(1)


@customers_cli.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Validate and report; write nothing.")
def customers_import(path: str, dry_run: bool):
    """Import or update pump customers from a CSV file.

    Columns: customer_id,first_name,last_name,phone,email,street,house_number,postcode,city,
    date_of_birth,pump_serial,pump_lot. under_safety_notice is set from fsn.yml. Rows with
    errors are listed with their line number (header = line 1) and skipped; the good rows
    are imported. Exit status 1 when any row had an error.
    """
    report = _run_with_progress(import_customers, services(), path, dry_run)
    if report.errors:
        sys.exit(1)


@demo_cli.command("generate")
@click.option("--donors", "n_donors", type=click.IntRange(min=0), default=15000,
              show_default=True)
@click.option("--customers", "n_customers", type=click.IntRange(min=0), default=500,
              show_default=True)
@click.option("--out", type=click.Path(file_okay=False), default=str(DEMO_DIR),
              show_default=True)
@click.option("--with-errors", is_flag=True, help="Add a handful of deliberately bad rows.")
@click.option("--seed", type=int, default=None, help="Random seed (default: the fixed one).")
def demo_generate(n_donors: int, n_customers: int, out: str, with_errors: bool, seed):
    """Write synthetic donors.csv and customers.csv (repeatable: fixed seed)."""
    paths = demo_data.generate(out, donors=n_donors, customers=n_customers,
                               with_errors=with_errors, seed=seed)
    for path in paths:
        click.echo(f"wrote {path}")


@demo_cli.command("load")
@click.option("--out", type=click.Path(file_okay=False), default=str(DEMO_DIR),
              show_default=True)
def demo_load(out: str):
    """Generate the demo files if missing and import them, with supply orders.

    Does nothing, quietly, when any donor or pump customer is stored (make run calls this
    on every start), so demo rows never mix with imported real ones.
    """
    if demo_data.already_loaded(services()):
        return
    click.echo("loading synthetic demo donors and pump customers (first start) ...")
    for report in demo_data.load(services(), out) or ():
        click.echo(report.summary())


def register(app: Flask) -> None:
    for group in (donors_cli, customers_cli, demo_cli):
        app.cli.add_command(group)
