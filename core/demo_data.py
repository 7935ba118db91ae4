"""Synthetic demo data: donors, pump customers and their supply orders.

`flask --app bot demo generate [--donors 15000] [--customers 500] [--out var/demo]
[--with-errors]` writes donors.csv and customers.csv (the import format of
core/importer.py); `flask --app bot demo load` generates them if missing and imports them,
plus supply orders for the customers. `make run` calls `demo load` on every start: it does
nothing (quietly) once any donor or pump customer is stored, so demo rows never mix with
imported real ones.

Everything is synthetic and repeatable (fixed seed): common Dutch first and last names and
street names in random combinations, real city names with a postcode in the city's range,
mobile numbers in the +3161/+3162 ranges, e-mail at example.org / example.nl, IBANs with
correct check digits (computed by schwifty) but random account numbers, pump serials and
lots of a made-up format (PP + yymm + 6 digits; lot PPL-yymm + letter).

Fixed identities for manual testing (always the first rows of the files):

- D000001 Anna Jansen, +31612345678, Voorbeeldstraat 1, 1011 AB Amsterdam; €10,00 per maand,
  actief, IBAN NL02ABNA0123456789 ("eindigend op 6789").
- D000002 Pieter de Vries, +31612345679, Kerkstraat 12, 3511 LK Utrecht; €30,00 per
  kwartaal, gepauzeerd.
- D000003 Fatima El Amrani, +31612345680, Molenweg 7, 9711 AB Groningen; €120,00 per jaar,
  opgezegd.
- C000001 Sanne Bakker, +31623456789, Stationsweg 3, 3511 AB Utrecht; pump PP2409000042,
  lot PPL-2409A: under the safety notice (serial range in fsn.yml); an order "vertraagd".
- C000002 Johan Visser, +31623456780, Dorpsstraat 20, 5611 AB Eindhoven; pump PP2501000001,
  lot PPL-2501A: not affected; an order "verzonden".
- C000003 Mohammed Yilmaz, +31623456781, Lindelaan 5, 2511 AB Den Haag; pump PP2406000777,
  lot PPL-2406B: under the safety notice (affected lot).

Generated donors start at D000101 and customers at C000101, so the fixed ones never clash.
"""
from __future__ import annotations

import csv
import random
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from schwifty import IBAN
from sqlalchemy import insert, select

from core.importer import (
    CUSTOMER_COLUMNS,
    DEMO_DIR,
    DONOR_COLUMNS,
    DONOR_OPTIONAL_COLUMNS,
    count,
    import_customers,
    import_donors,
)
from core.records import Donor, PumpCustomer, SupplyOrder

SEED = 20261123
DONORS_FILE = "donors.csv"
CUSTOMERS_FILE = "customers.csv"

FIRST_NAMES = (
    "Anna", "Emma", "Sophie", "Julia", "Lotte", "Sanne", "Fleur", "Eva", "Lisa", "Noor",
    "Femke", "Anouk", "Marieke", "Ingrid", "Wilma", "Els", "Petra", "Monique", "Fatima",
    "Yasmina", "Aylin", "Priya", "Grietje", "Truus", "Jan", "Pieter", "Kees", "Henk", "Willem",
    "Daan", "Sem", "Lucas", "Thijs", "Bram", "Ruben", "Jeroen", "Marco", "Bas", "Gerrit",
    "Johan", "Mohammed", "Youssef", "Mehmet", "Emre", "Rajesh", "Wouter", "Joost", "Ton",
)
LAST_NAMES = (
    "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit",
    "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
    "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf",
    "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen", "van den Heuvel",
    "van der Veen", "van den Broek", "de Bruijn", "de Jong", "Schouten", "Willems", "Hoekstra",
    "El Amrani", "Yilmaz", "Kaya", "Öztürk", "Bouzid", "Ramdin", "Nguyen", "Wang", "Kramer",
)
STREETS = (
    "Kerkstraat", "Schoolstraat", "Dorpsstraat", "Molenweg", "Stationsweg", "Julianastraat",
    "Beatrixlaan", "Wilhelminastraat", "Lindelaan", "Eikenlaan", "Beukenlaan", "Parkweg",
    "Nieuwstraat", "Marktstraat", "Prinsengracht", "Havenstraat", "Veldweg", "Industrieweg",
    "Sportlaan", "Zuiderweg", "Noorderstraat", "Tulpstraat", "Rozenlaan", "Merelstraat",
    "Kastanjelaan", "Hoofdstraat", "Brink", "Esdoornlaan", "Populierenweg", "Vijverlaan",
)
# City and the first two digits of its postcodes.
CITIES = (
    ("Amsterdam", 10), ("Rotterdam", 30), ("Den Haag", 25), ("Utrecht", 35),
    ("Eindhoven", 56), ("Groningen", 97), ("Tilburg", 50), ("Almere", 13), ("Breda", 48),
    ("Nijmegen", 65), ("Haarlem", 20), ("Arnhem", 68), ("Zwolle", 80), ("Leiden", 23),
    ("Maastricht", 62), ("Leeuwarden", 89), ("Amersfoort", 38), ("Enschede", 75),
    ("Apeldoorn", 73), ("Delft", 26),
)
BANKS = ("ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ")
LETTERS = "ABCDEGHJKLMNPRTVWXZ"  # no SA/SD/SS (not used in Dutch postcodes)
AMOUNTS = {"maand": ("5.00", "7.50", "10.00", "12.50", "15.00", "20.00", "25.00", "50.00"),
           "kwartaal": ("15.00", "25.00", "30.00", "50.00", "75.00"),
           "jaar": ("50.00", "60.00", "100.00", "120.00", "250.00", "500.00")}
