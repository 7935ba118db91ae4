"""The self-service tasks of the back office: which request starts which task, on which line,
for whose record, and which answers the task needs before its confirmation.

One form (`service_form`) serves every task: it verifies the caller first (unless already
verified for the right kind of record), then asks the task's own questions, then asks for a
confirmation. `actions.service` runs the form, `actions.apply` carries out a confirmed task.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Task:
    name: str
    line_domain: str | None  # the line it belongs to (None: either organisation)
    subject: str | None  # "donor" or "customer" (None: whichever the line serves)
    slots: tuple[str, ...]  # the task's own questions, in order
    # "self": the caller's own record; "deceased": a relative reports a donor's death and
    # identifies the donor's record, which does not make the caller verified.
    verify: str = "self"


TASKS = {task.name: task for task in (
    Task("gift", "donor", "donor", ("new_amount", "new_frequency")),
    Task("frequency", "donor", "donor", ("new_frequency",)),
    Task("address", None, None, ("new_street", "new_postcode", "new_city")),
    Task("contact", None, None, ("new_contact",)),
    Task("iban", "donor", "donor", ("new_iban",)),
    Task("pause", "donor", "donor", ("pause_months",)),
    Task("cancel", "donor", "donor", ()),
    Task("statement", "donor", "donor", ()),
    Task("bereavement", "donor", "donor", (), verify="deceased"),
    Task("order", "device", "customer", ("order_item", "order_quantity")),
    Task("return", "device", "customer", ("return_reason",)),
    Task("complaint", "device", "customer",
         ("complaint_description", "complaint_event_date", "complaint_injury")),
)}

INTENT_TASKS = {
    "donor_change_amount": "gift",
    "donor_change_frequency": "frequency",
    "donor_change_address": "address",
    "donor_change_contact": "contact",
    "donor_change_iban": "iban",
    "donor_pause": "pause",
    "donor_cancel": "cancel",
    "donor_annual_statement": "statement",
    "donor_bereavement": "bereavement",
    "device_order_supplies": "order",
    "device_return": "return",
    "device_complaint": "complaint",
}

VERIFY_SLOTS = ("verify_number", "verify_address")
# Every slot a task may fill; all are cleared when a task starts and when it ends.
TASK_SLOTS = ("new_amount", "new_frequency", "frequency_label", "new_street", "new_postcode",
              "new_city", "new_contact", "new_iban", "pause_months", "order_item",
              "order_quantity", "return_reason", "complaint_description", "complaint_event_date",
              "complaint_injury", "confirm_change", "task_subject_id")

# Supplies a customer can order here, with the most boxes per order (more: a colleague).
SUPPLIES = {
    "patches": {"sku": "PATCH-10", "max": 3, "nl": "doos met 10 patches",
                "en": "box of 10 patches",
                "words": ("patch", "pleister", "pods", "pod")},
    "cartridges": {"sku": "CART-10", "max": 3, "nl": "doos met 10 cartridges",
                   "en": "box of 10 cartridges",
                   "words": ("cartridge", "reservoir", "ampul", "ampoule")},
    "charger": {"sku": "CHARGER-1", "max": 1, "nl": "oplader met kabel",
                "en": "charger with cable", "words": ("oplader", "lader", "charger", "kabel",
                                                      "cable")},
}
PAUSE_MONTHS = (1, 12)


def task_for(name: str | None) -> Task | None:
    return TASKS.get(name or "")


def subject_for(task: Task, line_domain: str | None) -> str:
    """Whose record the task changes: the task's own, else the one the line serves."""
    if task.subject:
        return task.subject
    return "customer" if line_domain == "device" else "donor"


def supply_for(text: str) -> str | None:
    """'patches', 'cartridges' or 'charger' when exactly one is named."""
    lowered = (text or "").lower()
    found = [name for name, item in SUPPLIES.items() if any(w in lowered for w in item["words"])]
    return found[0] if len(found) == 1 else None