# Pump production months and the lots in each (serial blocks of 500 per lot letter).
PUMP_MONTHS = ("2401", "2403", "2405", "2406", "2407", "2409", "2411", "2501", "2503", "2505")
SUPPLIES = (("PP-PATCH-10", "Patches (10 stuks)"), ("PP-RES-10", "Reservoirs (10 stuks)"),
            ("PP-SENS-3", "Sensoren (3 stuks)"), ("PP-WIPE-50", "Huiddoekjes (50 stuks)"))
ORDER_STATUSES = (("bezorgd", 6), ("verzonden", 2), ("besteld", 1), ("vertraagd", 1))

FIXED_DONORS = (
    {"donor_id": "D000001", "first_name": "Anna", "last_name": "Jansen", "phone": "+31612345678",
     "email": "anna.jansen@example.org", "street": "Voorbeeldstraat", "house_number": "1",
     "postcode": "1011 AB", "city": "Amsterdam", "iban": "NL02ABNA0123456789",
     "amount": "10.00", "frequency": "maand", "start_date": "2019-01-01", "status": "actief",
     "date_of_birth": "1956-03-08"},
    {"donor_id": "D000002", "first_name": "Pieter", "last_name": "de Vries",
     "phone": "+31612345679", "email": "pieter.devries@example.nl", "street": "Kerkstraat",
     "house_number": "12", "postcode": "3511 LK", "city": "Utrecht",
     "iban": str(IBAN.generate("NL", bank_code="INGB", account_code="0001234567")),
     "amount": "30.00", "frequency": "kwartaal", "start_date": "2015-06-01",
     "status": "gepauzeerd", "date_of_birth": "1949-11-21"},
    {"donor_id": "D000003", "first_name": "Fatima", "last_name": "El Amrani",
     "phone": "+31612345680", "email": "f.elamrani@example.org", "street": "Molenweg",
     "house_number": "7", "postcode": "9711 AB", "city": "Groningen",
     "iban": str(IBAN.generate("NL", bank_code="RABO", account_code="0123456780")),
     "amount": "120.00", "frequency": "jaar", "start_date": "2012-03-15", "status": "opgezegd",
     "date_of_birth": "1968-07-02"},
)
FIXED_CUSTOMERS = (
    {"customer_id": "C000001", "first_name": "Sanne", "last_name": "Bakker",
     "phone": "+31623456789", "email": "sanne.bakker@example.org", "street": "Stationsweg",
     "house_number": "3", "postcode": "3511 AB", "city": "Utrecht",
     "date_of_birth": "1988-04-12", "pump_serial": "PP2409000042", "pump_lot": "PPL-2409A"},
    {"customer_id": "C000002", "first_name": "Johan", "last_name": "Visser",
     "phone": "+31623456780", "email": "johan.visser@example.nl", "street": "Dorpsstraat",
     "house_number": "20", "postcode": "5611 AB", "city": "Eindhoven",
     "date_of_birth": "1975-09-30", "pump_serial": "PP2501000001", "pump_lot": "PPL-2501A"},
    {"customer_id": "C000003", "first_name": "Mohammed", "last_name": "Yilmaz",
     "phone": "+31623456781", "email": "m.yilmaz@example.org", "street": "Lindelaan",
     "house_number": "5", "postcode": "2511 AB", "city": "Den Haag",
     "date_of_birth": "2001-01-05", "pump_serial": "PP2406000777", "pump_lot": "PPL-2406B"},
)
# Orders of the fixed customers: (status, days ago ordered, days from today expected).
FIXED_ORDERS = {"C000001": ("vertraagd", 9, 2), "C000002": ("verzonden", 2, 1)}

# Deliberately bad rows (--with-errors), each on a copy of a good row: what is wrong is noted.
BAD_DONORS = (
    {"donor_id": "D900001", "iban": "NL00ABNA0123456789"},  # wrong IBAN check digits
    {"donor_id": "D900002", "phone": "+31600000000"},  # impossible mobile number
    {"donor_id": "D900003", "postcode": "0123 AB"},  # postcodes do not start with 0
    {"donor_id": "D900004", "frequency": "wekelijks"},  # no such frequency
    {"donor_id": "D900005", "amount": "0"},  # amount must be more than 0
    {"donor_id": "D900006", "start_date": "31-12-2020"},  # not ISO
)
BAD_CUSTOMERS = (
    {"customer_id": "C900001", "phone": "12"},
    {"customer_id": "C900002", "postcode": "ABCD 12"},
    {"customer_id": "C900003", "date_of_birth": "1990-13-01"},
)


def _postcode(rng: random.Random, prefix: int) -> str:
    return f"{prefix}{rng.randrange(100):02d} {rng.choice(LETTERS)}{rng.choice(LETTERS)}"


def _person(rng: random.Random, phones: set, mobile_prefix: str) -> dict:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    while True:
        phone = f"{mobile_prefix}{rng.randrange(10**7):07d}"
        if phone not in phones:
            phones.add(phone)
            break
    city, prefix = rng.choice(CITIES)
    handle = f"{first}.{last}".lower().replace(" ", "").replace("ö", "o")
    domain = rng.choice(("example.org", "example.nl"))
    number = rng.randrange(1, 180)
    house = str(number) + (rng.choice(("", "", "", "", "A", "B", "-1", "-2")) if number > 1 else "")
    return {"first_name": first, "last_name": last, "phone": phone,
            "email": f"{handle}{rng.randrange(1, 1000)}@{domain}",
            "street": rng.choice(STREETS), "house_number": house,
            "postcode": _postcode(rng, prefix), "city": city}


def donor_rows(n: int, seed: int = SEED, with_errors: bool = False) -> list[dict]:
    """The fixed donors, then n - 3 generated ones (n counts all), then bad rows if asked."""
    rng = random.Random(seed)
    rows = [dict(row) for row in FIXED_DONORS[:n]]
    phones = {row["phone"] for row in rows}
    first_day = date(2005, 1, 1).toordinal()
    span = date(2026, 6, 30).toordinal() - first_day
    born_from = date(1930, 1, 1).toordinal()
    born_span = date(2000, 12, 31).toordinal() - born_from
    for i in range(max(n - len(rows), 0)):
        person = _person(rng, phones, rng.choice(("+3161", "+3162")))
        frequency = rng.choices(("maand", "kwartaal", "jaar"), weights=(70, 15, 15))[0]
        rows.append({
            "donor_id": f"D{101 + i:06d}", **person,
            "iban": str(IBAN.generate("NL", bank_code=rng.choice(BANKS),
                                      account_code=f"{rng.randrange(10**9, 10**10)}")),
            "amount": rng.choice(AMOUNTS[frequency]), "frequency": frequency,
            "start_date": date.fromordinal(first_day + rng.randrange(span)).isoformat(),
            "status": rng.choices(("actief", "gepauzeerd", "opgezegd"), weights=(85, 5, 10))[0],
            "date_of_birth": date.fromordinal(born_from + rng.randrange(born_span)).isoformat(),
        })
    if with_errors and rows:
        template = rows[-1]
        for bad in BAD_DONORS:
            rows.append({**template, **bad})
        rows.append(dict(rows[len(rows) // 2]))  # the same donor_id twice
    return rows


def customer_rows(n: int, seed: int = SEED, with_errors: bool = False) -> list[dict]:
    rng = random.Random(seed + 1)
    rows = [dict(row) for row in FIXED_CUSTOMERS[:n]]
    phones = {row["phone"] for row in rows}
    serials = {row["pump_serial"] for row in rows}
    born_from = date(1940, 1, 1).toordinal()
    born_span = date(2010, 12, 31).toordinal() - born_from
    for i in range(max(n - len(rows), 0)):
        person = _person(rng, phones, rng.choice(("+3161", "+3162")))
        while True:
            month = rng.choice(PUMP_MONTHS)
            number = rng.randrange(1500)
            serial = f"PP{month}{number:06d}"
            if serial not in serials:
                serials.add(serial)
                break
        rows.append({
            "customer_id": f"C{101 + i:06d}", **person,
            "date_of_birth": date.fromordinal(born_from + rng.randrange(born_span)).isoformat(),
            "pump_serial": serial, "pump_lot": f"PPL-{month}{'ABC'[number // 500]}",
        })
    if with_errors and rows:
        template = rows[-1]
        for j, bad in enumerate(BAD_CUSTOMERS):
            rows.append({**template, "pump_serial": f"PP9999{j:06d}", **bad})
    return rows


def _write(path: Path, columns, rows) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    tmp.replace(path)  # never a half-written file under the real name
    return path


def write_donors_csv(path: Path | str, n: int = 15000, with_errors: bool = False,
                     seed: int | None = None) -> Path:
    """Only the donors file (n rows), e.g. for a benchmark of the import."""
    return _write(Path(path), DONOR_COLUMNS + DONOR_OPTIONAL_COLUMNS,
                  donor_rows(n, SEED if seed is None else seed, with_errors))


def generate(out: Path | str = DEMO_DIR, donors: int = 15000, customers: int = 500,
             with_errors: bool = False, seed: int | None = None) -> tuple[Path, Path]:
    seed = SEED if seed is None else seed
    out = Path(out)
    return (_write(out / DONORS_FILE, DONOR_COLUMNS + DONOR_OPTIONAL_COLUMNS,
                   donor_rows(donors, seed, with_errors)),
            _write(out / CUSTOMERS_FILE, CUSTOMER_COLUMNS,
                   customer_rows(customers, seed, with_errors)))


def order_rows(customers: list[tuple[int, str]], today: date | None = None,
               seed: int = SEED) -> list[dict]:
    """Supply orders for (id, customer_number) pairs: 0-3 each, dated relative to today."""
    today = today or date.today()
    rows = []
    for customer_id, number in customers:
        rng = random.Random(f"{seed}:{number}")
        if number in FIXED_ORDERS:
            plan = [FIXED_ORDERS[number]]
        else:
            plan = []
            for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
                status = rng.choices([s for s, _ in ORDER_STATUSES],
                                     weights=[w for _, w in ORDER_STATUSES])[0]
                ago = rng.randrange(20, 200) if status == "bezorgd" else rng.randrange(1, 10)
                plan.append((status, ago, rng.randrange(1, 4)))
        for status, ago, ahead in plan:
            ordered = today - timedelta(days=ago)
            picks = rng.sample(SUPPLIES, rng.randrange(1, 3))
            items = [{"sku": sku, "name": name, "quantity": rng.randrange(1, 4)}
                     for sku, name in picks]
            expected = (ordered + timedelta(days=3) if status == "bezorgd"
                        else today + timedelta(days=ahead))
            rows.append({
                "customer_id": customer_id,
                "ordered_at": datetime.combine(ordered, time(rng.randrange(8, 20),
                                                             rng.randrange(60)),
                                               tzinfo=UTC),
                "items": items, "quantity": sum(item["quantity"] for item in items),
                "status": status,
                "tracking_code": (None if status == "besteld"
                                  else f"3SDEMO{rng.randrange(10**9):09d}"),
                "expected_delivery": expected,
            })
    return rows


def already_loaded(services) -> bool:
    """True when any donor or pump customer is stored (demo or real: never mix them)."""
    return bool(count(services, Donor) or count(services, PumpCustomer))


def load(services, out: Path | str = DEMO_DIR):
    """Generate (if missing) and import the demo files, with supply orders.

    Returns None, doing nothing, when any donor or pump customer is already stored;
    else the two ImportReports.
    """
    if already_loaded(services):
        return None
    out = Path(out)
    donors_path, customers_path = out / DONORS_FILE, out / CUSTOMERS_FILE
    if not (donors_path.exists() and customers_path.exists()):
        generate(out)
    reports = (import_donors(services, donors_path), import_customers(services, customers_path))
    with services.session() as session:
        customers = session.execute(
            select(PumpCustomer.id, PumpCustomer.customer_number)
            .where(~PumpCustomer.orders.any())).all()
        orders = order_rows([tuple(row) for row in customers])
        if orders:
            session.execute(insert(SupplyOrder), orders)
    return reports
